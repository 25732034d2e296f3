import { Injectable, NotFoundException } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { EventEntity } from '../events/event.entity';
import { ProfileAnalysisService, type PoolMember } from '../profiles/features/profile-analysis.service';
import { createScoringEnvironment, finaliseProfile, pairKey, poolFromAnalyses, prepareProfile, type ScoringContext, type ScoringEnvironment, type ScoringInput, type ScoringProfile } from '../scoring/core';
import { IdfTable, type StoredIdf } from '../text';
import { mayMeet } from '../pairing/pair-candidates';
import { buildMatchIndex, forkIndex, matchingOrder, type MatchIndex } from './core';
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
  /** The inverted index over the pool, for exact top-k search: built on first use (not every load needs it); shared, so read only. */
  index(): MatchIndex;
  /** An index over the pool that the caller may change: a copy of the pool's when it is built, else one of its own. */
  ownIndex(): MatchIndex;
  /** The pool's index when it has been built. */
  builtIndex(): MatchIndex | undefined;
  /** Changes whenever a participant joins, leaves or is edited. */
  fingerprint: string;
  /** The environment the profiles were prepared in (its idf: the pool's own, or the frozen one asked for). */
  env: ScoringEnvironment;
  /** Per participant: the basis its profile was loaded at (see PARTICIPANT_BASIS). */
  bases: Map<string, string>;
}

/** An idf to prepare a pool with instead of the pool's own, and a key naming it (for the cache). */
export interface FrozenIdf {
  key: string;
  idf: IdfTable;
}

/** Cache key of a pool prepared with the idf of the full run of this generation (the lists' idf after it). */
export function runIdfKey(generation: string): string {
  return `idf of run ${generation}`;
}

/**
 * What a participant's scoring input is at: the profile's version and the participation's edit time
 * (event languages replace the profile's), as `version@time` with the time in ISO 8601, UTC, to the
 * millisecond. Stored with each list, so a run can tell which profiles changed since the lists were
 * written. PostgreSQL computes it (alias o: the organisation, ep: the participation), so a change run
 * compares it with the stored lists' without reading every participant.
 */
