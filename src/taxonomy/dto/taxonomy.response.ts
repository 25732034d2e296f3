import { ApiProperty } from '@nestjs/swagger';
import { NACE_LEVEL_NAMES, type FocusSector, type JsicLookup, type NaceItem, type NaceLevel, type Relatedness, type RelatednessKind } from '../core';

const NACE_LEVELS: NaceLevel[] = [1, 2, 3, 4];
const NACE_LEVEL_NAME_VALUES = Object.values(NACE_LEVEL_NAMES);
// Every kind a successful comparison can have (unknown codes are answered with 400 instead).
const RELATEDNESS_KIND_SET: Record<Exclude<RelatednessKind, 'unknown'>, true> = {
  same: true,
  ancestor: true,
  'same-group': true,
  'same-division': true,
  'shared-focus': true,
  'related-focus': true,
  unrelated: true,
};
const RELATEDNESS_KINDS = Object.keys(RELATEDNESS_KIND_SET);

export class NaceTitle {
  @ApiProperty({ example: 'Manufacture of optical instruments and photographic equipment' }) en: string;
  @ApiProperty({ example: 'Herstellung von optischen und fotografischen Instrumenten und Geräten' }) de: string;
}

export class FocusLabels {
  @ApiProperty({ example: 'Optics & photonics' }) en: string;
  @ApiProperty({ example: 'Optik & Photonik' }) de: string;
  @ApiProperty({ example: '光学・フォトニクス' }) ja: string;
}

export class JsicTitle {
  @ApiProperty({ example: '光学機械器具・レンズ製造業' }) ja: string;
  @ApiProperty({ example: 'OPTICAL INSTRUMENTS AND APPARATUS, AND LENSES' }) en: string;
}

// --- search ---

export class NaceSearchHit {
  @ApiProperty({ enum: ['nace'] }) kind: 'nace';
  @ApiProperty({ example: '26.70' }) code: string;
  @ApiProperty({ type: NaceTitle }) title: NaceTitle;
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.873 }) score: number;
  @ApiProperty({ description: 'The term that matched, or how the hit was reached.', example: 'via focus:optics-photonics (synonym.de: Optik)' }) matchedOn: string;
}

export class FocusSearchHit {
  @ApiProperty({ enum: ['focus'] }) kind: 'focus';
  @ApiProperty({ example: 'optics-photonics' }) id: string;
  @ApiProperty({ type: FocusLabels }) labels: FocusLabels;
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.97 }) score: number;
  @ApiProperty({ example: 'synonym.de: Optik' }) matchedOn: string;
}

export class JsicSearchHit {
  @ApiProperty({ enum: ['jsic'] }) kind: 'jsic';
  @ApiProperty({ example: '275' }) code: string;
  @ApiProperty({ type: JsicTitle }) title: JsicTitle;
  @ApiProperty({ type: [String], description: 'NACE targets of the JSIC code.', example: ['26.70'] }) nace: string[];
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.92 }) score: number;
  @ApiProperty({ example: 'name.ja: 光学機械器具・レンズ製造業' }) matchedOn: string;
}

export type SearchHitResponse = NaceSearchHit | FocusSearchHit | JsicSearchHit;

// --- NACE codes ---

export class NaceCodeSummary {
  @ApiProperty({ example: '26.70' }) code: string;
  @ApiProperty({ enum: NACE_LEVELS, description: '1 section, 2 division, 3 group, 4 class' }) level: NaceLevel;
  @ApiProperty({ enum: NACE_LEVEL_NAME_VALUES, example: 'class' }) levelName: string;
  @ApiProperty({ type: NaceTitle }) title: NaceTitle;

  static from(item: NaceItem): NaceCodeSummary {
    return { code: item.code, level: item.level, levelName: NACE_LEVEL_NAMES[item.level], title: { en: item.en, de: item.de } };
  }
}

export class FocusSectorRef {
  @ApiProperty({ example: 'optics-photonics' }) id: string;
  @ApiProperty({ type: FocusLabels }) labels: FocusLabels;

  static from(s: FocusSector): FocusSectorRef {
    return { id: s.id, labels: { ...s.labels } };
  }
}

export class NaceCodeResponse extends NaceCodeSummary {
  @ApiProperty({ example: 'nace-r2' }) taxonomy: string;
  @ApiProperty({ description: 'The ISIC Rev. 4 code the NACE item corresponds to.', example: '2670' }) isic4: string;
  @ApiProperty({ type: NaceCodeSummary, nullable: true }) parent: NaceCodeSummary | null;
  @ApiProperty({ type: [NaceCodeSummary], description: 'Nearest first, up to the section.' }) ancestors: NaceCodeSummary[];
  @ApiProperty({ type: [NaceCodeSummary], description: 'Direct descendants.' }) children: NaceCodeSummary[];
  @ApiProperty({ type: [FocusSectorRef], description: 'Focus sectors the code belongs to (it equals or descends from one of their codes).' })
  focusSectors: FocusSectorRef[];
  @ApiProperty({ type: String, nullable: true, description: 'The JSIC code the request named, when it was resolved to this NACE code.', example: null })
  resolvedFrom: string | null;
}

