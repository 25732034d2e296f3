import { Injectable, NotFoundException } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { badField } from '../common/field-error';
import type { EventEntity } from '../events/event.entity';
import { SuggestionsService } from '../matching/suggestions.service';
import { ReviewsRepository } from './reviews.repository';

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
}
