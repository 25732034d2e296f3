import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { badFields } from '../common/field-error';
import { resolveDays, sessionNamesOf, type Problem } from '../events/event-slots';
import type { EventEntity } from '../events/event.entity';
import { EventsRepository } from '../events/events.repository';
import { EventsService, slotsOf } from '../events/events.service';
import { ReviewsRepository } from '../reviews/reviews.repository';
import { REMOVED_ORGANISATION } from '../scheduling/agenda-format';
import { ScheduleLocksRepository } from '../scheduling/schedule-locks.repository';
import { currentSelectionId } from './current-selection';
import { selectPairs } from './core/select-pairs';
import type { PairParticipant } from './core/pair-selection.types';
import type { PairSelectionResponse, SelectedPairResponse, SelectPairsDto, UpdateSelectedPairDto } from './dto/pair-selection.dto';
import { meetingCapacity, tableCapacityIssue } from './meeting-capacity';
import { buildCandidates, withLockedPairs, type ListEntry, type MemberInfo } from './pair-candidates';
import { locksForAnotherSetup } from '../scheduling/schedule-setup';
import { PairSelectionEntity, SelectedPairEntity } from './pair-selection.entity';

interface MemberRow {
  id: string;
  name: string;
  country: string;
  region: string;
  group_name: string | null;
  min_meetings: number | null;
  max_meetings: number | null;
  blocked_slots: number[];
  sessions: string[] | null;
  parallel_meetings: number;
}

/** A pair's organiser settings, kept when the pairs are selected again. */
interface PairSettings {
  a: string;
  b: string;
  session: string | null;
  representativeA: number | null;
  representativeB: number | null;
}

