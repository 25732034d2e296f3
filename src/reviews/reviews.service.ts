import { Injectable, NotFoundException } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { badFields } from '../common/field-error';
import { MatchingService } from '../matching/matching.service';
import type { ReviewSettingsDto } from './dto/review-input.dto';
import type { ConfirmedPairsResponse, DemandResponse, MarkResponse, MarksResponse, OrganisationRef, PairRuleResponse, ReviewSettingsResponse } from './dto/review.response';
import { ReviewAccess } from './review-access.service';
import { buildPairStates, demandPicture, isPositive } from './review-rules';
import type { Mark, PairRuleState } from './review.types';
import { ReviewsRepository } from './reviews.repository';

const unknownOrg = (id: string): OrganisationRef => ({ id, externalId: null, name: '', country: '', region: '', kind: '' });

/** Marks, confirmed pairs, organisers' pair decisions, review settings and the demand picture. */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly access: ReviewAccess,
    private readonly matching: MatchingService,
  ) {}

  async marks(principal: Principal, slug: string, organisationId: string): Promise<MarksResponse> {
    const event = await this.access.participant(principal, slug, organisationId);
    const marks = await this.reviews.marksBy(event.id, organisationId);
    const orgs = await this.reviews.organisations([organisationId, ...marks.map((m) => m.candidateId)]);
    return {
      event: slug,
      organisation: orgs.get(organisationId) ?? unknownOrg(organisationId),
      marks: marks.map((m) => ({ candidate: orgs.get(m.candidateId) ?? unknownOrg(m.candidateId), mark: m.mark, mutual: m.mutual, updatedAt: m.updatedAt })),
    };
  }

  /**
   * Sets a mark. Must-meet and interested are refused (409 `candidate`) on a pair that may not meet:
   * forbidden by the organisers, or excluded by the event's who-meets-whom rule and not forced; the
   * candidate's own not-interested mark is not disclosed here. Not-interested is always taken; it
   * excludes the pair, so it also closes the requests between the two (pending received: declined,
   * pending sent and accepted: cancelled); setting or clearing it changes the event's exclusions, so
   * the lists are recomputed. Clearing it reopens nothing: a new request can.
   */
  async setMark(principal: Principal, slug: string, organisationId: string, candidateId: string, mark: Mark): Promise<MarkResponse> {
    const event = await this.access.participant(principal, slug, organisationId);
    await this.access.otherParticipant(event, organisationId, candidateId, 'candidate');
    const previous = await this.reviews.transaction(async (tx) => {
      if (!(await this.reviews.lockPair(tx, event.id, organisationId, candidateId))) throw new NotFoundException(`Event ${slug} not found`);
      if (isPositive(mark)) await this.access.assertMayMeet(tx, event, organisationId, candidateId, 'candidate');
      const before = await this.reviews.mark(tx, event.id, organisationId, candidateId);
      await this.reviews.saveMark(tx, event.id, organisationId, candidateId, mark);
      if (mark === 'not-interested') await this.reviews.closeOpenBetween(tx, event.id, organisationId, candidateId, organisationId);
      return before;
    });
    if (previous !== mark && (previous === 'not-interested' || mark === 'not-interested')) await this.matching.requestRecompute(event.id, 'marks changed');
    const found = (await this.marks(principal, slug, organisationId)).marks.find((m) => m.candidate.id === candidateId);
    return found!;
  }

  async clearMark(principal: Principal, slug: string, organisationId: string, candidateId: string): Promise<void> {
    const event = await this.access.participant(principal, slug, organisationId);
    const removed = await this.reviews.transaction((tx) => this.reviews.deleteMark(tx, event.id, organisationId, candidateId));
    if (removed === 'not-interested') await this.matching.requestRecompute(event.id, 'marks changed');
  }

  /** The participant's confirmed partners: mutual interest or an accepted request, on a pair nobody excluded. */
  async confirmed(principal: Principal, slug: string, organisationId: string): Promise<ConfirmedPairsResponse> {
    const event = await this.access.participant(principal, slug, organisationId);
    const state = await this.reviews.reviewState(event.id);
    const accepted = new Set(state.requests.filter((r) => r.status === 'accepted').flatMap((r) => [`${r.from}|${r.to}`, `${r.to}|${r.from}`]));
    const mine = buildPairStates(state.marks, state.requests, state.rules).filter((s) => s.confirmed && (s.a === organisationId || s.b === organisationId));
    const partnerOf = (s: { a: string; b: string }) => (s.a === organisationId ? s.b : s.a);
    const orgs = await this.reviews.organisations([organisationId, ...mine.map(partnerOf)]);
    return {
      event: slug,
      organisation: orgs.get(organisationId) ?? unknownOrg(organisationId),
      partners: mine.map((s) => ({ organisation: orgs.get(partnerOf(s)) ?? unknownOrg(partnerOf(s)), mutual: s.mutual, acceptedRequest: accepted.has(`${s.a}|${s.b}`) })),
    };
  }

  // ---- organisers

  async pairRules(principal: Principal, slug: string): Promise<PairRuleResponse[]> {
    const event = await this.access.event(principal, slug);
    const rules = await this.reviews.pairRules(event.id);
    const orgs = await this.reviews.organisations(rules.flatMap((r) => [r.a, r.b]));
    return rules.map((r) => ({ event: slug, a: orgs.get(r.a) ?? unknownOrg(r.a), b: orgs.get(r.b) ?? unknownOrg(r.b), state: r.state, updatedAt: r.updatedAt }));
  }

  /**
   * Forces or forbids a pair (state), or clears the decision (null). Forbidding closes the pair's
   * pending and accepted requests (cancelled), as a not-interested mark does; forbidding or
   * unforbidding recomputes the lists. A decision is set only between participants; it is cleared also
   * when one of them has left the event (the decision stays listed and would apply again on their return).
   */
  async setPair(principal: Principal, slug: string, first: string, second: string, state: PairRuleState | null): Promise<PairRuleResponse> {
    const event = await this.access.event(principal, slug);
    if (first === second) throw badFields([{ field: 'b', message: 'a pair needs two different organisations' }]);
    if (state) {
      const present = await this.reviews.participantsAmong(event.id, [first, second]);
      const missing = [first, second].flatMap((id, i) => (present.has(id) ? [] : [{ field: i === 0 ? 'a' : 'b', message: `organisation ${id} does not take part in ${slug}` }]));
      if (missing.length) throw badFields(missing);
    }
    const [a, b] = first < second ? [first, second] : [second, first];
    const previous = await this.reviews.transaction(async (tx) => {
      if (!(await this.reviews.lockPair(tx, event.id, a, b))) throw new NotFoundException(`Event ${slug} not found`);
      const before = (await this.reviews.pairRule(tx, event.id, a, b))?.state ?? null;
      if (state) await this.reviews.savePairRule(tx, event.id, a, b, state, principal.keyId);
      else await this.reviews.deletePairRule(tx, event.id, a, b);
      if (state === 'forbidden') await this.reviews.closeOpenBetween(tx, event.id, a, b, null);
      return before;
    });
    if (previous !== state && (previous === 'forbidden' || state === 'forbidden')) await this.matching.requestRecompute(event.id, 'marks changed');
    const rule = (await this.reviews.pairRules(event.id)).find((r) => r.a === a && r.b === b);
    const orgs = await this.reviews.organisations([a, b]);
    return { event: slug, a: orgs.get(a)!, b: orgs.get(b)!, state: rule?.state ?? null, updatedAt: rule?.updatedAt ?? null };
  }

  async settings(principal: Principal, slug: string): Promise<ReviewSettingsResponse> {
    const event = await this.access.event(principal, slug);
    return { event: slug, ...(await this.reviews.settings(event.id)) };
  }

  /**
   * Changes the given settings; the others keep their values. A new TTL applies to requests sent from then on.
   * Null is refused rather than read as "no limit": every setting has a value (the cap goes up to 1000).
   */
  async saveSettings(principal: Principal, slug: string, dto: ReviewSettingsDto): Promise<ReviewSettingsResponse> {
    const nulls = Object.entries(dto).flatMap(([field, v]) => (v === null ? [field] : []));
    if (nulls.length) throw badFields(nulls.map((field) => ({ field, message: `${field} cannot be null (leave it out to keep it)` })));
    const event = await this.access.event(principal, slug);
    const changes = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
    return { event: slug, ...(await this.reviews.saveSettings(event.id, changes)) };
  }

  async demand(principal: Principal, slug: string): Promise<DemandResponse> {
    const event = await this.access.event(principal, slug);
    const state = await this.reviews.reviewState(event.id);
    const pairs = buildPairStates(state.marks, state.requests, state.rules);
    const { threshold, items } = demandPicture(state.participants, state.marks, state.requests, pairs);
    const orgs = await this.reviews.organisations(state.participants);
    return {
      event: slug,
      participants: state.participants.length,
      wantedByManyThreshold: threshold,
      items: items.map(({ organisationId, ...counts }) => ({ organisation: orgs.get(organisationId) ?? unknownOrg(organisationId), ...counts })),
    };
  }
}
