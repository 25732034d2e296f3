import { direction } from './complementarity';
import { FixedSideDirections } from './fixed-side-directions';
import { PhraseTable } from './phrase-table';
import { input, pool } from './scoring-fixture.spec-helper';
import type { ScoringProfile } from './scoring.types';

describe('FixedSideDirections (direction() with one side fixed, the other read from a PhraseTable)', () => {
  const profiles = Object.values(
    pool(
      input('lens', { offers: ['contract manufacturing of optical lenses', 'precision optics'], seeks: ['distribution partners for optics in Japan'], sectors: ['26.70'] }),
      input('laser', { offers: ['laser systems for medical devices', 'joint R&D in photonics'], seeks: ['suppliers of optical components', 'pilot users for laser systems'] }),
      input('hama', { country: 'JP', region: 'Hamamatsu', offers: ['光学レンズの受託製造', '医療機器向けレーザー'], seeks: ['光学部品の調達先'], languages: ['ja'] }),
      input('kobe', { country: 'JP', region: 'Kobe', offers: ['regenerative medicine research', 'cell culture testing services'], seeks: ['Forschungspartner im Bereich Biotechnologie'] }),
      input('bw', { offers: ['Komponenten für Elektrofahrzeuge', 'Auftragsfertigung von Batteriemodulen'], seeks: ['Lieferanten für Wasserstoff-Brennstoffzellen', 'Vertriebspartner in Japan', 'Pilotanwender für Ladeinfrastruktur'] }),
      input('quiet', { offers: [], seeks: [] }),
      input('seeker', { country: 'JP', region: 'Tokyo', seeks: ['contract manufacturers for optical lenses', '燃料電池の部品'] }),
      input('offerer', { country: 'JP', region: 'Koriyama', offers: ['hydrogen fuel cell components', 'installation and maintenance of wind turbines', 'testing services for batteries'] }),
    ),
  );
  const env = profiles[0].env;
  const rel = env.domainRelation;
  const n = env.domainIds.length;

  function tableOf(ps: readonly ScoringProfile[]): PhraseTable {
    const t = new PhraseTable();
    ps.forEach((p, slot) => t.set(slot, p));
    return t;
  }

  it('gives direction() bit for bit, in both directions, for every ordered pair', () => {
    const t = tableOf(profiles);
    const dirs = new FixedSideDirections();
    let nonZero = 0;
    for (const a of profiles) {
      dirs.set(a);
      profiles.forEach((b, slot) => {
        const forward = dirs.forward(t, slot, rel, n);
        const reverse = dirs.reverse(t, slot, rel, n);
        expect(forward).toBe(direction(a, b, rel, n));
        expect(reverse).toBe(direction(b, a, rel, n));
        if (forward > 0) nonZero++;
      });
    }
    // The pool is built to match: a good share of the 64 ordered pairs has a positive direction.
    expect(nonZero).toBeGreaterThanOrEqual(16);
  });

  it('keeps giving direction() after slots are replaced, cleared and the table compacts itself', () => {
    const t = tableOf(profiles);
    const dirs = new FixedSideDirections();
    const current = [...profiles];
    // Enough replacements for several compactions (each record is about a hundred numbers).
    for (let round = 0; round < 3000; round++) {
      const slot = round % current.length;
      current[slot] = profiles[(round * 5 + 3) % profiles.length];
      t.set(slot, current[slot]);
    }
    t.clear(2);
    expect(t.start[2]).toBe(-1);
    for (const a of profiles) {
      dirs.set(a);
      current.forEach((b, slot) => {
        if (slot === 2) return;
        expect(dirs.forward(t, slot, rel, n)).toBe(direction(a, b, rel, n));
        expect(dirs.reverse(t, slot, rel, n)).toBe(direction(b, a, rel, n));
      });
    }
    expect(t.data.length).toBeLessThan(65536 * 4);
  });

  it('follows the fixed profile when it changes (terms of the previous one no longer count)', () => {
    const t = tableOf(profiles);
    const dirs = new FixedSideDirections();
    dirs.set(profiles[0]);
    dirs.set(profiles[4]);
    expect(dirs.current).toBe(profiles[4]);
    profiles.forEach((b, slot) => expect(dirs.forward(t, slot, rel, n)).toBe(direction(profiles[4], b, rel, n)));
  });

  it('refuses to score before a fixed profile is set', () => {
    expect(() => new FixedSideDirections().forward(tableOf(profiles), 0, rel, n)).toThrow(/no profile set/);
  });
});
