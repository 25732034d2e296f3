import { ConflictException, ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { JobHandler } from '../infra/queue/job-handler.decorator';
import { JobName, type JobContext, type JobData } from '../infra/queue/queue.contract';
import { QueueService } from '../infra/queue/queue.service';
import type { CreateRequestDto, ListRequestsQuery } from './dto/review-input.dto';
import type { MeetingRequestList, MeetingRequestResponse, OrganisationRef } from './dto/review.response';
import { ReviewAccess, cannotMeet } from './review-access.service';
import { ReviewsRepository, type RequestRecord } from './reviews.repository';

/** Longest delay given to one expiry job; a later expiry is reached by the job scheduling the next one. */
const MAX_EXPIRY_DELAY_MS = 7 * 24 * 3600 * 1000;
/** Expiry jobs of one event are grouped per minute. */
const EXPIRY_BUCKET_MS = 60_000;

export type RequestAction = 'accept' | 'decline' | 'cancel';

const isUniqueViolation = (e: unknown): boolean => {
  const err = e as { code?: string; driverError?: { code?: string } };
  return err?.code === '23505' || err?.driverError?.code === '23505';
};

/**
 * Meeting requests: send, accept or decline (the recipient), cancel (the sender). A pending request
 * expires after the event's TTL: readers see it expired at once; the `reviews.expire-requests` job
 * records it.
 */
@Injectable()
export class MeetingRequestsService {
  private readonly logger = new Logger('MeetingRequests');

  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly access: ReviewAccess,
    private readonly queue: QueueService,
  ) {}

  async list(principal: Principal, slug: string, organisationId: string, q: ListRequestsQuery): Promise<MeetingRequestList> {
    const event = await this.access.participant(principal, slug, organisationId);
    const rows = await this.reviews.requestsOf(event.id, organisationId, q.direction, q.status);
    const orgs = await this.reviews.organisations([organisationId, ...rows.flatMap((r) => [r.fromId, r.toId])]);
    return { event: slug, organisation: orgs.get(organisationId)!, items: rows.map((r) => toResponse(slug, r, orgs)) };
  }

  /**
   * Sends a request. Refused (409 `to`) for a pair that may not meet (forbidden by the organisers,
   * excluded by the event's who-meets-whom rule and not forced, or marked not-interested either way),
   * when a pending or accepted request between the two exists, or when the sender has reached the
   * event's cap on pending outgoing requests. With auto-accept the request is accepted at once.
   */
  async create(principal: Principal, slug: string, organisationId: string, dto: CreateRequestDto): Promise<MeetingRequestResponse> {
    const event = await this.access.participant(principal, slug, organisationId);
    const to = dto.to.toLowerCase();
    await this.access.otherParticipant(event, organisationId, to, 'to');
    let id: string;
    try {
      id = await this.reviews.transaction(async (tx) => {
        // The pair, then the event row, before any row lock (changes of the event and its participants lock the event row first).
        if (!(await this.reviews.lockPair(tx, event.id, organisationId, to))) throw eventGone(slug);
        await this.access.assertMayMeet(tx, event, organisationId, to, 'to');
        // One sender's requests are written one at a time, so the cap holds under concurrency.
        if (!(await this.reviews.lockParticipant(tx, event.id, organisationId))) throw new NotFoundException(`No participant ${organisationId} in ${slug}`);
        // Requests of this pair whose time is up no longer hold it.
        await this.reviews.expireDue(event.id, [organisationId, to], tx);
        await this.assertNotDeclined(tx, event.id, organisationId, to);
        const open = await this.reviews.openBetween(tx, event.id, organisationId, to);
        if (open) throw duplicate(open);
        const settings = await this.reviews.settings(event.id, tx);
        if (!settings.autoAcceptRequests && (await this.reviews.openOutgoing(tx, event.id, organisationId)) >= settings.maxOpenRequests) {
          throw new ConflictException({
            message: `The cap of ${settings.maxOpenRequests} open outgoing requests is reached; wait for answers or cancel one`,
            details: [{ field: 'to', messages: [`at most ${settings.maxOpenRequests} pending outgoing requests (maxOpenRequests)`] }],
          });
        }
        return this.reviews.insertRequest(tx, { eventId: event.id, fromId: organisationId, toId: to, message: dto.message ?? '', ttlHours: settings.requestTtlHours, autoAccept: settings.autoAcceptRequests });
      });
    } catch (e) {
      // Two requests between the same pair sent at once: the open-pair index lets one through.
      if (isUniqueViolation(e)) throw new ConflictException({ message: 'A pending or accepted request between these participants exists already', details: [{ field: 'to', messages: ['already requested'] }] });
      throw e;
    }
    const created = (await this.reviews.request(event.id, id))!;
    if (created.status === 'pending') await this.scheduleExpiry(event.id, created.expiresAt);
    return this.respond(slug, created);
  }

  /**
   * Accept or decline (the recipient) or cancel (the sender). Only pending requests are answered; the
   * sender may also cancel an accepted one. A request not involving the participant is not acknowledged
   * (404); the wrong side gets 403; a request no longer open 409. Accepting is refused (409 `to`) on a
   * pair that may not meet as sending is: the rule or the organisers' decisions may have changed since.
   */
  async act(principal: Principal, slug: string, organisationId: string, requestId: string, action: RequestAction): Promise<MeetingRequestResponse> {
    const event = await this.access.participant(principal, slug, organisationId);
    await this.reviews.transaction(async (tx) => {
      const seen = await this.reviews.request(event.id, requestId, tx);
      if (!seen || (seen.fromId !== organisationId && seen.toId !== organisationId)) throw new NotFoundException(`Request ${requestId} not found`);
      // The pair and the event row first, as every write about the pair, then the request row (read
      // again: it may have changed or gone meanwhile, e.g. with a deleted profile).
      if (!(await this.reviews.lockPair(tx, event.id, seen.fromId, seen.toId))) throw eventGone(slug);
      const r = await this.reviews.request(event.id, requestId, tx, true);
      if (!r) throw new NotFoundException(`Request ${requestId} not found`);
      const recipient = r.toId === organisationId;
      if (action !== 'cancel' && !recipient) throw new ForbiddenException(`Only the recipient may ${action} a request`);
      if (action === 'cancel' && recipient) throw new ForbiddenException('Only the sender may cancel a request; the recipient declines it');
      const allowed = action === 'cancel' ? ['pending', 'accepted'] : ['pending'];
      if (!allowed.includes(r.status)) {
        const why = r.closedReason ? ` (${r.closedReason === 'sender-left' ? 'the sender' : 'the recipient'} left the event)` : '';
        throw new ConflictException({ message: `The request is ${r.status}${why} and can no longer be ${past(action)}`, details: [{ field: 'status', messages: [r.status] }] });
      }
      if (action === 'accept') {
        await this.access.assertMayMeet(tx, event, r.toId, r.fromId, 'to');
        await this.assertNotDeclined(tx, event.id, r.fromId, r.toId);
      }
      await this.reviews.setStatus(tx, r.id, action === 'accept' ? 'accepted' : action === 'decline' ? 'declined' : 'cancelled');
    });
    return this.respond(slug, (await this.reviews.request(event.id, requestId))!);
  }

  /** Records the expiry of the event's pending requests whose time is up, then schedules the next expiry. */
  @JobHandler(JobName.ReviewsExpireRequests)
  async handleExpire(data: JobData<JobName.ReviewsExpireRequests>, _ctx: JobContext): Promise<Record<string, unknown>> {
    // Under the event row lock, as the other writes of requests: a leaver's requests are closed under it.
    const expired = await this.reviews.transaction(async (tx) => ((await this.reviews.lockEvent(tx, data.eventId)) ? this.reviews.expireDue(data.eventId, undefined, tx) : 0));
    const next = await this.reviews.nextExpiry(data.eventId);
    if (next) await this.scheduleExpiry(data.eventId, next);
    return { eventId: data.eventId, expired, nextExpiry: next };
  }

  /** Enqueues the expiry job to run just after `at` (grouped per event and minute; long waits are chained). */
  private async scheduleExpiry(eventId: string, at: Date): Promise<void> {
    const runAt = Math.min(Math.ceil(at.getTime() / EXPIRY_BUCKET_MS) * EXPIRY_BUCKET_MS + 1000, Date.now() + MAX_EXPIRY_DELAY_MS);
    const bucket = Math.ceil(runAt / EXPIRY_BUCKET_MS);
    try {
      await this.queue.enqueue(JobName.ReviewsExpireRequests, { eventId }, { dedupeKey: `reviews.expire:${eventId}:${bucket}`, delayMs: Math.max(0, runAt - Date.now()) });
    } catch (error) {
      // Readers already see the request expire on time; the job only records it.
      this.logger.warn({ eventId, err: String(error) }, 'could not schedule request expiry');
    }
  }

  /** A not-interested mark either way excludes the pair (the organisers' decisions and the rule: ReviewAccess.assertMayMeet). */
  private async assertNotDeclined(tx: EntityManager, eventId: string, a: string, b: string): Promise<void> {
    if ((await this.reviews.mark(tx, eventId, a, b)) === 'not-interested' || (await this.reviews.mark(tx, eventId, b, a)) === 'not-interested') {
      throw cannotMeet('to', 'one of the two marked the other not interested');
    }
  }

  private async respond(slug: string, r: RequestRecord): Promise<MeetingRequestResponse> {
    return toResponse(slug, r, await this.reviews.organisations([r.fromId, r.toId]));
  }
}

function toResponse(slug: string, r: RequestRecord, orgs: Map<string, OrganisationRef>): MeetingRequestResponse {
  const org = (id: string): OrganisationRef => orgs.get(id) ?? { id, externalId: null, name: '', country: '', region: '', kind: '' };
  return { id: r.id, event: slug, from: org(r.fromId), to: org(r.toId), message: r.message, status: r.status, autoAccepted: r.autoAccepted, createdAt: r.createdAt, expiresAt: r.expiresAt, closedAt: r.closedAt, closedReason: r.closedReason };
}

function duplicate(open: RequestRecord): ConflictException {
  return new ConflictException({ message: `A ${open.status} request between these participants exists already (${open.id})`, details: [{ field: 'to', messages: ['already requested'] }] });
}

const eventGone = (slug: string): NotFoundException => new NotFoundException(`Event ${slug} not found`);

const past = (action: RequestAction): string => ({ accept: 'accepted', decline: 'declined', cancel: 'cancelled' })[action];
