import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Principal } from '../auth/principal';
import { badFields } from '../common/field-error';
import type { EventEntity } from '../events/event.entity';
import { EventsService } from '../events/events.service';
import { OrganisationEntity } from '../profiles/organisation.entity';
import { breakdownOf, buildReasons, effectiveTieUp, explainPair, validateWeights, type ComponentScore, type Reason } from '../scoring/core';
import { WeightsService } from '../scoring/weights.service';
import type { PairExplanation, MatchingStatusResponse, MatchRunResponse, PreviewResponse, PreviewWeightsDto, SuggestionOrganisation, SuggestionsResponse } from './dto/matching.dto';
import { EventPoolService } from './event-pool.service';
import { MatchListEntity } from './match-list.entity';
import type { MatchRunEntity } from './match-run.entity';
import { MatchingService } from './matching.service';
import { computeMatchLists } from './core';
import { diffLists, sampleIds } from './weights-preview';

/** The read side of matching: stored suggestions, run status, explanations and what-if previews. */
@Injectable()
export class SuggestionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: EventsService,
    private readonly matching: MatchingService,
    private readonly pools: EventPoolService,
    private readonly weights: WeightsService,
  ) {}

  /** The event as the caller may see it (404 otherwise, so slugs do not leak). */
  async visibleEvent(principal: Principal, slug: string): Promise<EventEntity> {
    return (await this.events.visible(principal, slug)).event;
  }

  async suggestions(principal: Principal, slug: string, organisationId: string): Promise<SuggestionsResponse> {
    const event = await this.visibleEvent(principal, slug);
    // A company sees only its own list; others' lists are not acknowledged to exist.
    if (principal.role === 'participant' && principal.organisationId !== organisationId) throw new NotFoundException(`No participant ${organisationId} in ${slug}`);
    const [member]: { id: string }[] = await this.db.query('SELECT organisation_id AS id FROM event_participants WHERE event_id = $1 AND organisation_id = $2', [event.id, organisationId]);
    if (!member) throw new NotFoundException(`No participant ${organisationId} in ${slug}`);
    const list = await this.db.getRepository(MatchListEntity).findOneBy({ eventId: event.id, organisationId });
    // A list from an earlier weight set (a change whose recompute has not finished) says so.
    const inForce = list ? await this.weights.effective(event.id) : null;
    const ids = [organisationId, ...(list?.suggestions.map((s) => s.organisationId) ?? [])];
    const orgs = await this.organisations(ids);
    // The breakdown from the stored values and the list's weights; reasons built now from it.
    const breakdowns = new Map((list?.suggestions ?? []).map((s) => [s.organisationId, breakdownOf(list!.componentWeights, (_, i) => s.values[i] ?? 0)]));
    const reasons = list ? await this.reasons(event.id, organisationId, list, breakdowns) : new Map<string, Reason[]>();
    return {
      event: slug,
      organisation: orgs.get(organisationId)!,
      status: list ? 'ready' : 'pending',
      weightVersion: list?.weightVersion ?? null,
      weightScope: list?.weightScope ?? null,
      weightsCurrent: list && inForce ? list.weightSetId === inForce.id : null,
      computedAt: list?.computedAt ?? null,
      suggestions: (list?.suggestions ?? [])
        .filter((s) => orgs.has(s.organisationId))
        .map((s, i) => ({
          rank: i + 1,
          organisation: orgs.get(s.organisationId)!,
          score: s.score,
          interpreterNeeded: s.interpreterNeeded,
          breakdown: breakdowns.get(s.organisationId)!,
          reasons: reasons.get(s.organisationId) ?? [],
        })),
    };
  }

  /**
   * Reasons for a stored list's suggestions, built now from the stored breakdowns and the profiles as
   * the lists score them (a participant who has left since gets none).
   */
  private async reasons(eventId: string, owner: string, list: MatchListEntity, breakdowns: ReadonlyMap<string, ComponentScore[]>): Promise<Map<string, Reason[]>> {
    const { profiles, ctx } = await this.pools.prepareForLists(eventId, [owner, ...list.suggestions.map((s) => s.organisationId)]);
    const a = profiles.get(owner);
    const out = new Map<string, Reason[]>();
    if (!a) return out;
    const tieUp = effectiveTieUp(ctx, a);
    for (const s of list.suggestions) {
      const b = profiles.get(s.organisationId);
      if (b) out.set(s.organisationId, buildReasons(a, b, breakdowns.get(s.organisationId)!, ctx, tieUp, s.interpreterNeeded));
    }
    return out;
  }

  async status(principal: Principal, slug: string): Promise<MatchingStatusResponse> {
    const event = await this.visibleEvent(principal, slug);
    const runs = await this.matching.latestRuns(event.id, 20);
    const last = runs[0] ?? null;
    const lastCompleted = runs.find((r) => r.status === 'completed') ?? null;
    const weights = await this.weights.effective(event.id);
    const [{ n, other }] = await this.db.query<{ n: string; other: string }[]>(
      'SELECT count(*) AS n, count(*) FILTER (WHERE weight_set_id <> $2) AS other FROM match_lists WHERE event_id = $1',
      [event.id, weights.id],
    );
    return {
      event: slug,
      status: !last || last.status === 'completed' ? 'idle' : last.status,
      progress: last?.progress ?? 0,
      lastRun: last && toRun(last),
      lastCompletedRun: lastCompleted && toRun(lastCompleted),
      weightVersion: weights.version,
      weightScope: weights.scope,
      listsStored: Number(n),
      listsOnOtherWeights: Number(other),
    };
  }

  /** One pair explained with the event's current weights (A's view of B). */
  async explain(principal: Principal, slug: string, a: string, b: string): Promise<PairExplanation> {
    const event = await this.visibleEvent(principal, slug);
    const pool = await this.pools.load(event.id);
    const missing = [a, b].flatMap((id, i) => (pool.byId.has(id) ? [] : [{ field: i === 0 ? 'a' : 'b', message: `organisation ${id} does not take part in ${slug}` }]));
    if (missing.length) throw badFields(missing);
    const weights = await this.weights.effective(event.id);
    const score = explainPair(pool.byId.get(a)!, pool.byId.get(b)!, weights.weights, pool.ctx);
    const orgs = await this.organisations([a, b]);
    return { a: orgs.get(a)!, b: orgs.get(b)!, weightVersion: weights.version, score: score.score, excluded: score.excluded, interpreterNeeded: score.interpreterNeeded, breakdown: score.breakdown, reasons: score.reasons };
  }

  /** How the named or sampled participants' top-k would change under candidate weights; saves nothing. */
  async preview(principal: Principal, slug: string, dto: PreviewWeightsDto): Promise<PreviewResponse> {
    const event = await this.visibleEvent(principal, slug);
    const candidate = validateWeights({ weights: dto.weights });
    if (!candidate.ok) throw badFields(candidate.errors);
    const pool = await this.pools.load(event.id);
    const unknown = (dto.participants ?? []).flatMap((id, i) => (pool.byId.has(id) ? [] : [{ field: `participants.${i}`, message: `organisation ${id} does not take part in ${slug}` }]));
    if (unknown.length) throw badFields(unknown);
    const ids = dto.participants?.length ? dto.participants : sampleIds([...pool.byId.keys()], dto.sample ?? 10);
    const k = dto.k ?? event.suggestionsK;
    const current = await this.weights.effective(event.id);
    const before = computeMatchLists(pool.index(), ids, { k, weights: current.weights, ctx: pool.ctx }).lists;
    const after = computeMatchLists(pool.index(), ids, { k, weights: candidate.weights, ctx: pool.ctx }).lists;
    const name = (id: string) => pool.info.get(id)?.name ?? id;
    const named = <T extends { organisationId: string }>(list: T[]) => list.map((c) => ({ ...c, name: name(c.organisationId) }));
    return {
      event: slug,
      k,
      currentVersion: current.version,
      currentWeights: current.weights,
      candidateWeights: candidate.weights,
      participants: ids.map((id) => {
        const d = diffLists(before.get(id) ?? [], after.get(id) ?? []);
        return { organisationId: id, name: name(id), entered: named(d.entered), left: named(d.left), moved: named(d.moved), unchanged: d.unchanged };
      }),
    };
  }

  private async organisations(ids: string[]): Promise<Map<string, SuggestionOrganisation>> {
    const rows = await this.db.getRepository(OrganisationEntity).find({ where: { id: In(ids) }, relations: { region: true } });
    return new Map(rows.map((o) => [o.id, { id: o.id, externalId: o.externalId, name: o.name, country: o.country, region: o.region?.name ?? '', kind: o.kind }]));
  }
}

export function toRun(r: MatchRunEntity): MatchRunResponse {
  return {
    id: r.id,
    status: r.status,
    kind: r.kind,
    trigger: r.trigger,
    organisationId: r.organisationId,
    progress: r.progress,
    participants: r.participants,
    pairsScored: Number(r.pairsScored),
    weightVersion: r.weightVersion,
    durationMs: r.durationMs,
    createdAt: r.createdAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    error: r.error,
  };
}
