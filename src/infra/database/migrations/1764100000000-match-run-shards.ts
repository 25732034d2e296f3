import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MatchRunShards1764100000000 implements MigrationInterface {
  name = 'MatchRunShards1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "match_runs" ADD "shards_total" integer NOT NULL DEFAULT '1'`);
    await q.query(`ALTER TABLE "match_runs" ADD "done_shards" integer array NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "match_runs" DROP COLUMN "done_shards"`);
    await q.query(`ALTER TABLE "match_runs" DROP COLUMN "shards_total"`);
  }
}
