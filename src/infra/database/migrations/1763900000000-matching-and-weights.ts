import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MatchingAndWeights1763900000000 implements MigrationInterface {
  name = 'MatchingAndWeights1763900000000';

  async up(q: QueryRunner): Promise<void> {
    // Generations order match-list results: a run takes one when it starts.
    await q.query(`CREATE SEQUENCE "match_generation_seq"`);
    await q.query(`CREATE TABLE "match_lists" ("event_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "generation" bigint NOT NULL, "weight_set_id" uuid NOT NULL, "weight_version" integer NOT NULL, "weight_scope" character varying(60) NOT NULL, "suggestions" jsonb NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e1a30f2024e82b4557084470dc5" PRIMARY KEY ("event_id", "organisation_id"))`);
    await q.query(`CREATE TABLE "match_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "organisation_id" uuid, "status" character varying(12) NOT NULL, "trigger" character varying(120) NOT NULL, "generation" bigint, "weight_version" integer, "progress" real NOT NULL DEFAULT '0', "participants" integer NOT NULL DEFAULT '0', "pairs_scored" bigint NOT NULL DEFAULT '0', "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "duration_ms" integer, CONSTRAINT "PK_1e9ec070b43e5b98acfb9f1979d" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_match_runs_event" ON "match_runs"  ("event_id", "created_at")`);
    await q.query(`CREATE TABLE "weight_sets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "scope" character varying(60) NOT NULL, "event_id" uuid, "version" integer NOT NULL, "weights" jsonb NOT NULL, "note" text NOT NULL DEFAULT '', "created_by_key_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_718413774a965461667cf0316aa" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_weight_sets_scope_version" ON "weight_sets"  ("scope", "version")`);
    await q.query(`ALTER TABLE "events" ADD "meeting_rule_mode" character varying(10) NOT NULL DEFAULT 'required'`);
    await q.query(`ALTER TABLE "events" ADD "organisers_may_tune_weights" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "events" ADD "suggestions_k" integer NOT NULL DEFAULT '20'`);
    await q.query(`ALTER TABLE "match_lists" ADD CONSTRAINT "FK_64c2f713bf247319f0bb9e483ce" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "match_lists" ADD CONSTRAINT "FK_5c013359e80766029fc648de6ca" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "match_runs" ADD CONSTRAINT "FK_34b5bed4c2de3991fd8ee2e85f9" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "weight_sets" ADD CONSTRAINT "FK_3871a385ef7046c177240f3ec24" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "weight_sets" DROP CONSTRAINT "FK_3871a385ef7046c177240f3ec24"`);
    await q.query(`ALTER TABLE "match_runs" DROP CONSTRAINT "FK_34b5bed4c2de3991fd8ee2e85f9"`);
    await q.query(`ALTER TABLE "match_lists" DROP CONSTRAINT "FK_5c013359e80766029fc648de6ca"`);
    await q.query(`ALTER TABLE "match_lists" DROP CONSTRAINT "FK_64c2f713bf247319f0bb9e483ce"`);
    await q.query(`ALTER TABLE "events" DROP COLUMN "suggestions_k"`);
    await q.query(`ALTER TABLE "events" DROP COLUMN "organisers_may_tune_weights"`);
    await q.query(`ALTER TABLE "events" DROP COLUMN "meeting_rule_mode"`);
    await q.query(`DROP INDEX "public"."uq_weight_sets_scope_version"`);
    await q.query(`DROP TABLE "weight_sets"`);
    await q.query(`DROP INDEX "public"."ix_match_runs_event"`);
    await q.query(`DROP TABLE "match_runs"`);
    await q.query(`DROP TABLE "match_lists"`);
    await q.query(`DROP SEQUENCE "match_generation_seq"`);
  }
}
