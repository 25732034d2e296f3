import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { MARKS, MAX_REQUEST_TTL_HOURS, PAIR_RULE_STATES, REQUEST_DIRECTIONS, REQUEST_STATUSES, type Mark, type PairRuleState, type RequestDirection, type RequestStatus } from '../review.types';

export class SetMarkDto {
  @ApiProperty({
    enum: MARKS,
    description:
      "not-interested excludes the pair everywhere in the event (both directions) and closes its pending and accepted requests; must-meet and interested are refused (409) on a pair the organisers forbade or the event's who-meets-whom rule excludes (unless forced)",
  })
  @IsIn(MARKS)
  mark: Mark;
}

export class CreateRequestDto {
  @ApiProperty({ format: 'uuid', description: 'The participant asked for a meeting' })
  @IsUUID('all')
  to: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'A note to the recipient' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  message?: string;
}

export class ListRequestsQuery {
  @ApiPropertyOptional({ enum: REQUEST_DIRECTIONS, description: 'Default: both' })
  @IsOptional()
  @IsIn(REQUEST_DIRECTIONS)
  direction?: RequestDirection;

  @ApiPropertyOptional({ enum: REQUEST_STATUSES, description: 'The effective status (a pending request past its expiry is expired)' })
  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  status?: RequestStatus;
}

export class SetPairDto {
  @ApiProperty({ enum: PAIR_RULE_STATES })
  @IsIn(PAIR_RULE_STATES)
  state: PairRuleState;
}

export class ReviewSettingsDto {
  @ApiPropertyOptional({ description: 'Accept new meeting requests at once' })
  @IsOptional()
  @IsBoolean()
  autoAcceptRequests?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_REQUEST_TTL_HOURS, description: 'Hours until a pending request expires (applies to new requests)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_REQUEST_TTL_HOURS)
  requestTtlHours?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, description: "Cap on a participant's pending outgoing requests" })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  maxOpenRequests?: number;
}
