import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A full run records its participants and their profile bases when it starts (every shard uses them);
 * an event's match state lists participants the lists owe a change for (left during a full run).
 */
export class MatchRunBases1765000000000 implements MigrationInterface {
  name = 'MatchRunBases1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "match_runs" ADD "bases" jsonb`);
    await q.query(`ALTER TABLE "match_states" ADD "pending" uuid array NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "match_states" DROP COLUMN "pending"`);
    await q.query(`ALTER TABLE "match_runs" DROP COLUMN "bases"`);
  }
}
