import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Time zones are stored as IANA spells them ("Europe/Berlin") since names are accepted in any case;
 * events and regions stored earlier keep the spelling they were given ("europe/berlin"). This rewrites
 * them. Only the spelling changes: the zone, and every instant derived from it, stay the same. The rule
 * is written out here (not imported) so that this migration keeps doing what it did when it landed.
 */
export class CanonicalTimeZones1765400000000 implements MigrationInterface {
  name = 'CanonicalTimeZones1765400000000';

  async up(q: QueryRunner): Promise<void> {
    const byLowerCase = new Map(Intl.supportedValuesOf('timeZone').map((z) => [z.toLowerCase(), z]));
    const spelling = (zone: string): string | null => {
      const listed = byLowerCase.get(zone.toLowerCase());
      if (listed) return listed;
      try {
        // Links such as "UTC" are valid IANA names ICU does not list: keep ICU's spelling of the same name.
        const resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
        return resolved.toLowerCase() === zone.toLowerCase() ? resolved : null;
      } catch {
        return null;
      }
    };
    for (const table of ['events', 'regions']) {
      const rows: { zone: string }[] = await q.query(`SELECT DISTINCT time_zone AS zone FROM "${table}"`);
      for (const { zone } of rows) {
        const canonical = spelling(zone);
        if (canonical && canonical !== zone) await q.query(`UPDATE "${table}" SET time_zone = $1 WHERE time_zone = $2`, [canonical, zone]);
      }
    }
  }

  async down(): Promise<void> {
    // The earlier spellings named the same zones; nothing to restore.
  }
}
