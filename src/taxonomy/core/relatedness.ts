import type { FocusSectors } from './focus-sectors';
import type { NaceTaxonomy } from './nace-taxonomy';
import { NACE_LEVEL_NAMES, type FocusSector, type NaceItem, type Relatedness, type RelatednessKind } from './taxonomy.types';

/**
 * Relatedness of two NACE codes: every applicable rule gives a value, the highest wins.
 *
 * | rule                                        | value              | example                        |
 * |---------------------------------------------|--------------------|--------------------------------|
 * | same code                                   | 1.0                | 26.70 vs 26.70                 |
 * | one within the other, the wider is a group  | 0.9                | 26.7 vs 26.70                  |
 * | one within the other, the wider is division | 0.8                | 26 vs 26.70                    |
 * | one within the other, the wider is section  | 0.5                | C vs 26.70                     |
 * | siblings in the same group                  | 0.7                | 26.11 vs 26.12                 |
 * | in the same division (different groups)     | 0.55               | 26.70 vs 26.20                 |
 * | share a focus sector                        | 0.6                | 26.70 vs 32.50 (optics)        |
 * | in related focus sectors                    | 0.5 × strength     | 26.70 vs 86.22 (0.5 × 0.8)     |
 * | otherwise                                   | 0                  | 26.70 vs 01.11                 |
 *
 * Sharing only a section (e.g. both manufacturing) is deliberately worth nothing: too broad to help.
 */
export const RELATEDNESS = {
  same: 1.0,
  withinGroup: 0.9,
  withinDivision: 0.8,
  withinSection: 0.5,
  sameGroup: 0.7,
  sameDivision: 0.55,
  sharedFocus: 0.6,
  relatedFocusMax: 0.5,
  unrelated: 0,
} as const;

const WITHIN_BY_LEVEL: Record<number, number> = {
  1: RELATEDNESS.withinSection,
  2: RELATEDNESS.withinDivision,
  3: RELATEDNESS.withinGroup,
};

const CACHE_LIMIT = 50_000;

export class RelatednessCalculator {
  private readonly cache = new Map<string, Relatedness>();

  constructor(
    private readonly nace: NaceTaxonomy,
    private readonly focus: FocusSectors,
  ) {}

  /** Relatedness of two NACE codes (any accepted spelling); unknown codes give 0 with kind "unknown". */
  between(inputA: string, inputB: string): Relatedness {
    const a = this.nace.normalize(inputA);
    const b = this.nace.normalize(inputB);
    if (!a || !b) {
      const bad = a ? inputB : inputA;
      return { value: 0, kind: 'unknown', reason: `unknown code ${JSON.stringify(bad)}`, a, b };
    }
    const key = `${a}|${b}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const result = this.compute(a, b);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, result);
    return result;
  }

  private compute(a: string, b: string): Relatedness {
    const itemA = this.nace.get(a)!;
    const itemB = this.nace.get(b)!;
    const make = (value: number, kind: RelatednessKind, reason: string): Relatedness => ({ value, kind, reason, a, b });
    if (a === b) return make(RELATEDNESS.same, 'same', `same ${NACE_LEVEL_NAMES[itemA.level]} ${describe(itemA)}`);

    const candidates: Relatedness[] = [];
    const hierarchy = this.hierarchyRelation(itemA, itemB);
    if (hierarchy) candidates.push(make(...hierarchy));

    const fa = this.focus.forNaceCode(a);
    const fb = this.focus.forNaceCode(b);
    const shared = fa.find((s) => fb.some((t) => t.id === s.id));
    if (shared) candidates.push(make(RELATEDNESS.sharedFocus, 'shared-focus', `both in ${label(shared)}`));

    let bestRelated: { s: FocusSector; t: FocusSector; strength: number } | null = null;
    for (const s of fa) {
      for (const t of fb) {
        const strength = s.id === t.id ? 0 : this.focus.strength(s.id, t.id);
        if (strength > (bestRelated?.strength ?? 0)) bestRelated = { s, t, strength };
      }
    }
    if (bestRelated) {
      const { s, t, strength } = bestRelated;
      candidates.push(
        make(
          RELATEDNESS.relatedFocusMax * strength,
          'related-focus',
          `${label(s)} is related to ${label(t)} (strength ${strength})`,
        ),
      );
    }
    // Highest value wins; on ties the hierarchy reason (pushed first) is kept.
    let best = make(RELATEDNESS.unrelated, 'unrelated', 'unrelated');
    for (const c of candidates) if (c.value > best.value) best = c;
    return best;
  }

  private hierarchyRelation(a: NaceItem, b: NaceItem): [number, RelatednessKind, string] | null {
    const ancA = this.nace.ancestors(a.code);
    const ancB = this.nace.ancestors(b.code);
    // One code within the other: the wider code's level sets the value.
    if (ancA.some((x) => x.code === b.code)) return [WITHIN_BY_LEVEL[b.level], 'ancestor', within(a, b)];
    if (ancB.some((x) => x.code === a.code)) return [WITHIN_BY_LEVEL[a.level], 'ancestor', within(b, a)];
    const common = ancA.find((x) => ancB.some((y) => y.code === x.code));
    if (!common) return null;
    if (common.level === 3) {
      return [RELATEDNESS.sameGroup, 'same-group', `${a.code} and ${b.code} are in the same group ${common.code} (${common.en})`];
    }
    if (common.level === 2) {
      return [RELATEDNESS.sameDivision, 'same-division', `${a.code} and ${b.code} are in the same division ${common.code} (${common.en})`];
    }
    return null;
  }
}

function describe(item: NaceItem): string {
  return `${item.code} ${item.en}`;
}

function within(inner: NaceItem, outer: NaceItem): string {
  return `${inner.code} is within ${NACE_LEVEL_NAMES[outer.level]} ${outer.code} (${outer.en})`;
}

// "Optics & photonics" reads as "optics & photonics" inside a sentence.
function label(s: FocusSector): string {
  const en = s.labels.en;
  return /^[A-Z][a-z-]/.test(en) ? en[0].toLowerCase() + en.slice(1) : en;
}
