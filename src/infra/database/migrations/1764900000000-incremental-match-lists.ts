import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incremental match lists: each stored list keeps its reserve (exact ranks after those shown) and the
 * profile basis it reflects; runs have a kind (full or changes) and a full run its idf; an event's
 * match state holds the idf its lists were computed with and a version bumped at every list write.
 */
export class IncrementalMatchLists1764900000000 implements MigrationInterface {
  name = 'IncrementalMatchLists1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "match_lists" ADD "reserve" jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE "match_lists" ADD "basis" character varying(64)`);
    await q.query(`ALTER TABLE "match_runs" ADD "kind" character varying(12) NOT NULL DEFAULT 'full'`);
    await q.query(`ALTER TABLE "match_runs" ADD "idf" jsonb`);
    await q.query(
      `CREATE TABLE "match_states" ("event_id" uuid NOT NULL, "generation" bigint NOT NULL, "version" bigint NOT NULL DEFAULT '0',
        "weight_set_id" uuid NOT NULL, "idf" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_match_states" PRIMARY KEY ("event_id"))`,
    );
    await q.query(`ALTER TABLE "match_states" ADD CONSTRAINT "FK_5dfbb12517649608061cce0b9d5" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "match_states" DROP CONSTRAINT "FK_5dfbb12517649608061cce0b9d5"`);
    await q.query(`DROP TABLE "match_states"`);
    await q.query(`ALTER TABLE "match_runs" DROP COLUMN "idf"`);
    await q.query(`ALTER TABLE "match_runs" DROP COLUMN "kind"`);
    await q.query(`ALTER TABLE "match_lists" DROP COLUMN "basis"`);
    await q.query(`ALTER TABLE "match_lists" DROP COLUMN "reserve"`);
  }
}
