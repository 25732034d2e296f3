// Human-readable reasons (explain mode only). Each has a stable code and params so a UI can
// render its own language; `message` is the English rendering.
import { COOPERATION_TYPES } from '../../profiles/profile.types';
import { CONCEPT_PREFIX } from '../../text';
import { kindNames } from './activity-lexicon';
import { bestPhraseMatch, type PhraseMatch } from './complementarity';
import type { ComponentName, ComponentScore, Reason, ScoringContext, ScoringProfile, TieUpContext } from './scoring.types';
import { focusValue, sectorDetail, tieUpMask } from './pair-components';

/** A direction whose best phrase match is below this is not worth a sentence. */
export const REASON_MIN_MATCH = 0.2;
const REASON_MIN_TEXT = 0.1;

export function buildReasons(
  a: ScoringProfile,
  b: ScoringProfile,
  breakdown: readonly ComponentScore[],
  ctx: ScoringContext,
  tieUp: TieUpContext | null,
  interpreterNeeded: boolean,
): Reason[] {
  const env = a.env;
  const n = env.domainIds.length;
  const byComponent = new Map(breakdown.map((c) => [c.component, c]));
  const out: { reason: Reason; weight: number }[] = [];
  const push = (component: ComponentName, code: string, message: string, params: Reason['params'], rank = 0) =>
    out.push({ reason: { code, component, message, params }, weight: (byComponent.get(component)?.contribution ?? 0) + rank });
  const label = (d: number) => sectorLabel(env.taxonomy.focusSector(env.domainIds[d])?.labels.en ?? env.domainIds[d]);

  if ((byComponent.get('complementarity')?.weight ?? 0) > 0) {
    const primary = bestPhraseMatch(a, b, env.domainRelation, n);
    const reverse = bestPhraseMatch(b, a, env.domainRelation, n);
    if (primary && primary.value >= REASON_MIN_MATCH) {
      push('complementarity', 'offers_what_you_seek', `${b.name} offers '${primary.offer.text}'${from(primary.offer)}, which ${a.name} seeks ('${primary.seek.text}')`, matchParams(a, b, primary), 0.02);
    }
    if (reverse && reverse.value >= REASON_MIN_MATCH) {
      push('complementarity', 'seeks_what_you_offer', `${b.name} seeks '${reverse.seek.text}'${from(reverse.seek)}, which ${a.name} offers ('${reverse.offer.text}')`, matchParams(a, b, reverse), 0.01);
    }
    if (primary && reverse && primary.value >= REASON_MIN_MATCH && reverse.value >= REASON_MIN_MATCH) {
      push('complementarity', 'mutual_fit', 'a mutual fit: each offers something the other seeks', { a: a.name, b: b.name });
    }
  }

  const sector = byComponent.get('sector');
  if (sector && sector.weight > 0 && sector.value > 0) {
    const d = sectorDetail(a, b);
    if (d.relatedness) {
      push('sector', `sector_${d.relatedness.kind.replace(/-/g, '_')}`, d.relatedness.reason, { kind: d.relatedness.kind, codeA: d.relatedness.a ?? '', codeB: d.relatedness.b ?? '' });
    } else if (d.domains) {
      const [x, y] = d.domains;
      if (x === y) push('sector', 'sector_shared_domain', `both in ${label(x)}`, { sector: env.domainIds[x] });
      else push('sector', 'sector_related_domain', `${label(x)} is related to ${label(y)}`, { sectorA: env.domainIds[x], sectorB: env.domainIds[y] });
    }
  }

  const text = byComponent.get('text');
  if (text && text.weight > 0 && text.value >= REASON_MIN_TEXT) {
    const shared = sharedTerms(a, b, 5);
    push('text', 'similar_descriptions', `similar descriptions${shared.length ? ` (${shared.join(', ')})` : ''}`, { terms: shared, similarity: round(text.value) });
  }

  const coop = byComponent.get('cooperation');
  if (coop && coop.weight > 0 && coop.value > 0 && a.cooperation && b.cooperation) {
    const types = sharedCooperation(a.cooperation & b.cooperation);
    if (types.length) push('cooperation', 'shared_cooperation_types', `both want ${types.join(', ').replace(/_/g, ' ')}`, { types });
  }

  if (interpreterNeeded) {
    push('language', 'interpreter_needed', 'no shared language: interpreter needed', { languagesA: a.languageCodes, languagesB: b.languageCodes });
  } else if (a.languages & b.languages) {
    const shared = a.languageCodes.filter((l) => b.languageCodes.includes(l));
    push('language', 'shared_language', `shared language: ${shared.join(', ')}`, { languages: shared });
  }

  const region = byComponent.get('region');
  if (region && region.weight > 0) {
    const code = region.value > 0 ? 'region_rule_met' : 'region_rule_not_met';
    push('region', code, `${ctx.rule} meeting ${region.value > 0 ? 'preferred and met' : 'preferred but not met'}`, { rule: ctx.rule });
  }

  if (tieUp) {
    const f = focusValue(a, b, tieUpMask(tieUp, env.domainIndex));
    if (f.domain >= 0) push('focus', 'tie_up_focus_sector', `${label(f.domain)}: focus sector of the ${tieUp.name} tie-up`, { sector: env.domainIds[f.domain], tieUp: tieUp.name });
  }

  return out.sort((x, y) => y.weight - x.weight).map((r) => r.reason);
}

function from(p: { source: string }): string {
  return p.source === 'description' ? ' (in its description)' : '';
}

function matchParams(a: ScoringProfile, b: ScoringProfile, m: PhraseMatch): Reason['params'] {
  return {
    a: a.name,
    b: b.name,
    seek: m.seek.text,
    offer: m.offer.text,
    kinds: kindNames(m.seek.kinds),
    source: m.offer.source === 'description' || m.seek.source === 'description' ? 'description' : 'list',
    strength: round(m.value),
  };
}

/** Readable shared description features: stems lose their language prefix, concepts their namespace. */
function sharedTerms(a: ScoringProfile, b: ScoringProfile, limit: number): string[] {
  const dict = a.env.features;
  const found: { name: string; v: number }[] = [];
  const x = a.description;
  const y = b.description;
  let i = 0;
  let j = 0;
  while (i < x.ids.length && j < y.ids.length) {
    if (x.ids[i] === y.ids[j]) {
      const raw = dict.name(x.ids[i]) ?? '';
      found.push({ name: readable(raw, a), v: x.values[i] * y.values[j] });
      i++;
      j++;
    } else if (x.ids[i] < y.ids[j]) i++;
    else j++;
  }
  const names = found.sort((p, q) => q.v - p.v || p.name.localeCompare(q.name)).map((f) => f.name);
  return [...new Set(names)].slice(0, limit);
}

function readable(feature: string, a: ScoringProfile): string {
  if (feature.startsWith(CONCEPT_PREFIX + 'focus:')) {
    const id = feature.slice(CONCEPT_PREFIX.length + 'focus:'.length);
    return sectorLabel(a.env.taxonomy.focusSector(id)?.labels.en ?? id);
  }
  if (feature.startsWith(CONCEPT_PREFIX + 'nace:')) {
    const code = feature.slice(CONCEPT_PREFIX.length + 'nace:'.length);
    return `NACE ${code}`;
  }
  return feature.replace(/^[a-z]{2}:/, '');
}

function sharedCooperation(bits: number): string[] {
  return COOPERATION_TYPES.filter((_, i) => bits & (1 << i));
}

function sectorLabel(en: string): string {
  return /^[A-Z][a-z-]/.test(en) ? en[0].toLowerCase() + en.slice(1) : en;
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
