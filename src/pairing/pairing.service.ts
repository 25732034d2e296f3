import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { deriveSlots, resolveDays } from '../events/event-slots';
import type { EventEntity } from '../events/event.entity';
import { EventsService } from '../events/events.service';
import { ReviewsRepository } from '../reviews/reviews.repository';
import { selectPairs } from './core/select-pairs';
import type { PairParticipant } from './core/pair-selection.types';
import type { PairSelectionResponse, SelectPairsDto } from './dto/pair-selection.dto';
import { buildCandidates, type ListEntry, type MemberInfo } from './pair-candidates';
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
}

/** Chooses which pairs meet at an event, from the stored lists and the companies' reviews. */
@Injectable()
export class PairingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: EventsService,
    private readonly reviews: ReviewsRepository,
  ) {}

  private async event(principal: Principal, slug: string): Promise<EventEntity> {
    return (await this.events.visible(principal, slug)).event;
  }

  async select(principal: Principal, slug: string, dto: SelectPairsDto): Promise<PairSelectionResponse> {
    const event = await this.event(principal, slug);
    const slots = deriveSlots({ days: resolveDays(event.days, event.startsOn), slotMinutes: event.slotMinutes, breakMinutes: event.breakMinutes, timeZone: event.timeZone }).length;
    const rows: MemberRow[] = await this.db.query(
      `SELECT o.id, o.name, o.country, r.name AS region, ep.group_name, ep.min_meetings, ep.max_meetings, ep.blocked_slots
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
    const { candidates, forbidden } = buildCandidates(members, lists, await this.reviews.pairStates(event.id), {
      rule: event.meetingRule,
      mode: event.meetingRuleMode,
      groupPairs: event.groupPairs,
    });
    const participants: PairParticipant[] = rows.map((r) => {
      const blocked = new Set(r.blocked_slots.filter((s) => s >= 0 && s < slots));
      return {
        id: r.id,
        minMeetings: r.min_meetings ?? event.minMeetings,
        maxMeetings: r.max_meetings ?? event.maxMeetings ?? slots,
        availableSlots: slots - blocked.size,
        group: r.country,
      };
    });
    const result = selectPairs({ participants, candidates, forbidden }, { minimumPriority: dto.minimumPriority });
    const report = {
      method: result.method,
      totals: result.totals,
      perParticipant: result.perParticipant,
      errors: result.errors,
      warnings: result.warnings,
      options: { minimumPriority: dto.minimumPriority ?? 'over-all-tiers', slots },
    };
    const id = await this.db.transaction(async (tx) => {
      const selection = await tx.getRepository(PairSelectionEntity).save(tx.create(PairSelectionEntity, { eventId: event.id, report, createdByKeyId: principal.keyId }));
      const pairs = result.selected.map((p) =>
        tx.create(SelectedPairEntity, { selectionId: selection.id, eventId: event.id, organisationA: p.a, organisationB: p.b, score: p.score, kind: p.kind }),
      );
      for (let i = 0; i < pairs.length; i += 500) await tx.getRepository(SelectedPairEntity).save(pairs.slice(i, i + 500));
      return selection.id;
    });
    return this.load(slug, id);
  }

  async latest(principal: Principal, slug: string): Promise<PairSelectionResponse> {
    const event = await this.event(principal, slug);
    const selection = await this.db.getRepository(PairSelectionEntity).findOne({ where: { eventId: event.id }, order: { createdAt: 'DESC' } });
    if (!selection) throw new NotFoundException(`No pairs selected yet for ${slug}`);
    return this.load(slug, selection.id);
  }

  private async load(slug: string, id: string): Promise<PairSelectionResponse> {
    const selection = await this.db.getRepository(PairSelectionEntity).findOneByOrFail({ id });
    const pairs = await this.db.getRepository(SelectedPairEntity).find({ where: { selectionId: id }, order: { organisationA: 'ASC', organisationB: 'ASC' } });
    const rows = await this.db.query<{ id: string; name: string }[]>(
      'SELECT o.id, o.name FROM event_participants ep JOIN organisations o ON o.id = ep.organisation_id WHERE ep.event_id = $1',
      [selection.eventId],
    );
    const names = new Map(rows.map((r) => [r.id, r.name]));
    const ref = (orgId: string) => ({ id: orgId, name: names.get(orgId) ?? orgId });
    const report = selection.report as { method: string; totals: Record<string, unknown>; perParticipant: { id: string; selected: number; min: number; max: number; capacity: number; shortfall: number; reasons: string[] }[]; errors: unknown[]; warnings: unknown[] };
    return {
      id,
      event: slug,
      createdAt: selection.createdAt,
      method: report.method,
      totals: report.totals,
      pairs: pairs.map((p) => ({ a: ref(p.organisationA), b: ref(p.organisationB), score: p.score, kind: p.kind })),
      participants: report.perParticipant.map((p) => ({ id: p.id, name: names.get(p.id) ?? p.id, selected: p.selected, min: p.min, max: p.max, capacity: p.capacity, shortfall: p.shortfall, reasons: p.reasons })),
      errors: report.errors,
      warnings: report.warnings,
    };
  }
}
