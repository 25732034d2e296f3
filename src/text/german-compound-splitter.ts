// German compound splitting against a vocabulary (natural does not split compounds).
// Dynamic programming over the word: every part is a known word, non-final parts may carry a
// linking element (Fugenelement), the final part an inflection ending. Fewest parts wins, so
// Augenheilkunde → auge + heilkunde rather than auge + heil + kunde.

/** Common technical heads and modifiers of the partner-matching domain (lower-case surface forms). */
export const GERMAN_TECHNICAL_WORDS: readonly string[] = `
  technik technologie medizin gerät geräte herstellung hersteller entwicklung entwickler forschung
  vertrieb fahrzeug energie wasser anlage anlagen zulieferer logistik laser optik linse batterie
  speicher zelle stoff brennstoff wasserstoff strom netz antrieb motor elektro elektronik mobilität
  auto automobil automobilindustrie industrie bau maschine maschinen maschinenbau werkzeug werkstoff
  material kunststoff metall stahl glas keramik chemie pharma pharmazie biologie biotechnologie
  gewebe therapie diagnostik diagnose labor klinik krankenhaus gesundheit pflege arznei mittel
  wirkstoff impfstoff auge augen heilkunde chirurgie implantat prothese sensor sensorik mess messung
  prüfung qualität sicherheit steuerung regelung software daten digital digitalisierung automation
  automatisierung roboter robotik fertigung produktion verarbeitung bearbeitung beschichtung
  oberfläche transport verkehr güter lager lagerung kette lieferkette hafen schiene straße luft
  fracht spedition umwelt abfall abwasser recycling kreislauf klima schutz wärme kälte pumpe solar
  wind kraft werk kraftwerk wind windkraft photovoltaik modul module leistung halbleiter chip
  licht beleuchtung bild bildgebung kamera mikroskop spektroskopie faser glasfaser präzision
  instrument instrumente dienst dienstleistung beratung service markt handel export import vertrieb
  lösung system systeme plattform netzwerk kooperation partner region cluster stadt kommune
  regenerative medizinprodukt produkt produkte komponente komponenten teil teile baugruppe
  elektrofahrzeug ladung lade ladestation ladeinfrastruktur infrastruktur wasserstofftechnologie
  kontakt kontaktlinse brille brillenglas katarakt netzhaut hornhaut operation
  einrichtung behandlung versorgung entsorgung aufbereitung verfahren anwendung wesen tankstelle
  station zentrum institut gerätebau medizintechnik heilkunde elektromobilität mobil
`
  .trim()
  .split(/\s+/);

// Lexicalised compounds whose parts mislead (Wasserstoff is hydrogen, not water): never split.
const NO_SPLIT: ReadonlySet<string> = new Set(
  'wasserstoff sauerstoff stickstoff kohlenstoff kunststoff werkstoff rohstoff klebstoff farbstoff treibstoff brennstoff wirkstoff impfstoff'.split(' '),
);

export interface CompoundSplitterOptions {
  /** Shortest known part (default 3: gas, bau). */
  minPartLength?: number;
  /** Shortest unknown modifier accepted in the head-only fallback (default 4). */
  minModifierLength?: number;
  /** Longest word attempted (default 60). */
  maxWordLength?: number;
}

// Linking elements after a non-final part, shortest first so the longest base wins; '' = none.
const LINKS = ['', 's', 'n', 'e', 'en', 'es', 'er', 'ens'];
// Inflection endings of the final part.
const ENDINGS = ['', 'n', 's', 'e', 'en', 'es', 'er', 'ern'];
// A Fugen-s is obligatory after these suffixes, so an unknown modifier ending in them loses its s.
const FUGEN_S_SUFFIXES = /(ung|heit|keit|schaft|ion|tät|ität|ling)s$/;

interface Segmentation {
  parts: string[];
  /** Sum of squared part lengths: among equal part counts, prefer one long part over even halves. */
  mass: number;
}

export class GermanCompoundSplitter {
  private readonly vocab: Set<string>;
  private readonly minPart: number;
  private readonly minModifier: number;
  private readonly maxWord: number;
  private readonly cache = new Map<string, string[]>();

  constructor(vocabulary: Iterable<string>, options: CompoundSplitterOptions = {}) {
    this.minPart = options.minPartLength ?? 3;
    this.minModifier = options.minModifierLength ?? 4;
    this.maxWord = options.maxWordLength ?? 60;
    this.vocab = new Set<string>();
    for (const w of vocabulary) {
      const word = w.normalize('NFC').toLowerCase().trim();
      if (word.length >= this.minPart && /^[a-zäöüß]+$/.test(word)) this.vocab.add(word);
    }
  }

