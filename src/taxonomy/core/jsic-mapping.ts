import type { JsicData, JsicEntryData, JsicMajorData } from './taxonomy.types';

/** Prefix that marks a JSIC code where a NACE code is expected: "JSIC:27", "jsic:2753", "JSIC:E". */
export const JSIC_PREFIX = 'JSIC:';

/** "JSIC:27" → "27"; anything without the prefix → null. */
export function stripJsicPrefix(input: string): string | null {
  const m = /^\s*jsic\s*[:：]\s*(.+?)\s*$/i.exec(input.normalize('NFKC'));
  return m ? m[1].toUpperCase() : null;
}

export interface JsicLookup {
  /** The JSIC code as asked for. */
  code: string;
  /** The curated entry that supplied the targets (the code itself or its nearest mapped ancestor). */
  entry: JsicEntryData | null;
  major: JsicMajorData | null;
  nace: string[];
}

/**
 * Curated JSIC Rev. 14 → NACE mapping. All 99 divisions are mapped; focus-sector minor (3-digit) and
 * detail (4-digit) categories more finely. Unmapped finer codes inherit from their nearest mapped prefix,
 * so "2759" falls back to "275" and "1199" to "11".
 */
export class JsicMapping {
  readonly id: string;
  readonly naceVersion: string;
  private readonly entries = new Map<string, JsicEntryData>();
  private readonly majors = new Map<string, JsicMajorData>();

  constructor(data: JsicData) {
    this.id = data.id;
    this.naceVersion = data.naceVersion;
    for (const e of data.entries) this.entries.set(e.jsic, e);
    for (const m of data.majors) this.majors.set(m.code, m);
  }

  all(): JsicEntryData[] {
    return [...this.entries.values()];
  }

  allMajors(): JsicMajorData[] {
    return [...this.majors.values()];
  }

  /** Exact curated entry (division, minor or detail category). */
  entry(code: string): JsicEntryData | undefined {
    return this.entries.get(code);
  }

  /** Resolves a JSIC code (with or without the JSIC: prefix) to NACE targets, or null if unknown. */
  lookup(input: string): JsicLookup | null {
    const code = (stripJsicPrefix(input) ?? input.normalize('NFKC').trim()).toUpperCase();
    const major = this.majors.get(code);
    if (major) {
      // A major group maps to the union of its divisions' targets.
      const nace = unique(major.divisions.flatMap((d) => this.entries.get(d)?.nace ?? []));
      return { code, entry: null, major, nace };
    }
    if (!/^\d{2,4}$/.test(code)) return null;
    for (let len = code.length; len >= 2; len--) {
      const entry = this.entries.get(code.slice(0, len));
      if (entry) return { code, entry, major: this.majorOf(code.slice(0, 2)), nace: [...entry.nace] };
    }
    return null;
  }

  /** NACE codes for a JSIC code; [] when the code is unknown or unclassifiable (99). */
  fromJsic(input: string): string[] {
    return this.lookup(input)?.nace ?? [];
  }

  majorOf(division: string): JsicMajorData | null {
    for (const m of this.majors.values()) if (m.divisions.includes(division)) return m;
    return null;
  }
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

/**
 * Japanese terms from a JSIC name: the full name plus its parts without the trade suffix, so that
 * "光学機械器具・レンズ製造業" also yields "光学機械器具" and "レンズ" (JSIC names are long compounds
 * and users type the product word).
 */
export function jsicJaTerms(name: string): string[] {
  const out = new Set<string>([name]);
  const bare = name.replace(/[（(][^）)]*[）)]/g, '').trim();
  out.add(bare);
  const stripped = stripTradeSuffix(bare);
  if ([...stripped].length >= 2) out.add(stripped);
  for (const part of stripped.split(/[・、]/)) {
    const p = stripTradeSuffix(part.trim()).replace(/等$/, '');
    // "同附属品" (its accessories), "その他の…" (other …) and bare "附属品" carry no meaning on their own.
    if ([...p].length >= 2 && !/^(同|その他|他に)/.test(p) && !GENERIC_PARTS.has(p)) out.add(p);
  }
  return [...out];
}

const GENERIC_PARTS = new Set(['附属品', '部分品', '部品', '関連品', '材料', '製品', '用品', '機械器具']);

function stripTradeSuffix(s: string): string {
  const m = /^(.+?)(製造業|製造・修理業|卸売業|小売業|工事業|工業|業)$/.exec(s);
  return m && [...m[1]].length >= 2 ? m[1] : s;
}
