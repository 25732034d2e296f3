// Human-readable explanations of why a participant stays below its minimum number of meetings.
import { nonNegInt, type PreparedSelection } from './prepare-pairs';
import type { ShortfallReason } from './pair-selection.types';

export interface NodePair {
  other: number;
  tier: number;
}

export interface ShortfallContext {
  prep: PreparedSelection;
  /** Selected degree per participant, forced pairs included. */
  deg: Int32Array;
  /** Selected pairs per participant (forced have tier 0). */
  selectedOf: NodePair[][];
  /** Usable but unselected non-forced pairs per participant. */
  unselectedOf: NodePair[][];
}

const MAX_NAMED = 5;
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function named(ids: string[]): string {
  const shown = ids.slice(0, MAX_NAMED).join(', ');
  return ids.length > MAX_NAMED ? `${shown} and ${ids.length - MAX_NAMED} more` : shown;
}

export function explainShortfall(ctx: ShortfallContext, i: number): ShortfallReason[] {
  const { prep, deg, selectedOf, unselectedOf } = ctx;
  const p = prep.participants[i];
  const min = nonNegInt(p.minMeetings);
  const reasons: ShortfallReason[] = [];
  if (prep.capacity[i] < min) {
    const slots = nonNegInt(p.availableSlots);
    const max = nonNegInt(p.maxMeetings);
    const message =
      slots <= max
        ? `only ${plural(slots, 'available slot', 'available slots')} for a minimum of ${min}`
        : `maxMeetings (${max}) is below minMeetings (${min})`;
    reasons.push({ code: 'capacity-below-minimum', message });
  }
  const stats = prep.stats[i];
  const excluded = stats.notAllowed + stats.forbidden;
  const usable = stats.total - excluded;
  if (stats.total === 0) {
    reasons.push({ code: 'no-candidates', message: 'no candidates' });
  } else if (usable === 0) {
    if (stats.forbidden === 0) {
      reasons.push({
        code: 'no-allowed-candidates',
        message: `no allowed candidates (${plural(stats.notAllowed, 'candidate is', 'candidates are')} excluded by who-may-meet rules)`,
      });
    } else if (stats.notAllowed === 0) {
      reasons.push({
        code: 'all-candidates-forbidden',
        message: `all candidates forbidden/declined (${plural(stats.forbidden, 'candidate', 'candidates')})`,
      });
    } else {
      reasons.push({
        code: 'no-allowed-candidates',
        message: `no allowed candidates: ${stats.notAllowed} excluded by who-may-meet rules, ${stats.forbidden} forbidden/declined`,
      });
    }
  } else if (usable < prep.minEff[i]) {
    const why = excluded > 0 ? ` (${stats.notAllowed} not allowed, ${stats.forbidden} forbidden/declined)` : '';
    reasons.push({
      code: 'too-few-usable-candidates',
      message: `only ${plural(usable, 'usable candidate', 'usable candidates')} for a minimum of ${min}${why}`,
    });
  }

  // Candidates that could have met this participant but are full: say what fills them.
  const byForced: string[] = [];
  const byHigher: string[] = [];
  const byOthers: string[] = [];
  const noCapacity: string[] = [];
  for (const { other, tier } of unselectedOf[i]) {
    if (deg[other] < prep.capacity[other]) continue;
    const id = prep.participants[other].id;
    const theirs = selectedOf[other];
    if (prep.capacity[other] === 0) noCapacity.push(id);
    else if (theirs.every((s) => s.tier === 0)) byForced.push(id);
    else if (theirs.some((s) => s.tier < tier)) byHigher.push(id);
    else byOthers.push(id);
  }
  if (byForced.length > 0) {
    reasons.push({ code: 'capacity-used-by-forced', message: `candidates' capacity used by forced pairs (${named(byForced)})` });
  }
  if (byHigher.length > 0) {
    reasons.push({
      code: 'capacity-used-by-higher-priority',
      message: `candidates' capacity used by higher-priority pairs (${named(byHigher)})`,
    });
  }
  if (byOthers.length > 0) {
    reasons.push({
      code: 'candidates-at-capacity',
      message: `candidates' capacity used by equal- or lower-tier pairs that serve other participants' minimums or score higher (${named(byOthers)})`,
    });
  }
  if (noCapacity.length > 0) {
    reasons.push({ code: 'candidates-at-capacity', message: `candidates have no available capacity (${named(noCapacity)})` });
  }
  return reasons;
}
