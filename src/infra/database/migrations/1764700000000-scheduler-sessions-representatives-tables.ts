import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Session restrictions, parallel representatives and exhibitors' own tables for the scheduler. */
export class SchedulerSessionsRepresentativesTables1764700000000 implements MigrationInterface {
  name = 'SchedulerSessionsRepresentativesTables1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "event_participants" ADD "sessions" text array`);
    await q.query(`ALTER TABLE "event_participants" ADD "parallel_meetings" integer NOT NULL DEFAULT '1'`);
    await q.query(`ALTER TABLE "event_participants" ADD "fixed_table" integer`);
    await q.query(`CREATE UNIQUE INDEX "ux_event_participants_fixed_table" ON "event_participants"  ("event_id", "fixed_table") WHERE "fixed_table" IS NOT NULL`);
    await q.query(`ALTER TABLE "selected_pairs" ADD "session" character varying(40)`);
    await q.query(`ALTER TABLE "selected_pairs" ADD "representative_a" integer`);
    await q.query(`ALTER TABLE "selected_pairs" ADD "representative_b" integer`);
    await q.query(`ALTER TABLE "scheduled_meetings" ADD "representative_a" integer`);
    await q.query(`ALTER TABLE "scheduled_meetings" ADD "representative_b" integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "scheduled_meetings" DROP COLUMN "representative_b"`);
    await q.query(`ALTER TABLE "scheduled_meetings" DROP COLUMN "representative_a"`);
    await q.query(`ALTER TABLE "selected_pairs" DROP COLUMN "representative_b"`);
    await q.query(`ALTER TABLE "selected_pairs" DROP COLUMN "representative_a"`);
    await q.query(`ALTER TABLE "selected_pairs" DROP COLUMN "session"`);
    await q.query(`DROP INDEX "public"."ux_event_participants_fixed_table"`);
    await q.query(`ALTER TABLE "event_participants" DROP COLUMN "fixed_table"`);
    await q.query(`ALTER TABLE "event_participants" DROP COLUMN "parallel_meetings"`);
    await q.query(`ALTER TABLE "event_participants" DROP COLUMN "sessions"`);
  }
}
