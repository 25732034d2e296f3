import type { NaceTaxonomy } from './nace-taxonomy';
import type { FocusSector, FocusSectorConfig, TextLang } from './taxonomy.types';

const LANGS: TextLang[] = ['en', 'de', 'ja'];

/**
 * Validates config/focus-sectors.json (operators edit it by hand) and canonicalises its NACE codes.
 * Throws one error listing every problem, so a broken edit is reported in full at start-up.
 */
export function parseFocusSectorConfig(raw: unknown, nace: NaceTaxonomy): FocusSectorConfig {
  const problems: string[] = [];
  const obj = isRecord(raw) ? raw : {};
  if (typeof obj.version !== 'string') problems.push('"version" must be a string');
  const rawSectors = Array.isArray(obj.sectors) ? (obj.sectors as unknown[]) : [];
  if (!Array.isArray(obj.sectors)) problems.push('"sectors" must be an array');

  const sectors: FocusSector[] = [];
  for (const [i, s] of rawSectors.entries()) {
    const where = `sectors[${i}]`;
    if (!isRecord(s) || typeof s.id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(s.id)) {
      problems.push(`${where}: "id" must be a kebab-case string`);
      continue;
    }
    const at = `sector ${s.id}`;
    const labels = isRecord(s.labels) ? s.labels : {};
    const synonyms = isRecord(s.synonyms) ? s.synonyms : {};
    for (const lang of LANGS) {
      if (typeof labels[lang] !== 'string' || labels[lang] === '') problems.push(`${at}: labels.${lang} missing`);
      const list: unknown = synonyms[lang];
      if (!Array.isArray(list) || list.some((t) => typeof t !== 'string' || t.trim() === '')) {
        problems.push(`${at}: synonyms.${lang} must be an array of non-empty strings`);
      } else if (lang === 'ja') {
        // A single kanji ("目", "水") is a substring of many unrelated words; require two characters.
        for (const t of list as string[]) if ([...t].length < 2) problems.push(`${at}: synonyms.ja "${t}" too short`);
      }
    }
    const codes: string[] = [];
    for (const c of Array.isArray(s.nace) ? (s.nace as unknown[]) : []) {
      const code = typeof c === 'string' ? nace.normalize(c) : null;
      if (code) codes.push(code);
      else problems.push(`${at}: unknown NACE code ${JSON.stringify(c)}`);
    }
    if (codes.length === 0) problems.push(`${at}: "nace" must list at least one code`);
    const related: FocusSector['related'] = [];
    for (const r of Array.isArray(s.related) ? (s.related as unknown[]) : []) {
      if (!isRecord(r) || typeof r.id !== 'string' || typeof r.strength !== 'number') {
        problems.push(`${at}: related entries need {id, strength}`);
      } else if (!(r.strength > 0 && r.strength <= 1)) {
        problems.push(`${at}: related ${r.id} strength must be in (0, 1]`);
      } else {
        related.push({ id: r.id, strength: r.strength });
      }
    }
    sectors.push({
      id: s.id,
      labels: { en: String(labels.en), de: String(labels.de), ja: String(labels.ja) },
      synonyms: {
        en: asStrings(synonyms.en),
        de: asStrings(synonyms.de),
        ja: asStrings(synonyms.ja),
      },
      nace: codes,
      related,
    });
  }
  const ids = new Set<string>();
  for (const s of sectors) {
    if (ids.has(s.id)) problems.push(`sector ${s.id}: duplicate id`);
    ids.add(s.id);
  }
  for (const s of sectors) {
    for (const r of s.related) {
      if (!ids.has(r.id)) problems.push(`sector ${s.id}: related id ${r.id} is not a sector`);
      if (r.id === s.id) problems.push(`sector ${s.id}: related to itself`);
    }
  }
  if (problems.length) throw new Error(`Invalid focus-sector config:\n- ${problems.join('\n- ')}`);
  return { version: obj.version as string, sectors };
}

/** The curated focus-sector layer over NACE. */
export class FocusSectors {
  readonly version: string;
  private readonly byIdMap = new Map<string, FocusSector>();
  // Relations are read symmetrically: the stronger of a→b and b→a wins.
  private readonly strengths = new Map<string, Map<string, number>>();

  constructor(
    config: FocusSectorConfig,
    private readonly nace: NaceTaxonomy,
  ) {
    this.version = config.version;
    for (const s of config.sectors) {
      this.byIdMap.set(s.id, s);
      this.strengths.set(s.id, new Map());
    }
    for (const s of config.sectors) {
      for (const r of s.related) {
        if (!this.byIdMap.has(r.id) || r.id === s.id) continue;
        this.setStrength(s.id, r.id, r.strength);
        this.setStrength(r.id, s.id, r.strength);
      }
    }
  }

  all(): FocusSector[] {
    return [...this.byIdMap.values()];
  }

  ids(): string[] {
    return [...this.byIdMap.keys()];
  }

  byId(id: string): FocusSector | undefined {
    return this.byIdMap.get(id);
  }

  /** Sectors a NACE code belongs to: the code equals or descends from one of the sector's codes. */
  forNaceCode(input: string): FocusSector[] {
    const code = this.nace.normalize(input);
    if (!code) return [];
    return this.all().filter((s) => s.nace.some((c) => this.nace.isWithin(code, c)));
  }

  /** Related sectors, strongest first. */
  related(id: string): { sector: FocusSector; strength: number }[] {
    const map = this.strengths.get(id);
    if (!map) return [];
    return [...map.entries()]
      .map(([rid, strength]) => ({ sector: this.byIdMap.get(rid)!, strength }))
      .sort((x, y) => y.strength - x.strength || x.sector.id.localeCompare(y.sector.id));
  }

  /** Symmetric strength in [0, 1]; 1 for the same sector, 0 when not related. */
  strength(a: string, b: string): number {
    if (a === b) return this.byIdMap.has(a) ? 1 : 0;
    return this.strengths.get(a)?.get(b) ?? 0;
  }

  private setStrength(a: string, b: string, value: number): void {
    const map = this.strengths.get(a)!;
    map.set(b, Math.max(map.get(b) ?? 0, value));
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asStrings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string').map((t) => t.trim()) : [];
}
