import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EventSetup1764000000000 implements MigrationInterface {
  name = 'EventSetup1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "events" ADD "days" jsonb`);
    await q.query(`ALTER TABLE "events" ADD "slot_minutes" integer NOT NULL DEFAULT '20'`);
    await q.query(`ALTER TABLE "events" ADD "break_minutes" integer NOT NULL DEFAULT '0'`);
    await q.query(`ALTER TABLE "events" ADD "table_count" integer NOT NULL DEFAULT '10'`);
    await q.query(`ALTER TABLE "events" ADD "groups" text array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "events" ADD "group_pairs" jsonb`);
    await q.query(`ALTER TABLE "events" ADD "min_meetings" integer NOT NULL DEFAULT '0'`);
    await q.query(`ALTER TABLE "events" ADD "max_meetings" integer`);
    await q.query(`ALTER TABLE "event_participants" ADD "group_name" character varying(60)`);
    await q.query(`ALTER TABLE "event_participants" ADD "min_meetings" integer`);
    await q.query(`ALTER TABLE "event_participants" ADD "max_meetings" integer`);
    await q.query(`ALTER TABLE "event_participants" ADD "representatives" integer NOT NULL DEFAULT '1'`);
    await q.query(`ALTER TABLE "event_participants" ADD "representative_names" text array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "event_participants" ADD "blocked_slots" integer array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "event_participants" ADD "languages" text array`);
    await q.query(`ALTER TABLE "event_participants" ADD "brings_interpreter" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "event_participants" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "event_participants" DROP COLUMN "updated_at"`);
    await q.query(`ALTER TABLE "event_participants" DROP COLUMN "brings_interpreter"`);
    await q.query(`ALTER TABLE "event_participants" DROP COLUMN "languages"`);
    await q.query(`ALTER TABLE "event_participants" DROP COLUMN "blocked_slots"`);
    await q.query(`ALTER TABLE "event_participants" DROP COLUMN "representative_names"`);
    await q.query(`ALTER TABLE "event_participants" DROP COLUMN "representatives"`);
    await q.query(`ALTER TABLE "event_participants" DROP COLUMN "max_meetings"`);
    await q.query(`ALTER TABLE "event_participants" DROP COLUMN "min_meetings"`);
    await q.query(`ALTER TABLE "event_participants" DROP COLUMN "group_name"`);
    await q.query(`ALTER TABLE "events" DROP COLUMN "max_meetings"`);
    await q.query(`ALTER TABLE "events" DROP COLUMN "min_meetings"`);
    await q.query(`ALTER TABLE "events" DROP COLUMN "group_pairs"`);
    await q.query(`ALTER TABLE "events" DROP COLUMN "groups"`);
    await q.query(`ALTER TABLE "events" DROP COLUMN "table_count"`);
    await q.query(`ALTER TABLE "events" DROP COLUMN "break_minutes"`);
    await q.query(`ALTER TABLE "events" DROP COLUMN "slot_minutes"`);
    await q.query(`ALTER TABLE "events" DROP COLUMN "days"`);
  }
}