/** Chooses which pairs meet at an event, from the stored lists and the companies' reviews. */
@Injectable()
export class PairingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: EventsService,
    private readonly eventRows: EventsRepository,
    private readonly reviews: ReviewsRepository,
    private readonly locks: ScheduleLocksRepository,
  ) {}

  private async event(principal: Principal, slug: string): Promise<EventEntity> {
    return (await this.events.visible(principal, slug)).event;
  }

  async select(principal: Principal, slug: string, dto: SelectPairsDto): Promise<PairSelectionResponse> {
    const event = await this.event(principal, slug);
    const grid = slotsOf(event);
    const slots = grid.length;
    const rows: MemberRow[] = await this.db.query(
      `SELECT o.id, o.name, o.country, r.name AS region, ep.group_name, ep.min_meetings, ep.max_meetings, ep.blocked_slots, ep.sessions, ep.parallel_meetings
         FROM event_participants ep JOIN organisations o ON o.id = ep.organisation_id JOIN regions r ON r.id = o.region_id
        WHERE ep.event_id = $1 ORDER BY o.id`,
      [event.id],
    );
    const lists: ListEntry[] = await this.db.query(
      `SELECT m.organisation_id AS owner, s->>'organisationId' AS candidate, (s->>'score')::float8 AS score
         FROM match_lists m, jsonb_array_elements(m.suggestions) s WHERE m.event_id = $1`,
      [event.id],
    );
    const members: MemberInfo[] = rows.map((r) => ({ id: r.id, country: r.country, region: r.region, group: r.group_name }));
    const rule = { rule: event.meetingRule, mode: event.meetingRuleMode, groupPairs: event.groupPairs };
    const listed = buildCandidates(members, lists, await this.reviews.pairStates(event.id), rule);
    // Meetings locked in the current schedule keep their pairs, or the next run could not keep the locks
    // (none when that schedule was made for other slots or tables: the run keeps none of its locks).
    const locked = await this.locks.lockedPairs(event);
    const { candidates, warnings: lockWarnings } = withLockedPairs(listed.candidates, locked.pairs, members, rule);
    if (locked.notHeld) lockWarnings.push({ code: 'locks-setup-changed', message: locksForAnotherSetup(locked.notHeld.scheduleId, locked.notHeld.locked, 0), participants: [] });
    const { forbidden } = listed;
    const participants: PairParticipant[] = rows.map((r) => {
      const capacity = meetingCapacity(grid, { blockedSlots: r.blocked_slots, sessions: r.sessions, parallelMeetings: r.parallel_meetings });
      return {
        id: r.id,
        minMeetings: r.min_meetings ?? event.minMeetings,
        maxMeetings: r.max_meetings ?? event.maxMeetings ?? capacity,
        availableSlots: capacity,
        group: r.country,
      };
    });
    const result = selectPairs({ participants, candidates, forbidden }, { minimumPriority: dto.minimumPriority });
    const overTables = tableCapacityIssue(result.selected.length, slots, event.tables);
    const report = {
      method: result.method,
      totals: result.totals,
      perParticipant: result.perParticipant,
      errors: result.errors,
      warnings: [...lockWarnings, ...result.warnings, ...(overTables ? [overTables] : [])],
      options: { minimumPriority: dto.minimumPriority ?? 'over-all-tiers', slots },
    };
    const id = await this.db.transaction(async (tx) => {
      // The settings to carry over are read under the event row lock, which the pair PATCH takes too:
      // a PATCH is either in them or finds this selection current, never lost in between.
      if (!(await this.eventRows.lockEvent(tx, event.id))) throw new NotFoundException(`Event ${slug} not found`);
      const kept = await this.settingsOfCurrent(tx, event.id);
      const selection = await tx.getRepository(PairSelectionEntity).save(tx.create(PairSelectionEntity, { eventId: event.id, report, createdByKeyId: principal.keyId }));
      const pairs = result.selected.map((p) => {
        // Session restrictions and representatives set on the pair before carry over to the new selection.
        const old = kept.get(p.a < p.b ? `${p.a}|${p.b}` : `${p.b}|${p.a}`);
        const same = old?.a === p.a;
        const settings = old ? { session: old.session, representativeA: same ? old.representativeA : old.representativeB, representativeB: same ? old.representativeB : old.representativeA } : {};
        return tx.create(SelectedPairEntity, { selectionId: selection.id, eventId: event.id, organisationA: p.a, organisationB: p.b, score: p.score, kind: p.kind, ...settings });
      });
      for (let i = 0; i < pairs.length; i += 500) await tx.getRepository(SelectedPairEntity).save(pairs.slice(i, i + 500));
      return selection.id;
    });
    return this.load(slug, id);
  }

  async latest(principal: Principal, slug: string): Promise<PairSelectionResponse> {
    const event = await this.event(principal, slug);
    const id = await currentSelectionId(this.db, event.id);
    if (!id) throw new NotFoundException(`No pairs selected yet for ${slug}`);
    return this.load(slug, id);
  }

  /** The organiser settings on the pairs of the event's current selection, by pair. */
  private async settingsOfCurrent(tx: EntityManager, eventId: string): Promise<Map<string, PairSettings>> {
    const current = await currentSelectionId(tx, eventId);
    if (!current) return new Map();
    const rows: PairSettings[] = await tx.query(
      `SELECT organisation_a AS a, organisation_b AS b, session, representative_a AS "representativeA", representative_b AS "representativeB" FROM selected_pairs
        WHERE selection_id = $1 AND (session IS NOT NULL OR representative_a IS NOT NULL OR representative_b IS NOT NULL)`,
      [current],
    );
    return new Map(rows.map((r) => [r.a < r.b ? `${r.a}|${r.b}` : `${r.b}|${r.a}`, r]));
  }

  /**
   * Restricts a pair of the current selection to a session and chooses which representative of a
   * side meeting in parallel attends. Checked against the event's sessions and each side's settings.
   * Under the event row lock, like a selection, so a selection made meanwhile does not lose it.
   */
  async updatePair(principal: Principal, slug: string, pairId: string, dto: UpdateSelectedPairDto): Promise<SelectedPairResponse> {
    const event = await this.event(principal, slug);
    const updated = await this.db.transaction(async (tx) => {
      // The sessions are checked against the event as locked (no change to them lands meanwhile).
      const locked = await this.eventRows.lockEvent(tx, event.id);
      if (!locked) throw new NotFoundException(`Event ${slug} not found`);
      const current = await currentSelectionId(tx, event.id);
      const pair = current ? await tx.findOneBy(SelectedPairEntity, { id: pairId, selectionId: current }) : null;
      if (!pair) throw new NotFoundException(`No pair ${pairId} in the current selection of ${slug}`);
      const sides: { organisation_id: string; name: string; sessions: string[] | null; parallel_meetings: number }[] = await tx.query(
        `SELECT ep.organisation_id, o.name, ep.sessions, ep.parallel_meetings FROM event_participants ep JOIN organisations o ON o.id = ep.organisation_id
          WHERE ep.event_id = $1 AND ep.organisation_id = ANY($2::uuid[])`,
        [event.id, [pair.organisationA, pair.organisationB]],
      );
      const next = {
        session: dto.session === undefined ? pair.session : dto.session,
        representativeA: dto.representativeA === undefined ? pair.representativeA : dto.representativeA,
        representativeB: dto.representativeB === undefined ? pair.representativeB : dto.representativeB,
      };
      const problems: Problem[] = [];
      const sessionNames = sessionNamesOf(resolveDays(locked.days, locked.startsOn));
      if (next.session !== null && !sessionNames.includes(next.session)) {
        problems.push({ field: 'session', message: `unknown session ${next.session} (the event's sessions: ${sessionNames.join(', ')})` });
      }
      for (const [field, orgId, rep] of [
        ['representativeA', pair.organisationA, next.representativeA],
        ['representativeB', pair.organisationB, next.representativeB],
      ] as const) {
        const side = sides.find((x) => x.organisation_id === orgId);
        if (!side) {
          if (rep !== null) problems.push({ field, message: `${orgId} no longer takes part in the event` });
          continue;
        }
        if (next.session !== null && side.sessions && !side.sessions.includes(next.session)) {
          problems.push({ field: 'session', message: `${side.name} attends only the ${side.sessions.join(', ')} session(s)` });
        }
        if (rep !== null && rep > side.parallel_meetings) {
          problems.push({
            field,
            message: side.parallel_meetings === 1 ? `${side.name} meets one partner at a time (parallelMeetings 1): only representative 1` : `${side.name} meets with representatives 1 to ${side.parallel_meetings} in parallel`,
          });
        }
      }
      if (problems.length) throw badFields(problems);
      await tx.update(SelectedPairEntity, pair.id, next);
      return { ...pair, ...next };
    });
    return this.pairView(updated, await this.orgNames([updated.organisationA, updated.organisationB]));
  }

  /**
   * Organisation names by id, also of organisations that have left the event since; a deleted one is
   * "(organisation removed)", as schedules and agendas name it.
   */
  private async orgNames(ids: string[]): Promise<(orgId: string) => string> {
    const rows = await this.db.query<{ id: string; name: string }[]>('SELECT id, name FROM organisations WHERE id = ANY($1::uuid[])', [[...new Set(ids)]]);
    const names = new Map(rows.map((r) => [r.id, r.name]));
    return (orgId) => names.get(orgId) ?? REMOVED_ORGANISATION;
  }

  private pairView(p: SelectedPairEntity, name: (orgId: string) => string): SelectedPairResponse {
    const ref = (orgId: string) => ({ id: orgId, name: name(orgId) });
    return { id: p.id, a: ref(p.organisationA), b: ref(p.organisationB), score: p.score, kind: p.kind, session: p.session, representativeA: p.representativeA, representativeB: p.representativeB };
  }

  private async load(slug: string, id: string): Promise<PairSelectionResponse> {
    const selection = await this.db.getRepository(PairSelectionEntity).findOneByOrFail({ id });
    const pairs = await this.db.getRepository(SelectedPairEntity).find({ where: { selectionId: id }, order: { organisationA: 'ASC', organisationB: 'ASC' } });
    const report = selection.report as { method: string; totals: Record<string, unknown>; perParticipant: { id: string; selected: number; min: number; max: number; capacity: number; shortfall: number; reasons: string[] }[]; errors: unknown[]; warnings: unknown[] };
    const name = await this.orgNames([...pairs.flatMap((p) => [p.organisationA, p.organisationB]), ...report.perParticipant.map((p) => p.id)]);
    return {
      id,
      event: slug,
      createdAt: selection.createdAt,
      method: report.method,
      totals: report.totals,
      pairs: pairs.map((p) => this.pairView(p, name)),
      participants: report.perParticipant.map((p) => ({ id: p.id, name: name(p.id), selected: p.selected, min: p.min, max: p.max, capacity: p.capacity, shortfall: p.shortfall, reasons: p.reasons })),
      errors: report.errors,
      warnings: report.warnings,
    };
  }
}
