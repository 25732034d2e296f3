import type { NaceData, NaceItem, NaceLevel } from './taxonomy.types';

// Syntactic parse of a NACE code as people type it; NaceTaxonomy.normalize checks it exists.
// Accepted: "26.70", "2670", "26.7", "267", "26", "C26.70", "C 26.70", "nace:26.70", "26,70", " 26.70 ",
// full-width digits, and single-digit divisions ("1.11" → "01.11").
export function parseNaceCode(input: string): { code: string; section: string | null } | null {
  let s = input.normalize('NFKC').trim();
  s = s.replace(/^nace(\s*rev\.?\s*2)?\s*:?\s*/i, '');
  s = s.replace(/,/g, '.').replace(/\s+/g, '');
  if (/^[A-Ua-u]$/.test(s)) return { code: s.toUpperCase(), section: null };
  let section: string | null = null;
  const withSection = /^([A-Ua-u])(\d.*)$/.exec(s);
  if (withSection) {
    section = withSection[1].toUpperCase();
    s = withSection[2];
  }
  if (/^\d{1,4}$/.test(s)) {
    // Digits only: length gives the level (2670 → class, 267 → group).
    if (s.length === 1) return { code: `0${s}`, section };
    if (s.length === 2) return { code: s, section };
    return { code: `${s.slice(0, 2)}.${s.slice(2)}`, section };
  }
  const dotted = /^(\d{1,2})\.(\d{1,2})$/.exec(s);
  if (dotted) return { code: `${dotted[1].padStart(2, '0')}.${dotted[2]}`, section };
  return null;
}

export function naceLevelOf(code: string): NaceLevel {
  if (/^[A-Z]$/.test(code)) return 1;
  if (/^\d{2}$/.test(code)) return 2;
  if (/^\d{2}\.\d$/.test(code)) return 3;
  return 4;
}

/** The NACE hierarchy (one version, e.g. nace-r2): lookup, normalisation and tree walks. */
export class NaceTaxonomy {
  readonly id: string;
  readonly name: string;
  private readonly items = new Map<string, NaceItem>();
  private readonly children = new Map<string, string[]>();

  constructor(data: NaceData) {
    this.id = data.id;
    this.name = data.name;
    for (const raw of data.items) {
      const item: NaceItem = { ...raw, level: naceLevelOf(raw.code) };
      this.items.set(item.code, item);
      if (item.parent) {
        const list = this.children.get(item.parent) ?? [];
        list.push(item.code);
        this.children.set(item.parent, list);
      }
    }
    for (const item of this.items.values()) {
      if (item.parent && !this.items.has(item.parent)) {
        throw new Error(`NACE data ${data.id}: ${item.code} has unknown parent ${item.parent}`);
      }
    }
  }

  /** Canonical code ("26.70") for a typed code, or null when it is not a code of this taxonomy. */
  normalize(input: string): string | null {
    const parsed = parseNaceCode(input);
    if (!parsed || !this.items.has(parsed.code)) return null;
    // "C26.70" must name the right section; "A26.70" is a typo we refuse rather than guess.
    if (parsed.section && this.sectionOf(parsed.code) !== parsed.section) return null;
    return parsed.code;
  }

  isValidCode(input: string): boolean {
    return this.normalize(input) !== null;
  }

  get(input: string): NaceItem | undefined {
    const code = this.normalize(input);
    return code ? this.items.get(code) : undefined;
  }

  all(): NaceItem[] {
    return [...this.items.values()];
  }

  byLevel(level: NaceLevel): NaceItem[] {
    return this.all().filter((i) => i.level === level);
  }

  parent(input: string): NaceItem | undefined {
    const item = this.get(input);
    return item?.parent ? this.items.get(item.parent) : undefined;
  }

  /** Ancestors nearest first: "26.70" → 26.7, 26, C. */
  ancestors(input: string): NaceItem[] {
    const out: NaceItem[] = [];
    let cur = this.parent(input);
    while (cur) {
      out.push(cur);
      cur = cur.parent ? this.items.get(cur.parent) : undefined;
    }
    return out;
  }

  childrenOf(input: string): NaceItem[] {
    const code = this.normalize(input);
    return code ? (this.children.get(code) ?? []).map((c) => this.items.get(c)!) : [];
  }

  /** All descendants in tree order (not including the code itself). */
  descendants(input: string): NaceItem[] {
    const out: NaceItem[] = [];
    const walk = (code: string): void => {
      for (const child of this.children.get(code) ?? []) {
        out.push(this.items.get(child)!);
        walk(child);
      }
    };
    const code = this.normalize(input);
    if (code) walk(code);
    return out;
  }

  /** The code and all its descendants, for filters like "sector including descendants". */
  withDescendants(input: string): string[] {
    const code = this.normalize(input);
    return code ? [code, ...this.descendants(code).map((i) => i.code)] : [];
  }

  /** True when `code` equals `ancestor` or lies below it. */
  isWithin(code: string, ancestor: string): boolean {
    const c = this.normalize(code);
    const a = this.normalize(ancestor);
    if (!c || !a) return false;
    return c === a || this.ancestors(c).some((i) => i.code === a);
  }

  sectionOf(code: string): string | undefined {
    let item = this.items.get(code);
    while (item?.parent) item = this.items.get(item.parent);
    return item?.code;
  }
}