export class NaceTreeItem extends NaceCodeSummary {
  @ApiProperty({ example: '26.7' }) parent: string;
}

export class NaceDescendantsResponse {
  @ApiProperty({ example: '26.7' }) code: string;
  @ApiProperty({ type: [NaceTreeItem], description: 'All descendants in tree order (not including the code itself).' })
  descendants: NaceTreeItem[];
  @ApiProperty({ type: [String], description: 'The code and all its descendants: what a "sector including descendants" filter matches.', example: ['26.7', '26.70'] })
  codes: string[];
}

// --- relatedness ---

export class RelatednessResponse {
  @ApiProperty({ description: 'Canonical NACE code compared for a (a JSIC input resolves to its best-matching target).', example: '26.70' }) a: string;
  @ApiProperty({ example: '32.50' }) b: string;
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.6 }) value: number;
  @ApiProperty({ enum: RELATEDNESS_KINDS, example: 'shared-focus' }) kind: RelatednessKind;
  @ApiProperty({ example: 'both in optics & photonics' }) reason: string;

  static from(r: Relatedness): RelatednessResponse {
    return { a: r.a ?? '', b: r.b ?? '', value: r.value, kind: r.kind, reason: r.reason };
  }
}

// --- focus sectors ---

export class FocusSynonyms {
  @ApiProperty({ type: [String] }) en: string[];
  @ApiProperty({ type: [String] }) de: string[];
  @ApiProperty({ type: [String] }) ja: string[];
}

export class RelatedFocusSector {
  @ApiProperty({ example: 'ophthalmology' }) id: string;
  @ApiProperty({ minimum: 0, maximum: 1, exclusiveMinimum: true, example: 0.8 }) strength: number;
}

export class FocusSectorResponse {
  @ApiProperty({ example: 'optics-photonics' }) id: string;
  @ApiProperty({ type: FocusLabels }) labels: FocusLabels;
  @ApiProperty({ type: [String], description: 'NACE codes (any level); their descendants belong to the sector too.', example: ['26.70', '27.31'] }) nace: string[];
  @ApiProperty({ type: [RelatedFocusSector], description: 'Related sectors, strongest first (relations are symmetric).' }) related: RelatedFocusSector[];
  @ApiProperty({ type: FocusSynonyms, description: 'Words that find the sector in search and text analysis.' }) synonyms: FocusSynonyms;

  static from(s: FocusSector, related: { sector: FocusSector; strength: number }[]): FocusSectorResponse {
    return {
      id: s.id,
      labels: { ...s.labels },
      nace: [...s.nace],
      related: related.map((r) => ({ id: r.sector.id, strength: r.strength })),
      synonyms: { en: [...s.synonyms.en], de: [...s.synonyms.de], ja: [...s.synonyms.ja] },
    };
  }
}

// --- JSIC ---

export const JSIC_LEVELS = ['major', 'division', 'group', 'detail'] as const;
export type JsicLevel = (typeof JSIC_LEVELS)[number];

export class JsicMajorRef {
  @ApiProperty({ example: 'E' }) code: string;
  @ApiProperty({ example: '製造業' }) ja: string;
  @ApiProperty({ example: 'MANUFACTURING' }) en: string;
}

export class JsicCodeResponse {
  @ApiProperty({ example: 'jsic-r14-nace-r2' }) mapping: string;
  @ApiProperty({ description: 'The JSIC code as asked for, without the JSIC: prefix.', example: '275' }) code: string;
  @ApiProperty({ enum: JSIC_LEVELS, description: 'major group (letter), division (2 digits), group (3), detail (4)', example: 'group' }) level: JsicLevel;
  @ApiProperty({ description: 'Japanese name (of mappedFrom).', example: '光学機械器具・レンズ製造業' }) ja: string;
  @ApiProperty({ description: 'English name (of mappedFrom).', example: 'OPTICAL INSTRUMENTS AND APPARATUS, AND LENSES' }) en: string;
  @ApiProperty({
    description: 'The curated JSIC code whose names and NACE targets are given: the code itself, or its nearest mapped parent for a finer code that is not curated separately.',
    example: '275',
  })
  mappedFrom: string;
  @ApiProperty({ type: JsicMajorRef, nullable: true }) major: JsicMajorRef | null;
  @ApiProperty({ type: [NaceCodeSummary], description: 'NACE targets (empty for 99, industries unable to classify).' }) nace: NaceCodeSummary[];

  static from(mapping: string, lookup: JsicLookup, nace: NaceItem[]): JsicCodeResponse {
    const named = lookup.entry ?? lookup.major!;
    return {
      mapping,
      code: lookup.code,
      level: lookup.entry ? JSIC_LEVELS[lookup.code.length - 1] : 'major',
      ja: named.ja,
      en: named.en,
      mappedFrom: lookup.entry ? lookup.entry.jsic : lookup.code,
      major: lookup.major ? { code: lookup.major.code, ja: lookup.major.ja, en: lookup.major.en } : null,
      nace: nace.map((i) => NaceCodeSummary.from(i)),
    };
  }
}
