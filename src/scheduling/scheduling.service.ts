import { ConflictException, Inject, Injectable, Logger, NotFoundException, ServiceUnavailableException, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Not, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { EventEntity } from '../events/event.entity';
import { EventsRepository } from '../events/events.repository';
import { EventsService, slotsOf } from '../events/events.service';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { JobHandler } from '../infra/queue/job-handler.decorator';
import { JobName, type JobContext, type JobData } from '../infra/queue/queue.contract';
import { QueueService, QueueUnavailableError } from '../infra/queue/queue.service';
import { currentSelectionId } from '../pairing/current-selection';
import { REMOVED_ORGANISATION } from './agenda-format';
import { scheduleMeetings, validateSchedule } from './core';
import { closeScheduleHelpers, helperFor } from './schedule-helper-thread';
import { SatSolverProvider } from './sat-solver.provider';
import { buildScheduleInput, type PairRow, type ParticipantRow } from './schedule-input';
import { ScheduleLocksRepository } from './schedule-locks.repository';
import { SchedulePublishRepository } from './schedule-publish.repository';
import { departedProblem, eventSetupFingerprint, locksHold, outsideProblem, SETUP_CHANGED, setupFingerprint } from './schedule-setup';
import { ScheduledMeetingEntity, ScheduleEntity } from './schedule.entity';
import { SCHEDULE_DEFAULTS, type ScheduleQuality, type ScheduleRunOptions, type UnplacedPair } from './schedule.types';

/** Stores scheduling runs, runs them in workers through the queue, publishes drafts, keeps locks. */
@Injectable()
export class SchedulingService implements OnModuleDestroy {
  private readonly logger = new Logger('Scheduling');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: QueueService,
    private readonly events: EventsService,
    private readonly eventRows: EventsRepository,
    private readonly publishing: SchedulePublishRepository,
    private readonly sat: SatSolverProvider,
    private readonly locks: ScheduleLocksRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The helper threads kept between scheduling runs end with the application. */
  async onModuleDestroy(): Promise<void> {
    await closeScheduleHelpers();
  }

  /** The event as the caller may see it; 404 for events it may not see, so slugs do not leak. */
  async visibleEvent(principal: Principal, slug: string): Promise<EventEntity> {
    return (await this.events.visible(principal, slug)).event;
  }

  /**
   * Queues a scheduling run of the event's current pair selection (one at a time per event). The check
   * for a run under way and the new row are made under the event row lock, so two requests at once
   * cannot both find none. When the job cannot be queued (Redis unreachable or refusing), the run is
   * marked failed, so it does not hold up the next request, and the answer is 503.
   */
  async request(eventId: string, options: Partial<ScheduleRunOptions>, keyId: string | null): Promise<ScheduleEntity> {
    const opts: ScheduleRunOptions = {
      timeLimitMs: options.timeLimitMs ?? SCHEDULE_DEFAULTS.timeLimitMs,
      fairnessD: options.fairnessD ?? SCHEDULE_DEFAULTS.fairnessD,
      seed: options.seed ?? SCHEDULE_DEFAULTS.seed,
    };
    const schedule = await this.db.transaction(async (tx) => {
      if (!(await this.eventRows.lockEvent(tx, eventId))) throw new NotFoundException(`Event ${eventId} not found`);
      const busy = await tx.findOne(ScheduleEntity, { where: { eventId, status: In(['queued', 'running']) } });
      if (busy) throw new ConflictException({ message: `Schedule ${busy.id} of this event is still ${busy.status}; wait for it to finish`, scheduleId: busy.id });
      return tx.save(tx.create(ScheduleEntity, { eventId, status: 'queued', options: opts, createdByKeyId: keyId, progress: 0 }));
    });
    try {
      await this.queue.enqueue(JobName.SchedulingSolve, { scheduleId: schedule.id }, { dedupeKey: `scheduling:${schedule.id}` });
    } catch (error) {
      const reason = error instanceof QueueUnavailableError ? error.reason : (error as Error).message;
      this.logger.error({ scheduleId: schedule.id, err: error }, 'scheduling run could not be queued');
      await this.db.getRepository(ScheduleEntity).update(schedule.id, { status: 'failed', error: `could not be queued: ${reason}`, finishedAt: new Date() });
      throw new ServiceUnavailableException({ message: `Schedule ${schedule.id} could not be queued (the job queue is unavailable); it is marked failed, try again later`, scheduleId: schedule.id });
    }
    return schedule;
  }

  @JobHandler(JobName.SchedulingSolve)
  async handleSolve(data: JobData<JobName.SchedulingSolve>, ctx: JobContext): Promise<Record<string, unknown>> {
    const repo = this.db.getRepository(ScheduleEntity);
    const schedule = await repo.findOneBy({ id: data.scheduleId });
    if (!schedule) return { skipped: 'schedule no longer exists' };
    if (!['queued', 'running', 'failed'].includes(schedule.status)) return { skipped: `already ${schedule.status}` };
    // A failed run is retried only while no other run of the event was started since (one at a time),
    // checked under the event row lock as requests check it.
    const newer = await this.db.transaction(async (tx) => {
      await this.eventRows.lockEvent(tx, schedule.eventId);
      if (schedule.status === 'failed') {
        const other = await tx.findOne(ScheduleEntity, { where: { eventId: schedule.eventId, status: In(['queued', 'running']), id: Not(schedule.id) } });
        if (other) return other;
      }
      await tx.update(ScheduleEntity, schedule.id, { status: 'running', startedAt: new Date(), progress: 0.05, error: null });
      return null;
    });
    if (newer) return { skipped: `schedule ${newer.id} of the event was started since; this failed run is not retried` };
    try {
      const outcome = await this.solve(schedule, ctx);
      return { eventId: schedule.eventId, ...outcome };
    } catch (error) {
      await repo.update(schedule.id, { status: 'failed', error: (error as Error).message, finishedAt: new Date() });
      throw error;
    }
  }

  private async solve(schedule: ScheduleEntity, ctx: JobContext): Promise<Record<string, unknown>> {
    const repo = this.db.getRepository(ScheduleEntity);
    const event = await this.db.getRepository(EventEntity).findOneByOrFail({ id: schedule.eventId });
    const selectionId = await currentSelectionId(this.db, event.id);
    if (!selectionId) {
      // Nothing to retry: the organisers must select pairs first.
      await repo.update(schedule.id, { status: 'failed', error: 'the event has no pair selection yet: select the pairs to meet first', finishedAt: new Date(), progress: 1 });
      return { failed: 'no pair selection' };
    }
    const slots = slotsOf(event);
    const pairs: PairRow[] = await this.db.query(
      `SELECT id, organisation_a AS a, organisation_b AS b, session, representative_a AS "representativeA", representative_b AS "representativeB"
         FROM selected_pairs WHERE selection_id = $1 ORDER BY id`,
      [selectionId],
    );
    const participants: ParticipantRow[] = await this.db.query(
      `SELECT ep.organisation_id AS "organisationId", o.name, ep.blocked_slots AS "blockedSlots", ep.sessions, ep.parallel_meetings AS "parallelMeetings", ep.fixed_table AS "fixedTable"
         FROM event_participants ep JOIN organisations o ON o.id = ep.organisation_id WHERE ep.event_id = $1`,
      [event.id],
    );
    const source = await this.locks.previousMeetings(event, schedule.id);
    const built = buildScheduleInput(slots, event.tables, pairs, participants, source?.meetings ?? [], source?.setupChanged ? source.scheduleId : null);
    await ctx.progress(0.1, { meetings: built.input.meetings.length, slots: slots.length });

    const satSolver = (await this.sat.solver()) ?? undefined;
    const trace: Array<[number, number | null]> = [];
    // The core runs synchronously for the time limit; progress is sampled and reported when it returns.
    const result = scheduleMeetings(built.input, {
      timeLimitMs: schedule.options.timeLimitMs,
      seed: schedule.options.seed,
      fairnessD: schedule.options.fairnessD,
      exact: 'auto',
      satSolver,
      // A second search on a worker thread (other settings, same deadline); the better schedule wins.
      helper: helperFor(this.config.scheduling.threads, satSolver !== undefined),
      onProgress: (fraction, best) => {
        if (trace.length === 0 || fraction - trace[trace.length - 1][0] >= 0.1) trace.push([fraction, best]);
      },
    });
    await ctx.progress(0.9, { bestBreaks: result.report.breaksTotal });
    const check = validateSchedule(built.input, result, schedule.options.fairnessD);

    const names = await this.names([...new Set(pairs.flatMap((p) => [p.a, p.b]))]);
    const byId = new Map(pairs.map((p) => [p.id, p]));
    const unplaced: UnplacedPair[] = [
      ...built.excluded.map(({ pair, reason }) => ({ pair, reasons: [reason] })),
      ...result.unplaced.map((u) => ({ pair: byId.get(u.meetingId)!, reasons: u.reasons })),
    ].map(({ pair, reasons }) => ({ a: pair.a, b: pair.b, aName: names.get(pair.a) ?? REMOVED_ORGANISATION, bName: names.get(pair.b) ?? REMOVED_ORGANISATION, reasons }));
    const meetingsById = new Map(built.input.meetings.map((m) => [m.id, m]));
    const locked = new Set(built.input.meetings.filter((m) => m.locked).map((m) => m.id));
    const fixed = new Map(built.input.meetings.filter((m) => m.fixedSlot !== undefined).map((m) => [m.id, m.fixedSlot!]));
    const quality: ScheduleQuality = {
      meetings: pairs.length,
      placed: check.placed,
      unplaced,
      breaksTotal: check.breaksTotal,
      maxBreaks: check.maxBreaks,
      minBreaks: check.minBreaks,
      fairness: check.fairness,
      fairnessD: schedule.options.fairnessD,
      fairnessHolds: check.fairnessHolds,
      lowerBound: result.report.lowerBound,
      optimal: result.report.optimal && built.excluded.length === 0,
      tableChanges: check.tableChanges,
      lockedKept: built.lockedKept,
      locksDropped: built.locksDropped,
      exact: satSolver !== undefined,
      elapsedMs: Math.round(result.report.elapsedMs),
      valid: check.errors.length === 0,
      errors: check.errors,
      warnings: [...built.warnings, ...result.report.warnings, ...check.warnings],
    };
    await this.db.transaction(async (tx) => {
      // A retried job starts from a clean slate.
      await tx.delete(ScheduledMeetingEntity, { scheduleId: schedule.id });
      const rows = result.assignments.map((a) => {
        const pair = byId.get(a.meetingId)!;
        const meeting = meetingsById.get(a.meetingId)!;
        return {
          scheduleId: schedule.id,
          organisationA: pair.a,
          organisationB: pair.b,
          slotIndex: a.slot,
          tableNumber: a.table + 1,
          locked: locked.has(a.meetingId),
          fixedSlot: fixed.get(a.meetingId) ?? null,
          // Which representative attends, for a side meeting in parallel.
          representativeA: built.attendees.get(meeting.a)?.representative ?? null,
          representativeB: built.attendees.get(meeting.b)?.representative ?? null,
        };
      });
      for (let i = 0; i < rows.length; i += 500) await tx.insert(ScheduledMeetingEntity, rows.slice(i, i + 500));
      // The set-up this run read: publishing refuses the draft once the event's is another.
      const setup = setupFingerprint(slots, event.tables);
      await tx.update(ScheduleEntity, schedule.id, { status: 'draft', selectionId, quality, setupFingerprint: setup, progress: 1, finishedAt: new Date(), error: null });
    });
    await ctx.progress(1);
    this.logger.log({ scheduleId: schedule.id, placed: quality.placed, meetings: quality.meetings, breaks: quality.breaksTotal, ms: quality.elapsedMs }, 'schedule drafted');
    return { placed: quality.placed, meetings: quality.meetings, breaks: quality.breaksTotal, fairness: quality.fairness, valid: quality.valid, progressTrace: trace.length };
  }

  async names(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await this.db.query('SELECT id, name FROM organisations WHERE id = ANY($1::uuid[])', [ids]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  list(eventId: string): Promise<ScheduleEntity[]> {
    return this.db.getRepository(ScheduleEntity).find({ where: { eventId }, order: { createdAt: 'DESC' } });
  }

  async find(eventId: string, id: string): Promise<ScheduleEntity> {
    const schedule = await this.db.getRepository(ScheduleEntity).findOneBy({ id, eventId });
    if (!schedule) throw new NotFoundException(`Schedule ${id} not found`);
    return schedule;
  }

  meetings(scheduleId: string): Promise<ScheduledMeetingEntity[]> {
    return this.db.getRepository(ScheduledMeetingEntity).find({ where: { scheduleId }, order: { slotIndex: 'ASC', tableNumber: 'ASC' } });
  }

  /** The event's current published schedule, if any. */
  published(eventId: string): Promise<ScheduleEntity | null> {
    return this.db.getRepository(ScheduleEntity).findOne({ where: { eventId, status: 'published' }, order: { publishedAt: 'DESC' } });
  }

  /**
   * Draft → published; the schedule published before is superseded. Refused (409): drafts breaking a hard
   * constraint, drafts made for other slots or tables than the event has now, and drafts with meetings of
   * organisations that have left the event. The event row is locked first, as event and participant
   * changes lock it, so none of them lands between these checks and the publication.
   */
  async publish(eventId: string, id: string): Promise<ScheduleEntity> {
    return this.db.transaction(async (tx) => {
      const event = await this.eventRows.lockEvent(tx, eventId);
      if (!event) throw new NotFoundException(`Event ${eventId} not found`);
      const schedule = await this.publishing.lockSchedule(tx, eventId, id);
      if (!schedule) throw new NotFoundException(`Schedule ${id} not found`);
      if (schedule.status === 'published') return schedule;
      if (schedule.status !== 'draft') throw new ConflictException(`Only a draft can be published; schedule ${id} is ${schedule.status}`);
      if (schedule.quality && !schedule.quality.valid) throw new ConflictException(`Schedule ${id} breaks hard constraints: ${schedule.quality.errors.slice(0, 3).join('; ')}`);
      const problems = await this.publishProblems(tx, event, schedule);
      if (problems.length) {
        throw new ConflictException({ message: `Schedule ${id} cannot be published: ${problems.join('; ')}`, details: [{ field: 'id', messages: problems }] });
      }
      const now = new Date();
      await tx.update(ScheduleEntity, { eventId, status: 'published' }, { status: 'superseded', supersededAt: now });
      await tx.update(ScheduleEntity, schedule.id, { status: 'published', publishedAt: now });
      return tx.findOneByOrFail(ScheduleEntity, { id });
    });
  }

  /** Why a draft does not fit the event as it is now (empty: it does). */
  private async publishProblems(tx: EntityManager, event: EventEntity, schedule: ScheduleEntity): Promise<string[]> {
    const problems: string[] = [];
    const slots = slotsOf(event);
    if (schedule.setupFingerprint !== null) {
      if (schedule.setupFingerprint !== eventSetupFingerprint(event)) problems.push(SETUP_CHANGED);
    } else {
      // Stored before runs recorded their set-up: only whether every meeting is still within the grid and tables can be told.
      const outside = await this.publishing.meetingsOutside(tx, schedule.id, slots.length, event.tables);
      if (outside) problems.push(outsideProblem(outside, slots.length, event.tables));
    }
    const departed = await this.publishing.departed(tx, schedule.id, event.id);
    if (departed.organisations.length) problems.push(departedProblem(departed.meetings, departed.organisations));
    return problems;
  }

  /**
   * Published → draft: the event has no published schedule until one is published again (an earlier,
   * superseded one is not brought back). Meetings and locks stay. Under the event row lock, like publish.
   */
  async unpublish(eventId: string, id: string): Promise<ScheduleEntity> {
    return this.db.transaction(async (tx) => {
      if (!(await this.eventRows.lockEvent(tx, eventId))) throw new NotFoundException(`Event ${eventId} not found`);
      const schedule = await this.publishing.lockSchedule(tx, eventId, id);
      if (!schedule) throw new NotFoundException(`Schedule ${id} not found`);
      if (schedule.status !== 'published') {
        const message = `Only the published schedule can be unpublished; schedule ${id} is ${schedule.status}`;
        throw new ConflictException({ message, details: [{ field: 'id', messages: [`is ${schedule.status}, not published`] }] });
      }
      await tx.update(ScheduleEntity, schedule.id, { status: 'draft', publishedAt: null });
      return tx.findOneByOrFail(ScheduleEntity, { id });
    });
  }

  /**
   * Locks or unlocks one meeting: locked meetings keep their slot and table when the event is scheduled
   * again. A meeting of a superseded schedule, or with a participant that left the event, cannot be
   * locked (409): no run would keep the lock. Unlocking is always allowed.
   */
  async setLocked(event: EventEntity, scheduleId: string, meetingId: string, locked: boolean): Promise<ScheduledMeetingEntity> {
    const eventId = event.id;
    const schedule = await this.find(eventId, scheduleId);
    const repo = this.db.getRepository(ScheduledMeetingEntity);
    const meeting = await repo.findOneBy({ id: meetingId, scheduleId });
    if (!meeting) throw new NotFoundException(`Meeting ${meetingId} not found in schedule ${scheduleId}`);
    if (locked) {
      if (schedule.status === 'superseded') {
        // Runs read locks from the published schedule or the latest draft; a superseded one is never either again.
        const message = `Meeting ${meetingId} cannot be locked: schedule ${scheduleId} is superseded, so no run would keep the lock; lock it in the published schedule or a draft`;
        throw new ConflictException({ message, details: [{ field: 'locked', messages: ['the schedule is superseded'] }] });
      }
      if (!locksHold(schedule.setupFingerprint, eventSetupFingerprint(event))) {
        const message = `Meeting ${meetingId} cannot be locked: the event's slots or tables changed since schedule ${scheduleId} was made, so no run would keep the lock; schedule again`;
        throw new ConflictException({ message, details: [{ field: 'locked', messages: ["the event's slots or tables changed since this schedule was made"] }] });
      }
      const sides = [meeting.organisationA, meeting.organisationB];
      const present: { id: string }[] = await this.db.query('SELECT organisation_id AS id FROM event_participants WHERE event_id = $1 AND organisation_id = ANY($2::uuid[])', [eventId, sides]);
      const gone = sides.filter((id) => !present.some((p) => p.id === id));
      if (gone.length > 0) {
        const names = await this.names(gone);
        const who = gone.map((id) => (names.has(id) ? `${names.get(id)} (${id})` : `${REMOVED_ORGANISATION} ${id}`)).join(' and ');
        throw new ConflictException(`Meeting ${meetingId} cannot be locked: ${who} no longer take${gone.length > 1 ? '' : 's'} part in the event`);
      }
    }
    await repo.update(meeting.id, { locked });
    return { ...meeting, locked };
  }

  /** Re-queues runs left queued or running by a process that ended (the inline driver keeps jobs in memory). */
  async resumeUnfinished(): Promise<number> {
    const rows = await this.db.getRepository(ScheduleEntity).findBy({ status: In(['queued', 'running']) });
    for (const s of rows) await this.queue.enqueue(JobName.SchedulingSolve, { scheduleId: s.id }, { dedupeKey: `scheduling:${s.id}` });
    return rows.length;
  }
}
