import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProfileCreator1763800000000 implements MigrationInterface {
  name = 'ProfileCreator1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "organisations" ADD "created_by_key_id" uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "organisations" DROP COLUMN "created_by_key_id"`);
  }
}
