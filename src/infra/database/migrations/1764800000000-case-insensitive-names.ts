import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Region names (per country) and tie-up names are unique regardless of case. The services check this
 * before writing; these indexes make it hold under concurrent writes too (a violation answers 409).
 * Expression indexes are declared with `synchronize: false` on the entities, so the schema builder
 * leaves them to this migration.
 */
export class CaseInsensitiveNames1764800000000 implements MigrationInterface {
  name = 'CaseInsensitiveNames1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX "uq_regions_country_lower_name" ON "regions" ("country", lower("name"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_tie_ups_lower_name" ON "tie_ups" (lower("name"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "uq_tie_ups_lower_name"`);
    await q.query(`DROP INDEX "uq_regions_country_lower_name"`);
  }
}
