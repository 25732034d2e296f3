import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored suggestions keep their component values (the list keeps the component weights once) instead
 * of a full breakdown and reason texts per suggestion; reasons are built when a list is read.
 */
export class CompactMatchLists1765100000000 implements MigrationInterface {
  name = 'CompactMatchLists1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "match_lists" ADD "component_weights" jsonb NOT NULL DEFAULT '{}'`);
    await q.query(
      `UPDATE match_lists SET
         component_weights = coalesce((SELECT jsonb_object_agg(b->>'component', b->'weight') FROM jsonb_array_elements(suggestions->0->'breakdown') b), '{}'),
         suggestions = coalesce((
           SELECT jsonb_agg(jsonb_build_object('organisationId', s->'organisationId', 'score', s->'score', 'interpreterNeeded', s->'interpreterNeeded',
                    'values', coalesce((SELECT jsonb_agg(b->'value' ORDER BY i) FROM jsonb_array_elements(s->'breakdown') WITH ORDINALITY AS c(b, i)), '[]')) ORDER BY o)
             FROM jsonb_array_elements(suggestions) WITH ORDINALITY AS x(s, o)), '[]')
       WHERE jsonb_array_length(suggestions) > 0 AND suggestions->0 ? 'breakdown'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Lists are derived data: the next run writes them again (the old shape needs reason texts).
    await q.query(`DELETE FROM match_lists`);
    await q.query(`ALTER TABLE "match_lists" DROP COLUMN "component_weights"`);
  }
}
