import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { badField } from '../common/field-error';
import type { EventEntity } from '../events/event.entity';
import { SuggestionsService } from '../matching/suggestions.service';
import { meetingRefusal } from './review-rules';
import { ReviewsRepository } from './reviews.repository';

/** 409 for a pair that may not be asked to meet, naming the field that named the other side. */
export function cannotMeet(field: string, why: string): ConflictException {
  return new ConflictException({ message: `This pair cannot meet: ${why}`, details: [{ field, messages: [why] }] });
}

/** Who may act for which participant: a company only for itself; the event's organisers and admins for anyone. */
@Injectable()
export class ReviewAccess {
  constructor(
    private readonly suggestions: SuggestionsService,
    private readonly reviews: ReviewsRepository,
  ) {}

  /** The event as the caller may see it (404 otherwise). */
  event(principal: Principal, slug: string): Promise<EventEntity> {
    return this.suggestions.visibleEvent(principal, slug);
  }

  /**
   * The event and the participant the caller acts for. Another organisation's marks and requests are not
   * acknowledged to exist (404), like its suggestions.
   */
  async participant(principal: Principal, slug: string, organisationId: string): Promise<EventEntity> {
    const event = await this.event(principal, slug);
    const notFound = new NotFoundException(`No participant ${organisationId} in ${slug}`);
    if (principal.role === 'participant' && principal.organisationId !== organisationId) throw notFound;
    if (!(await this.reviews.participantsAmong(event.id, [organisationId])).has(organisationId)) throw notFound;
    return event;
  }

  /** Checks that `other` is another participant of the event, naming the field otherwise (400). */
  async otherParticipant(event: EventEntity, organisationId: string, other: string, field: string): Promise<void> {
    if (other === organisationId) throw badField(field, 'must be another organisation than the participant itself');
    if (!(await this.reviews.participantsAmong(event.id, [other])).has(other)) throw badField(field, `organisation ${other} does not take part in ${event.slug}`);
  }

  /**
   * Refuses (409 naming `field`, the side that names `other`) a positive mark, a meeting request or its
   * acceptance for a pair that may not meet: forbidden by the organisers, or excluded by the event's
   * who-meets-whom rule and not forced (see `meetingRefusal`). Reads inside the write's transaction,
   * the event's rule share-locked until it commits.
   */
  async assertMayMeet(tx: EntityManager, event: EventEntity, self: string, other: string, field: string): Promise<void> {
    const rule = await this.reviews.meetingRule(tx, event.id);
    if (!rule) throw new NotFoundException(`Event ${event.slug} not found`);
    const members = await this.reviews.members(tx, event.id, [self, other]);
    const gone = [self, other].find((id) => !members.has(id));
    if (gone) throw cannotMeet(field, `organisation ${gone} no longer takes part in ${event.slug}`);
    const [lo, hi] = self < other ? [self, other] : [other, self];
    const pairRule = (await this.reviews.pairRule(tx, event.id, lo, hi))?.state ?? null;
    const why = meetingRefusal({ rule, a: members.get(self)!, b: members.get(other)!, pairRule });
    if (why) throw cannotMeet(field, why);
  }
}
