import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Schedules1764500000000 implements MigrationInterface {
  name = 'Schedules1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "schedules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "status" character varying(12) NOT NULL, "selection_id" uuid, "options" jsonb NOT NULL, "progress" real NOT NULL DEFAULT '0', "quality" jsonb, "error" text, "created_by_key_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "superseded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_7e33fc2ea755a5765e3564e66dd" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_schedules_event" ON "schedules"  ("event_id", "created_at")`);
    await q.query(`CREATE TABLE "scheduled_meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "schedule_id" uuid NOT NULL, "organisation_a" uuid NOT NULL, "organisation_b" uuid NOT NULL, "slot_index" integer NOT NULL, "table_number" integer NOT NULL, "locked" boolean NOT NULL DEFAULT false, "fixed_slot" integer, CONSTRAINT "PK_22de1578aa380bef838e42fb7db" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_scheduled_meetings_schedule" ON "scheduled_meetings"  ("schedule_id", "slot_index")`);
    await q.query(`ALTER TABLE "schedules" ADD CONSTRAINT "FK_783fc338057c960828af8a3d007" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "schedules" ADD CONSTRAINT "FK_c1251c288131ee22261301e4070" FOREIGN KEY ("selection_id") REFERENCES "pair_selections"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "scheduled_meetings" ADD CONSTRAINT "FK_8b9e4c219369b4e1d1fd2e5d6b4" FOREIGN KEY ("schedule_id") REFERENCES "schedules"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "scheduled_meetings" ADD CONSTRAINT "FK_9dbcddf4c644cc3454ce71eec41" FOREIGN KEY ("organisation_a") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "scheduled_meetings" ADD CONSTRAINT "FK_7b7407f9bbdabe467da473e2954" FOREIGN KEY ("organisation_b") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "scheduled_meetings" DROP CONSTRAINT "FK_7b7407f9bbdabe467da473e2954"`);
    await q.query(`ALTER TABLE "scheduled_meetings" DROP CONSTRAINT "FK_9dbcddf4c644cc3454ce71eec41"`);
    await q.query(`ALTER TABLE "scheduled_meetings" DROP CONSTRAINT "FK_8b9e4c219369b4e1d1fd2e5d6b4"`);
    await q.query(`ALTER TABLE "schedules" DROP CONSTRAINT "FK_c1251c288131ee22261301e4070"`);
    await q.query(`ALTER TABLE "schedules" DROP CONSTRAINT "FK_783fc338057c960828af8a3d007"`);
    await q.query(`DROP INDEX "public"."ix_scheduled_meetings_schedule"`);
    await q.query(`DROP TABLE "scheduled_meetings"`);
    await q.query(`DROP INDEX "public"."ix_schedules_event"`);
    await q.query(`DROP TABLE "schedules"`);
  }
}
