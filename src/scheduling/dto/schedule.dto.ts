import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Slot } from '../../events/event-slots';
import { REMOVED_ORGANISATION } from '../agenda-format';
import type { ScheduledMeetingEntity, ScheduleEntity } from '../schedule.entity';
import { SCHEDULE_DEFAULTS, SCHEDULE_LIMITS, SCHEDULE_STATUSES, type ScheduleQuality, type ScheduleRunOptions, type ScheduleStatus } from '../schedule.types';

export class CreateScheduleDto {
  @ApiPropertyOptional({ minimum: SCHEDULE_LIMITS.timeLimitMs.min, maximum: SCHEDULE_LIMITS.timeLimitMs.max, default: SCHEDULE_DEFAULTS.timeLimitMs, description: 'How long the optimiser may search' })
  @IsOptional()
  @IsInt()
  @Min(SCHEDULE_LIMITS.timeLimitMs.min)
  @Max(SCHEDULE_LIMITS.timeLimitMs.max)
  timeLimitMs?: number;

  @ApiPropertyOptional({ minimum: SCHEDULE_LIMITS.fairnessD.min, maximum: SCHEDULE_LIMITS.fairnessD.max, default: SCHEDULE_DEFAULTS.fairnessD, description: 'Fairness bound d: max − min idle breaks over participants' })
  @IsOptional()
  @IsInt()
  @Min(SCHEDULE_LIMITS.fairnessD.min)
  @Max(SCHEDULE_LIMITS.fairnessD.max)
  fairnessD?: number;
}

export class SetMeetingLockDto {
  @ApiProperty({ description: 'Locked meetings keep their slot and table when the event is scheduled again' })
  @IsBoolean()
  locked: boolean;
}

export class PartyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class ScheduledMeetingResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Index into the event’s slot grid' }) slot: number;
  @ApiProperty() day: string;
  @ApiProperty({ description: 'Event-local HH:MM' }) start: string;
  @ApiProperty() end: string;
  @ApiProperty() startUtc: string;
  @ApiProperty() endUtc: string;
  @ApiProperty({ description: '1-based' }) table: number;
  @ApiProperty({ type: PartyResponse }) a: PartyResponse;
  @ApiProperty({ type: PartyResponse }) b: PartyResponse;
  @ApiProperty() locked: boolean;
  @ApiPropertyOptional({ nullable: true, type: Number }) fixedSlot: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'a’s representative (1-based; its representativeNames) who attends, when a meets in parallel; null: a meets as one team' })
  representativeA: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'b’s representative who attends, when b meets in parallel' }) representativeB: number | null;

  static from(m: ScheduledMeetingEntity, slots: readonly Slot[], names: Map<string, string>): ScheduledMeetingResponse {
    const slot = slots[m.slotIndex];
    return {
      id: m.id,
      slot: m.slotIndex,
      day: slot?.day ?? '',
      start: slot?.start ?? '',
      end: slot?.end ?? '',
      startUtc: slot?.startUtc ?? '',
      endUtc: slot?.endUtc ?? '',
      table: m.tableNumber,
      a: { id: m.organisationA, name: names.get(m.organisationA) ?? REMOVED_ORGANISATION },
      b: { id: m.organisationB, name: names.get(m.organisationB) ?? REMOVED_ORGANISATION },
      locked: m.locked,
      fixedSlot: m.fixedSlot,
      representativeA: m.representativeA,
      representativeB: m.representativeB,
    };
  }
}

export class ScheduleResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() event: string;
  @ApiProperty({ enum: SCHEDULE_STATUSES }) status: ScheduleStatus;
  @ApiProperty({ minimum: 0, maximum: 1 }) progress: number;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) selectionId: string | null;
  @ApiProperty({ description: 'timeLimitMs, fairnessD, seed' }) options: ScheduleRunOptions;
  @ApiPropertyOptional({ nullable: true, description: 'Meetings placed, unplaced with reasons, breaks total/max, fairness, time, validation' }) quality: ScheduleQuality | null;
  @ApiPropertyOptional({ nullable: true, type: String }) error: string | null;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) startedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) finishedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) publishedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) supersededAt: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Boolean,
    description:
      "Whether the run was made for the event's slots and tables as they are now (a draft that does not fit cannot be published, nor its meetings locked); null until the run has finished, and for runs stored before runs recorded their set-up",
  })
  fitsEvent: boolean | null;
  @ApiPropertyOptional({ type: [ScheduledMeetingResponse], description: 'With GET /:id only' }) meetings?: ScheduledMeetingResponse[];

  /** `currentSetup`: the fingerprint of the event's set-up now (setupFingerprint). */
  static from(s: ScheduleEntity, slug: string, currentSetup: string, meetings?: ScheduledMeetingResponse[]): ScheduleResponse {
    const iso = (d: Date | null): string | null => d?.toISOString() ?? null;
    return {
      id: s.id,
      event: slug,
      status: s.status,
      progress: s.progress,
      selectionId: s.selectionId,
      options: s.options,
      quality: s.quality,
      error: s.error,
      createdAt: s.createdAt.toISOString(),
      startedAt: iso(s.startedAt),
      finishedAt: iso(s.finishedAt),
      publishedAt: iso(s.publishedAt),
      supersededAt: iso(s.supersededAt),
      fitsEvent: s.setupFingerprint === null ? null : s.setupFingerprint === currentSetup,
      ...(meetings ? { meetings } : {}),
    };
  }
}
