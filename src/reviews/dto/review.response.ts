import { ApiProperty } from '@nestjs/swagger';
import { MARKS, PAIR_RULE_STATES, REQUEST_CLOSED_REASONS, REQUEST_STATUSES, type Mark, type PairRuleState, type RequestClosedReason, type RequestStatus } from '../review.types';

export class OrganisationRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) externalId: string | null;
  @ApiProperty() name: string;
  @ApiProperty() country: string;
  @ApiProperty() region: string;
  @ApiProperty() kind: string;
}

export class MarkResponse {
  @ApiProperty({ type: OrganisationRef }) candidate: OrganisationRef;
  @ApiProperty({ enum: MARKS }) mark: Mark;
  @ApiProperty({ description: 'The candidate marked this participant interested or must-meet too (a confirmed pair)' }) mutual: boolean;
  @ApiProperty() updatedAt: Date;
}

export class MarksResponse {
  @ApiProperty() event: string;
  @ApiProperty({ type: OrganisationRef }) organisation: OrganisationRef;
  @ApiProperty({ type: [MarkResponse] }) marks: MarkResponse[];
}

export class MeetingRequestResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() event: string;
  @ApiProperty({ type: OrganisationRef }) from: OrganisationRef;
  @ApiProperty({ type: OrganisationRef }) to: OrganisationRef;
  @ApiProperty() message: string;
  @ApiProperty({ enum: REQUEST_STATUSES, description: 'A pending request past expiresAt reads as expired' }) status: RequestStatus;
  @ApiProperty({ description: 'Accepted on creation because the event auto-accepts requests' }) autoAccepted: boolean;
  @ApiProperty() createdAt: Date;
  @ApiProperty() expiresAt: Date;
  @ApiProperty({ nullable: true, type: Date, description: 'When it was accepted, declined, cancelled or expired' }) closedAt: Date | null;
  @ApiProperty({
    enum: REQUEST_CLOSED_REASONS,
    nullable: true,
    description: 'Why it was cancelled when neither side cancelled it: the sender (sender-left) or the recipient (recipient-left) left the event while it was pending. Null otherwise',
  })
  closedReason: RequestClosedReason | null;
}

export class MeetingRequestList {
  @ApiProperty() event: string;
  @ApiProperty({ type: OrganisationRef }) organisation: OrganisationRef;
  @ApiProperty({ type: [MeetingRequestResponse] }) items: MeetingRequestResponse[];
}

export class ConfirmedPartner {
  @ApiProperty({ type: OrganisationRef }) organisation: OrganisationRef;
  @ApiProperty({ description: 'Both marked each other interested or must-meet' }) mutual: boolean;
  @ApiProperty({ description: 'A meeting request between the two was accepted' }) acceptedRequest: boolean;
}

export class ConfirmedPairsResponse {
  @ApiProperty() event: string;
  @ApiProperty({ type: OrganisationRef }) organisation: OrganisationRef;
  @ApiProperty({ type: [ConfirmedPartner] }) partners: ConfirmedPartner[];
}

export class PairRuleResponse {
  @ApiProperty() event: string;
  @ApiProperty({ type: OrganisationRef }) a: OrganisationRef;
  @ApiProperty({ type: OrganisationRef }) b: OrganisationRef;
  @ApiProperty({ enum: PAIR_RULE_STATES, nullable: true, description: 'null: no organiser decision' }) state: PairRuleState | null;
  @ApiProperty({ nullable: true, type: Date }) updatedAt: Date | null;
}

export class ReviewSettingsResponse {
  @ApiProperty() event: string;
  @ApiProperty() autoAcceptRequests: boolean;
  @ApiProperty() requestTtlHours: number;
  @ApiProperty() maxOpenRequests: number;
  @ApiProperty({ nullable: true, type: Date, description: 'null: the defaults, never changed' }) updatedAt: Date | null;
}

export class DemandEntry {
  @ApiProperty({ type: OrganisationRef }) organisation: OrganisationRef;
  @ApiProperty({ description: 'Others who marked it must-meet' }) mustMeetBy: number;
  @ApiProperty({ description: 'Others who marked it interested' }) interestedBy: number;
  @ApiProperty({ description: 'Others who marked it not-interested' }) notInterestedBy: number;
  @ApiProperty() requestsReceived: number;
  @ApiProperty() requestsSent: number;
  @ApiProperty({ description: 'Accepted requests it sent or received' }) requestsAccepted: number;
  @ApiProperty({ description: 'Partners with an accepted request or mutual interest' }) confirmedPairs: number;
  @ApiProperty({ description: 'Distinct others who marked it must-meet/interested or sent it a request they did not cancel' }) wanted: number;
  @ApiProperty({ description: 'In the top decile by wanted (ties included)' }) wantedByMany: boolean;
  @ApiProperty() wantedByNone: boolean;
}

export class DemandResponse {
  @ApiProperty() event: string;
  @ApiProperty() participants: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Smallest wanted count flagged wanted by many; null when nobody is wanted' }) wantedByManyThreshold: number | null;
  @ApiProperty({ type: [DemandEntry], description: 'Most wanted first' }) items: DemandEntry[];
}
