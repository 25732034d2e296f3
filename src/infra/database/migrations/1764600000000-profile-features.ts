import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProfileFeatures1764600000000 implements MigrationInterface {
  name = 'ProfileFeatures1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "profile_features" ("organisation_id" uuid NOT NULL, "fingerprint" character varying(80) NOT NULL, "profile_version" integer NOT NULL, "profile_updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "analysis" json NOT NULL, "analysed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4ffb57976e1f04a1e80dfb0eb96" PRIMARY KEY ("organisation_id"))`);
    await q.query(`ALTER TABLE "profile_features" ADD CONSTRAINT "FK_4ffb57976e1f04a1e80dfb0eb96" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "profile_features" DROP CONSTRAINT "FK_4ffb57976e1f04a1e80dfb0eb96"`);
    await q.query(`DROP TABLE "profile_features"`);
  }
}