export const PARTICIPANT_BASIS = `o.version || '@' || to_char(ep.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

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
  basis: string;
}

// The languages an organiser set for the event replace the profile's (the people who attend).
const PARTICIPANT_SELECT = `SELECT o.id, o.external_id, o.name, o.kind, o.country, r.name AS region, o.cooperation, coalesce(ep.languages, o.languages) AS languages,
              o.version, o.updated_at, ep.updated_at AS participant_updated_at, ${PARTICIPANT_BASIS} AS basis`;
/** An event's participants ($1: the event), with their organisations (o) and participations (ep). */
export const PARTICIPANT_FROM = 'FROM event_participants ep JOIN organisations o ON o.id = ep.organisation_id JOIN regions r ON r.id = o.region_id WHERE ep.event_id = $1';

/**
 * Loads and prepares an event's pool. Text analysis is the expensive part: it is stored per profile
 * (profile_features) and only re-run for profiles whose stored analysis is missing or stale; the
 * pool step (idf, weighting, interning) runs on every load. Prepared pools (per idf: the pool's own
 * or a frozen one) are also kept in memory while the event's fingerprint (participants and their
 * edit times) is unchanged.
 *
 * Methods taking `tx` run every query in that transaction of the caller (a change run reads the pool
 * while it holds the event's list lock). They must: the embedded database has one connection, so a
 * query through the pool beside an open transaction would wait for it forever.
 */
@Injectable()
export class EventPoolService {
  private readonly cache = new Map<string, EventPool>();
  /** Per event: the environment with its stored lists' idf (key: the lists' generation and the event's edit time). */
  private readonly listEnvs = new Map<string, { key: string; env: ScoringEnvironment }>();
  private static readonly MAX_CACHED_POOLS = 8;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly engine: ScoringEngine,
    private readonly taxonomy: TaxonomyService,
    private readonly analysis: ProfileAnalysisService,
    private readonly moduleRef: ModuleRef,
  ) {}

  /**
   * The event's pool. `frozen`: prepare the profiles with that idf instead of the pool's own (the idf
   * of a run, or of the event's stored lists).
   */
  async load(eventId: string, frozen?: FrozenIdf, tx: EntityManager = this.db.manager): Promise<EventPool> {
    const event = await this.event(eventId, tx);
    const rows = await this.participantRows(eventId, tx);
    const latest = (pick: (r: ParticipantRow) => Date) => rows.reduce((m, r) => Math.max(m, pick(r).getTime()), 0);
    const fingerprint = `${event.updatedAt.getTime()}|${rows.length}|${latest((r) => r.updated_at)}|${latest((r) => r.participant_updated_at)}|${rows.map((r) => r.id).join(',').length}`;
    const cacheKey = `${eventId}|${frozen?.key ?? 'own idf'}`;
    const cached = this.cache.get(cacheKey);
    if (cached && cached.fingerprint === fingerprint) return { ...cached, ctx: await this.context(event, tx) };

    const members: PoolMember[] = rows.map((r) => ({ id: r.id, name: r.name, country: r.country, region: r.region, cooperation: r.cooperation, languages: r.languages, version: r.version }));
    const bases = new Map(rows.map((r) => [r.id, r.basis]));
    // With a frozen idf a profile's preparation depends on its own input only: a pool of this idf
    // prepared before some edits keeps every member not edited since (same event settings).
    const earlier = frozen && cached && cached.event.updatedAt.getTime() === event.updatedAt.getTime() ? cached : null;
    const prepared = earlier ? await this.updated(eventId, earlier, members, bases, tx) : { ...(await this.prepared(eventId, event, members, frozen, tx)), since: undefined };
    const profiles = matchingOrder(prepared.profiles);
    const pool: EventPool = {
      event,
      ctx: await this.context(event, tx),
      profiles,
      byId: new Map(profiles.map((p) => [p.id, p])),
      ...poolIndex(profiles, prepared.since),
      info: new Map(rows.map((r) => [r.id, { id: r.id, externalId: r.external_id, name: r.name, country: r.country, region: r.region, kind: r.kind }])),
      fingerprint,
      env: prepared.env,
      bases,
    };
    this.remember(cacheKey, pool);
    return pool;
  }

  /** Every member prepared from its stored analysis (the text is read only where none is current). */
  private async prepared(
    eventId: string,
    event: EventEntity,
    members: readonly PoolMember[],
    frozen: FrozenIdf | undefined,
    tx: EntityManager,
  ): Promise<{ env: ScoringEnvironment; profiles: ScoringProfile[] }> {
    return poolFromAnalyses(await this.analysis.forEvent(eventId, members, tx), this.environment(event), frozen?.idf);
  }

  /**
   * `earlier`'s profiles for members at the same basis; the others (edited or joined since) prepared in
   * its environment. `since`: what changed, from `earlier`'s index when it was built.
   */
  private async updated(
    eventId: string,
    earlier: EventPool,
    members: readonly PoolMember[],
    bases: ReadonlyMap<string, string>,
    tx: EntityManager,
  ): Promise<{ env: ScoringEnvironment; profiles: ScoringProfile[]; since: IndexBase | undefined }> {
    const changed = members.filter((m) => {
      const before = earlier.info.get(m.id);
      // A region renamed meanwhile changes no profile's basis.
      return !before || earlier.bases.get(m.id) !== bases.get(m.id) || before.region !== m.region || before.country !== m.country;
    });
    const analysed = changed.length > 0 ? await this.analysis.forEvent(eventId, changed, tx) : [];
    const fresh = new Map(analysed.map((a, i) => [changed[i].id, finaliseProfile(a, earlier.env)]));
    const index = earlier.builtIndex();
    const present = new Set(members.map((m) => m.id));
    const since = index && { index, removed: earlier.profiles.filter((p) => !present.has(p.id)).map((p) => p.id), fresh: [...fresh.values()] };
    return { env: earlier.env, profiles: members.map((m) => fresh.get(m.id) ?? earlier.byId.get(m.id)!), since };
  }

  /** Keeps `pool` (prepared with its own idf) as the pool of `frozen.key` too, e.g. of a run that took its idf. */
  alias(pool: EventPool, key: string): void {
    this.remember(`${pool.event.id}|${key}`, pool);
  }

  /**
   * Some participants' profiles as they are now, prepared in `env` (the text analysed afresh: meant
   * for the few profiles of a change), with their bases. Ids no longer taking part are left out.
   */
  async prepareMembers(
    eventId: string,
    ids: readonly string[],
    env: ScoringEnvironment,
    tx: EntityManager = this.db.manager,
  ): Promise<{ profiles: ScoringProfile[]; bases: Map<string, string> }> {
    const rows: (ParticipantRow & { sectors: string[]; offers: string[]; seeks: string[]; description: string })[] = await tx.query(
      `${PARTICIPANT_SELECT}, o.sectors, o.offers, o.seeks, o.description ${PARTICIPANT_FROM} AND o.id = ANY($2::uuid[]) ORDER BY o.id`,
      [eventId, ids],
    );
    return {
      profiles: rows.map((r) =>
        prepareProfile(
          { id: r.id, name: r.name, country: r.country, region: r.region, cooperation: r.cooperation, languages: r.languages, sectors: r.sectors, offers: r.offers, seeks: r.seeks, description: r.description },
          env,
        ),
      ),
      bases: new Map(rows.map((r) => [r.id, r.basis])),
    };
  }

  /**
   * Some participants prepared as the event's stored lists score them (with the lists' idf, kept in
   * match_states; the pool's own when the lists have none), e.g. to explain a stored list. Ids no
   * longer taking part are left out.
   */
  async prepareForLists(eventId: string, ids: readonly string[]): Promise<{ profiles: Map<string, ScoringProfile>; ctx: ScoringContext }> {
    const event = await this.event(eventId);
    const [state] = await this.db.query<{ generation: string }[]>('SELECT generation::text FROM match_states WHERE event_id = $1', [eventId]);
    if (!state) {
      const pool = await this.load(eventId);
      return { profiles: new Map(ids.filter((id) => pool.byId.has(id)).map((id) => [id, pool.byId.get(id)!])), ctx: pool.ctx };
    }
    const key = `${state.generation}|${event.updatedAt.getTime()}`;
    let env = this.listEnvs.get(eventId);
    if (env?.key !== key) {
      const [{ idf }] = await this.db.query<{ idf: StoredIdf }[]>('SELECT idf FROM match_states WHERE event_id = $1', [eventId]);
      env = { key, env: this.environment(event).withIdf(IdfTable.fromStored(idf)) };
      this.listEnvs.delete(eventId);
      if (this.listEnvs.size >= EventPoolService.MAX_CACHED_POOLS) this.listEnvs.delete(this.listEnvs.keys().next().value!);
      this.listEnvs.set(eventId, env);
    }
    const { profiles } = await this.prepareMembers(eventId, ids, env.env);
    return { profiles: new Map(profiles.map((p) => [p.id, p])), ctx: await this.context(event) };
  }

  /** The event's scoring context now (rule, tie-up, exclusions). */
  async contextOf(eventId: string, tx: EntityManager = this.db.manager): Promise<ScoringContext> {
    return this.context(await this.event(eventId, tx), tx);
  }

  private async event(eventId: string, tx: EntityManager = this.db.manager): Promise<EventEntity> {
    const event = await tx.getRepository(EventEntity).findOne({ where: { id: eventId }, relations: { tieUp: true } });
    if (!event) throw new NotFoundException(`Event ${eventId} not found`);
    return event;
  }

  private participantRows(eventId: string, tx: EntityManager): Promise<ParticipantRow[]> {
    return tx.query(`${PARTICIPANT_SELECT} ${PARTICIPANT_FROM} ORDER BY o.id`, [eventId]);
  }

  private environment(event: EventEntity): ScoringEnvironment {
    const tieUp = event.tieUp ? { name: event.tieUp.name, focusSectors: event.tieUp.focusSectors } : null;
    return createScoringEnvironment({ taxonomy: this.taxonomy.taxonomy, analyser: this.engine.analyser, tieUp });
  }

  private remember(key: string, pool: EventPool): void {
    this.cache.delete(key);
    // Pools of the event's earlier state (before an edit) are not asked for again.
    for (const [k, p] of this.cache) if (p.event.id === pool.event.id && p.fingerprint !== pool.fingerprint) this.cache.delete(k);
    if (this.cache.size >= EventPoolService.MAX_CACHED_POOLS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, pool);
  }

  /** The event's rule and tie-up, plus the pairs organisers forbade and the partners companies declined. */
  private async context(event: EventEntity, tx: EntityManager = this.db.manager): Promise<ScoringContext> {
    // Resolved at call time: the reviews module itself depends on matching (it asks for recomputes).
    const { forbiddenPairs, declinedPairs } = await this.moduleRef.get(ReviewsRepository, { strict: false }).exclusionsFor(event.id, tx);
    if (event.meetingRule === 'groups' && event.meetingRuleMode === 'required') {
      // Scoring knows countries and regions, not groups: pairs of groups that may not meet become
      // exclusions (quadratic in participants, which brokerage events keep in the hundreds).
      const members: { id: string; group: string | null }[] = await tx.query('SELECT organisation_id AS id, group_name AS "group" FROM event_participants WHERE event_id = $1', [event.id]);
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

/** An earlier pool's index and what changed since: the members removed, and those prepared again or joined. */
interface IndexBase {
  index: MatchIndex;
  removed: string[];
  fresh: ScoringProfile[];
}

/**
 * The index functions of a pool over `profiles`: its index is built on first use, from `base` when
 * given (a copy of an earlier pool's index with the changes since applied: a few slots instead of
 * the whole pool), else from scratch.
 */
function poolIndex(profiles: readonly ScoringProfile[], base: IndexBase | undefined): Pick<EventPool, 'index' | 'ownIndex' | 'builtIndex'> {
  let index: MatchIndex | undefined;
  const make = (): MatchIndex => {
    if (!base) return buildMatchIndex(profiles);
    const ix = forkIndex(base.index);
    for (const id of base.removed) ix.remove(id);
    for (const p of base.fresh) {
      if (ix.has(p.id)) ix.replace(p);
      else ix.add(p);
    }
    return ix;
  };
  return {
    index: () => {
      if (!index) {
        index = make();
        base = undefined;
      }
      return index;
    },
    ownIndex: () => (index ? forkIndex(index) : make()),
    builtIndex: () => index,
  };
}
