import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An event's weight version may be a marker "follows the global set" (no weights of its own). */
export class EventWeightsFollowGlobal1765200000000 implements MigrationInterface {
  name = 'EventWeightsFollowGlobal1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "weight_sets" ADD "follows_global" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "weight_sets" ALTER COLUMN "weights" DROP NOT NULL`);
    await q.query(
      `ALTER TABLE "weight_sets" ADD CONSTRAINT "ck_weight_sets_follows_global" CHECK (("follows_global" AND "weights" IS NULL AND "scope" <> 'global') OR (NOT "follows_global" AND "weights" IS NOT NULL))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Without markers an event follows the global set only by having no versions: an event whose latest
    // version is a marker loses its history (so it keeps following the global set); other markers go.
    await q.query(
      `DELETE FROM "weight_sets" WHERE "scope" IN (
         SELECT l."scope" FROM "weight_sets" l
          WHERE l."follows_global" AND l."version" = (SELECT max(m."version") FROM "weight_sets" m WHERE m."scope" = l."scope"))`,
    );
    await q.query(`DELETE FROM "weight_sets" WHERE "follows_global"`);
    await q.query(`ALTER TABLE "weight_sets" DROP CONSTRAINT "ck_weight_sets_follows_global"`);
    await q.query(`ALTER TABLE "weight_sets" ALTER COLUMN "weights" SET NOT NULL`);
    await q.query(`ALTER TABLE "weight_sets" DROP COLUMN "follows_global"`);
  }
}
