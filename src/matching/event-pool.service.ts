import { Injectable, NotFoundException } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventEntity } from '../events/event.entity';
import { ProfileAnalysisService, type PoolMember } from '../profiles/features/profile-analysis.service';
import { createScoringEnvironment, pairKey, poolFromAnalyses, type ScoringContext, type ScoringInput, type ScoringProfile } from '../scoring/core';
import { mayMeet } from '../pairing/pair-candidates';
import { buildMatchIndex, matchingOrder, type MatchIndex } from './core';
import { ScoringEngine } from '../scoring/scoring-engine.service';
import { ReviewsRepository } from '../reviews/reviews.repository';
import { TaxonomyService } from '../taxonomy/taxonomy.service';

export interface ParticipantInfo {
  id: string;
  externalId: string | null;
  name: string;
  country: string;
  region: string;
  kind: string;
}

/** An event's participants prepared for scoring, with the event's scoring context. */
export interface EventPool {
  event: EventEntity;
  ctx: ScoringContext;
  /** In matching order (similar profiles together, see matchingOrder): index slots follow it. */
  profiles: ScoringProfile[];
  byId: Map<string, ScoringProfile>;
  info: Map<string, ParticipantInfo>;
  /** The inverted index over the pool, for exact top-k search. */
  index: MatchIndex;
  /** Changes whenever a participant joins, leaves or is edited. */
  fingerprint: string;
}

interface ParticipantRow {
  id: string;
  external_id: string | null;
  name: string;
  kind: string;
  country: string;
  region: string;
  cooperation: ScoringInput['cooperation'];
  languages: string[];
  version: number;
  updated_at: Date;
  participant_updated_at: Date;
}

/**
 * Loads and prepares an event's pool. Text analysis is the expensive part: it is stored per profile
 * (profile_features) and only re-run for profiles whose stored analysis is missing or stale; the
 * pool step (idf, weighting, interning) runs on every load. The last prepared pool of each event is
 * also kept in memory while its fingerprint (participants and their edit times) is unchanged.
 */
@Injectable()
export class EventPoolService {
  private readonly cache = new Map<string, EventPool>();
  private static readonly MAX_CACHED_EVENTS = 8;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly engine: ScoringEngine,
    private readonly taxonomy: TaxonomyService,
    private readonly analysis: ProfileAnalysisService,
    private readonly moduleRef: ModuleRef,
  ) {}

  async load(eventId: string): Promise<EventPool> {
    const event = await this.db.getRepository(EventEntity).findOne({ where: { id: eventId }, relations: { tieUp: true } });
    if (!event) throw new NotFoundException(`Event ${eventId} not found`);
    const rows: ParticipantRow[] = await this.db.query(
      // The languages an organiser set for the event replace the profile's (the people who attend).
      `SELECT o.id, o.external_id, o.name, o.kind, o.country, r.name AS region, o.cooperation, coalesce(ep.languages, o.languages) AS languages,
              o.version, o.updated_at, ep.updated_at AS participant_updated_at
         FROM event_participants ep JOIN organisations o ON o.id = ep.organisation_id JOIN regions r ON r.id = o.region_id
        WHERE ep.event_id = $1 ORDER BY o.id`,
      [eventId],
    );
    const latest = (pick: (r: ParticipantRow) => Date) => rows.reduce((m, r) => Math.max(m, pick(r).getTime()), 0);
    const fingerprint = `${event.updatedAt.getTime()}|${rows.length}|${latest((r) => r.updated_at)}|${latest((r) => r.participant_updated_at)}|${rows.map((r) => r.id).join(',').length}`;
    const cached = this.cache.get(eventId);
    if (cached && cached.fingerprint === fingerprint) return { ...cached, ctx: await this.context(event) };

    const tieUp = event.tieUp ? { name: event.tieUp.name, focusSectors: event.tieUp.focusSectors } : null;
    const env = createScoringEnvironment({ taxonomy: this.taxonomy.taxonomy, analyser: this.engine.analyser, tieUp });
    // The text is read only for profiles without a current stored analysis (ProfileAnalysisService.forEvent).
    const members: PoolMember[] = rows.map((r) => ({ id: r.id, name: r.name, country: r.country, region: r.region, cooperation: r.cooperation, languages: r.languages, version: r.version }));
    const profiles = matchingOrder(poolFromAnalyses(await this.analysis.forEvent(eventId, members), env).profiles);
    const pool: EventPool = {
      event,
      ctx: await this.context(event),
      profiles,
      byId: new Map(profiles.map((p) => [p.id, p])),
      index: buildMatchIndex(profiles),
      info: new Map(rows.map((r) => [r.id, { id: r.id, externalId: r.external_id, name: r.name, country: r.country, region: r.region, kind: r.kind }])),
      fingerprint,
    };
    if (this.cache.size >= EventPoolService.MAX_CACHED_EVENTS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(eventId, pool);
    return pool;
  }

  /** The event's rule and tie-up, plus the pairs organisers forbade and the partners companies declined. */
  private async context(event: EventEntity): Promise<ScoringContext> {
    // Resolved at call time: the reviews module itself depends on matching (it asks for recomputes).
    const { forbiddenPairs, declinedPairs } = await this.moduleRef.get(ReviewsRepository, { strict: false }).exclusionsFor(event.id);
    if (event.meetingRule === 'groups' && event.meetingRuleMode === 'required') {
      // Scoring knows countries and regions, not groups: pairs of groups that may not meet become
      // exclusions (quadratic in participants, which brokerage events keep in the hundreds).
      const members: { id: string; group: string | null }[] = await this.db.query('SELECT organisation_id AS id, group_name AS "group" FROM event_participants WHERE event_id = $1', [event.id]);
      const rule = { rule: 'groups' as const, mode: 'required' as const, groupPairs: event.groupPairs };
      const info = members.map((m) => ({ id: m.id, country: '', region: '', group: m.group }));
      for (let i = 0; i < info.length; i++) {
        for (let j = i + 1; j < info.length; j++) if (!mayMeet(info[i], info[j], rule)) forbiddenPairs.add(pairKey(info[i].id, info[j].id));
      }
    }
    return {
      forbiddenPairs,
      declinedPairs,
      rule: event.meetingRule === 'groups' ? 'any' : event.meetingRule,
      mode: event.meetingRuleMode,
      tieUp: event.tieUp ? { name: event.tieUp.name, focusSectors: event.tieUp.focusSectors } : null,
    };
  }
}