  get vocabularySize(): number {
    return this.vocab.size;
  }

  has(word: string): boolean {
    return this.vocab.has(word);
  }

  /**
   * Parts of a lower-case German word in their vocabulary form (Brennstoffzellen → brennstoff,
   * zelle), or [] when the word is not a recognisable compound. The whole word is not included;
   * callers keep it alongside. Nested parts are flattened one level (Brennstoffzelle, if known,
   * yields brennstoffzelle, brennstoff, zelle).
   */
  split(word: string): string[] {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const result = this.computeSplit(word);
    if (this.cache.size >= 50_000) this.cache.clear();
    this.cache.set(word, result);
    return result;
  }

  private computeSplit(word: string): string[] {
    if (word.length < 2 * this.minPart || word.length > this.maxWord || NO_SPLIT.has(word)) return [];
    const seg = this.segment(word, 0, true) ?? this.headFallback(word);
    if (!seg || seg.parts.length < 2) return [];
    const out: string[] = [];
    for (const part of seg.parts) {
      out.push(part);
      // Known parts that are compounds themselves (brennstoffzelle) also contribute their parts.
      if (part.length >= 2 * this.minPart && !NO_SPLIT.has(part)) {
        const inner = this.segment(part, 0, true);
        if (inner && inner.parts.length >= 2) out.push(...inner.parts);
      }
    }
    return [...new Set(out)];
  }

  /** Best segmentation of word[from..]; `top` rejects the trivial one-part answer. */
  private segment(word: string, from: number, top: boolean, memo = new Map<number, Segmentation | null>()): Segmentation | undefined {
    if (!top && memo.has(from)) return memo.get(from) ?? undefined;
    let best: Segmentation | undefined;
    // Final part: word[from..] is a vocabulary word plus an ending.
    if (!top) {
      const base = this.matchWithSuffix(word.slice(from), ENDINGS);
      if (base) best = { parts: [base], mass: (word.length - from) ** 2 };
    }
    // Non-final part word[from..j) followed by a segmentation of word[j..].
    for (let j = word.length - this.minPart; j >= from + this.minPart; j--) {
      const piece = word.slice(from, j);
      const base = this.matchWithSuffix(piece, LINKS) ?? this.elidedE(piece);
      if (!base) continue;
      const rest = this.segment(word, j, false, memo);
      if (!rest) continue;
      const cand = { parts: [base, ...rest.parts], mass: (j - from) ** 2 + rest.mass };
      if (!best || cand.parts.length < best.parts.length || (cand.parts.length === best.parts.length && cand.mass > best.mass)) best = cand;
    }
    if (!top) memo.set(from, best ?? null);
    return best;
  }

  /** The vocabulary form of `piece` once one of `suffixes` is removed, if any. */
  private matchWithSuffix(piece: string, suffixes: readonly string[]): string | undefined {
    if (this.vocab.has(piece)) return piece;
    for (const suffix of suffixes) {
      if (suffix === '' || !piece.endsWith(suffix)) continue;
      const base = piece.slice(0, piece.length - suffix.length);
      if (base.length >= this.minPart && this.vocab.has(base)) return base;
    }
    return undefined;
  }

  /** Modifier with its final -e dropped (Schule → Schulbuch, Sonne → Sonnenergie is "sonnen"). */
  private elidedE(piece: string): string | undefined {
    return piece.length >= this.minPart && this.vocab.has(piece + 'e') ? piece + 'e' : undefined;
  }

  /**
   * German compounds are right-headed: when the modifier is unknown (Intraokularlinsen), a known
   * head still carries the meaning. Longest known head with a modifier of ≥ minModifier letters.
   */
  private headFallback(word: string): Segmentation | undefined {
    for (let i = this.minModifier; i <= word.length - this.minPart - 1; i++) {
      const head = this.matchWithSuffix(word.slice(i), ENDINGS);
      if (!head || head.length < this.minPart + 1) continue;
      let modifier = word.slice(0, i);
      if (FUGEN_S_SUFFIXES.test(modifier)) modifier = modifier.slice(0, -1);
      return { parts: [modifier, head], mass: 0 };
    }
    return undefined;
  }
}
