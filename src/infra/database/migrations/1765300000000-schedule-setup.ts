import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each schedule run records the event set-up it was computed for (a fingerprint of the slot grid and
 * the table count), so a draft made before the set-up changed is not published. Runs stored before
 * this migration keep null: publishing checks what it can of them instead.
 */
export class ScheduleSetup1765300000000 implements MigrationInterface {
  name = 'ScheduleSetup1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "schedules" ADD "setup_fingerprint" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "schedules" DROP COLUMN "setup_fingerprint"`);
  }
}
