import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PairSelections1764400000000 implements MigrationInterface {
  name = 'PairSelections1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "pair_selections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "report" jsonb NOT NULL, "created_by_key_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_facbe3cb77a1ff9fd50cfb61f0c" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_pair_selections_event" ON "pair_selections"  ("event_id", "created_at")`);
    await q.query(`CREATE TABLE "selected_pairs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "selection_id" uuid NOT NULL, "event_id" uuid NOT NULL, "organisation_a" uuid NOT NULL, "organisation_b" uuid NOT NULL, "score" real NOT NULL, "kind" character varying(12) NOT NULL, CONSTRAINT "PK_388cce2046dcbb719c7c5d4fe35" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_selected_pairs_event" ON "selected_pairs"  ("event_id")`);
    await q.query(`ALTER TABLE "pair_selections" ADD CONSTRAINT "FK_0719858fbbde606c460319e8dcb" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "selected_pairs" ADD CONSTRAINT "FK_ad314d7140b0979a869f8c68cbe" FOREIGN KEY ("selection_id") REFERENCES "pair_selections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "selected_pairs" DROP CONSTRAINT "FK_ad314d7140b0979a869f8c68cbe"`);
    await q.query(`ALTER TABLE "pair_selections" DROP CONSTRAINT "FK_0719858fbbde606c460319e8dcb"`);
    await q.query(`DROP INDEX "public"."ix_selected_pairs_event"`);
    await q.query(`DROP TABLE "selected_pairs"`);
    await q.query(`DROP INDEX "public"."ix_pair_selections_event"`);
    await q.query(`DROP TABLE "pair_selections"`);
  }
}
