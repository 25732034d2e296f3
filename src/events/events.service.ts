import { Injectable, NotFoundException } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { EventResponse } from './dto/event.response';
import { EventsRepository } from './events.repository';

@Injectable()
export class EventsService {
  constructor(private readonly events: EventsRepository) {}

  async list(principal: Principal): Promise<EventResponse[]> {
    return (await this.events.listVisible(principal)).map((e) => EventResponse.from(e));
  }

  /** 404 both for a missing event and for one the caller may not see, so slugs do not leak. */
  async get(principal: Principal, slug: string): Promise<EventResponse> {
    const found = await this.events.findVisibleBySlug(principal, slug);
    if (!found) throw new NotFoundException(`Event ${slug} not found`);
    return EventResponse.from(found);
  }
}
