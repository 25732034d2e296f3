import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AppSettings1764300000000 implements MigrationInterface {
  name = 'AppSettings1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "app_settings" ("key" character varying(80) NOT NULL, "value" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_975c2db59c65c05fd9c6b63a2ab" PRIMARY KEY ("key"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "app_settings"`);
  }
}
