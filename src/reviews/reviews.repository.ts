import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { MeetingRuleInput, MemberInfo } from '../pairing/pair-candidates';
import { OrganisationEntity } from '../profiles/organisation.entity';
import { declineKey, pairKey } from '../scoring/core';
import type { OrganisationRef } from './dto/review.response';
import { MeetingRequestEntity } from './meeting-request.entity';
import { PairRuleEntity } from './pair-rule.entity';
import { ReviewSettingsEntity } from './review-settings.entity';
import { buildPairStates, type MarkRow, type PairRuleRow, type RequestRow } from './review-rules';
import { DEFAULT_REVIEW_SETTINGS, type Mark, type PairRuleState, type PairState, type RequestClosedReason, type RequestDirection, type RequestStatus, type ReviewExclusions } from './review.types';

/** The status readers see: a pending request past its expiry is expired even before the job marks it. */
const EFFECTIVE_STATUS = `CASE WHEN r.status = 'pending' AND r.expires_at <= now() THEN 'expired' ELSE r.status END`;

const REQUEST_COLUMNS = `r.id, r.event_id AS "eventId", r.from_organisation_id AS "fromId", r.to_organisation_id AS "toId", r.message,
  ${EFFECTIVE_STATUS} AS status, r.auto_accepted AS "autoAccepted", r.created_at AS "createdAt", r.expires_at AS "expiresAt",
  CASE WHEN r.status = 'pending' AND r.expires_at <= now() THEN r.expires_at ELSE r.closed_at END AS "closedAt", r.closed_reason AS "closedReason"`;

export interface RequestRecord {
  id: string;
  eventId: string;
  fromId: string;
  toId: string;
  message: string;
  /** Effective status. */
  status: RequestStatus;
  autoAccepted: boolean;
  createdAt: Date;
  expiresAt: Date;
  closedAt: Date | null;
  closedReason: RequestClosedReason | null;
}

export interface MarkRecord {
  candidateId: string;
  mark: Mark;
  mutual: boolean;
  updatedAt: Date;
}

export interface ReviewSettings {
  autoAcceptRequests: boolean;
  requestTtlHours: number;
  maxOpenRequests: number;
  updatedAt: Date | null;
}

/** Everything reviewed in an event, among its current participants. */
export interface ReviewState {
  participants: string[];
  marks: MarkRow[];
  requests: RequestRow[];
  rules: PairRuleRow[];
}

/** Marks, meeting requests, organisers' pair decisions and review settings. */
@Injectable()
export class ReviewsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /** Which of the ids take part in the event. */
  async participantsAmong(eventId: string, ids: string[], tx: EntityManager = this.db.manager): Promise<Set<string>> {
    const rows: { id: string }[] = await tx.query('SELECT organisation_id AS id FROM event_participants WHERE event_id = $1 AND organisation_id = ANY($2::uuid[])', [eventId, ids]);
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Takes the locks every write about one unordered pair starts with, in this order and before any row
   * lock. The pair lock serialises the writes about the pair (marks either way, its requests, the
   * organisers' decision): they lock the same rows in different orders (a request, then the marks; a
   * mark, then the requests), which deadlocked. The event row is then share-locked until the
   * transaction ends: changes of the event and its participants and profile deletes lock that row
   * first and then the pair's rows (a delete's cascade, a leaver's requests), so a write holding a
   * request or mark row while waiting for the event row deadlocked with them. False when the event is gone.
   */
  async lockPair(tx: EntityManager, eventId: string, a: string, b: string): Promise<boolean> {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('review-pair:' || $1 || ':' || $2 || ':' || $3, 0))`, [eventId, lo, hi]);
    return this.lockEvent(tx, eventId);
  }

  /** Share-locks the event row until the transaction ends (see `lockPair`); false when the event is gone. */
  async lockEvent(tx: EntityManager, eventId: string): Promise<boolean> {
    const rows: unknown[] = await tx.query('SELECT 1 FROM events WHERE id = $1 FOR SHARE', [eventId]);
    return rows.length > 0;
  }

  /** Locks a participant's row until the transaction ends (serialises its request writes); false if absent. */
  async lockParticipant(tx: EntityManager, eventId: string, organisationId: string): Promise<boolean> {
    const rows: unknown[] = await tx.query('SELECT 1 FROM event_participants WHERE event_id = $1 AND organisation_id = $2 FOR UPDATE', [eventId, organisationId]);
    return rows.length > 0;
  }

  async organisations(ids: string[]): Promise<Map<string, OrganisationRef>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.db.getRepository(OrganisationEntity).find({ where: { id: In(unique) }, relations: { region: true } });
    return new Map(rows.map((o) => [o.id, { id: o.id, externalId: o.externalId, name: o.name, country: o.country, region: o.region?.name ?? '', kind: o.kind }]));
  }

  // ---- who may meet whom

  /**
   * The event's who-meets-whom rule, the event row share-locked until the transaction ends: changes of
   * the rule and of participants' groups lock that row first, so they wait for the write checked
   * against it. Null when the event is gone.
   */
  async meetingRule(tx: EntityManager, eventId: string): Promise<MeetingRuleInput | null> {
    const rows: MeetingRuleInput[] = await tx.query('SELECT meeting_rule AS rule, meeting_rule_mode AS mode, group_pairs AS "groupPairs" FROM events WHERE id = $1 FOR SHARE', [eventId]);
    return rows[0] ?? null;
  }

  /** Country, region (name) and group at the event of those of the ids that take part in it. */
  async members(tx: EntityManager, eventId: string, ids: string[]): Promise<Map<string, MemberInfo>> {
    const rows: MemberInfo[] = await tx.query(
      `SELECT o.id, o.country, r.name AS region, ep.group_name AS "group"
         FROM event_participants ep JOIN organisations o ON o.id = ep.organisation_id JOIN regions r ON r.id = o.region_id
        WHERE ep.event_id = $1 AND ep.organisation_id = ANY($2::uuid[])`,
      [eventId, ids],
    );
    return new Map(rows.map((m) => [m.id, m]));
  }

  // ---- marks

  async mark(tx: EntityManager, eventId: string, by: string, whom: string): Promise<Mark | null> {
    const rows: { mark: Mark }[] = await tx.query('SELECT mark FROM review_marks WHERE event_id = $1 AND organisation_id = $2 AND candidate_id = $3 FOR UPDATE', [eventId, by, whom]);
    return rows[0]?.mark ?? null;
  }

  async saveMark(tx: EntityManager, eventId: string, by: string, whom: string, mark: Mark): Promise<void> {
    await tx.query(
      `INSERT INTO review_marks (event_id, organisation_id, candidate_id, mark) VALUES ($1, $2, $3, $4)
       ON CONFLICT (event_id, organisation_id, candidate_id) DO UPDATE SET mark = EXCLUDED.mark, updated_at = now()
       WHERE review_marks.mark <> EXCLUDED.mark`,
      [eventId, by, whom, mark],
    );
  }

  /** Removes a mark; answers the one removed (null when there was none). */
  async deleteMark(tx: EntityManager, eventId: string, by: string, whom: string): Promise<Mark | null> {
    const [rows]: [{ mark: Mark }[], number] = await tx.query('DELETE FROM review_marks WHERE event_id = $1 AND organisation_id = $2 AND candidate_id = $3 RETURNING mark', [eventId, by, whom]);
    return rows[0]?.mark ?? null;
  }

  /** A participant's marks on current participants, newest first, with whether the interest is mutual. */
  async marksBy(eventId: string, by: string): Promise<MarkRecord[]> {
    return this.db.query(
      `SELECT m.candidate_id AS "candidateId", m.mark, m.updated_at AS "updatedAt",
              (m.mark IN ('must-meet', 'interested') AND coalesce(o.mark IN ('must-meet', 'interested'), false)) AS mutual
         FROM review_marks m
         JOIN event_participants ep ON ep.event_id = m.event_id AND ep.organisation_id = m.candidate_id
         LEFT JOIN review_marks o ON o.event_id = m.event_id AND o.organisation_id = m.candidate_id AND o.candidate_id = m.organisation_id
        WHERE m.event_id = $1 AND m.organisation_id = $2
        ORDER BY m.updated_at DESC, m.candidate_id`,
      [eventId, by],
    );
  }

  // ---- organisers' pair decisions (a < b)

  async pairRule(tx: EntityManager, eventId: string, a: string, b: string): Promise<PairRuleEntity | null> {
    return tx.findOne(PairRuleEntity, { where: { eventId, a, b }, lock: { mode: 'pessimistic_write' } });
  }

  async savePairRule(tx: EntityManager, eventId: string, a: string, b: string, state: PairRuleState, keyId: string): Promise<void> {
    await tx.query(
      `INSERT INTO review_pair_rules (event_id, organisation_a, organisation_b, state, set_by_key_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (event_id, organisation_a, organisation_b) DO UPDATE SET state = EXCLUDED.state, set_by_key_id = EXCLUDED.set_by_key_id, updated_at = now()`,
      [eventId, a, b, state, keyId],
    );
  }

  async deletePairRule(tx: EntityManager, eventId: string, a: string, b: string): Promise<void> {
    await tx.delete(PairRuleEntity, { eventId, a, b });
  }

  pairRules(eventId: string): Promise<PairRuleEntity[]> {
    return this.db.getRepository(PairRuleEntity).find({ where: { eventId }, order: { a: 'ASC', b: 'ASC' } });
  }

  // ---- settings

  async settings(eventId: string, tx: EntityManager = this.db.manager): Promise<ReviewSettings> {
    const row = await tx.findOneBy(ReviewSettingsEntity, { eventId });
    return row
      ? { autoAcceptRequests: row.autoAcceptRequests, requestTtlHours: row.requestTtlHours, maxOpenRequests: row.maxOpenRequests, updatedAt: row.updatedAt }
      : { ...DEFAULT_REVIEW_SETTINGS, updatedAt: null };
  }

  /**
   * Changes the given settings in one statement, each from the value stored when it runs: two changes of
   * different settings at once both land (reading the row first and writing all of it lost one of them).
   */
  async saveSettings(eventId: string, changes: Partial<Omit<ReviewSettings, 'updatedAt'>>): Promise<ReviewSettings> {
    const d = DEFAULT_REVIEW_SETTINGS;
    await this.db.query(
      `INSERT INTO review_settings (event_id, auto_accept_requests, request_ttl_hours, max_open_requests)
       VALUES ($1, coalesce($2::boolean, $5::boolean), coalesce($3::int, $6::int), coalesce($4::int, $7::int))
       ON CONFLICT (event_id) DO UPDATE SET auto_accept_requests = coalesce($2::boolean, review_settings.auto_accept_requests),
         request_ttl_hours = coalesce($3::int, review_settings.request_ttl_hours), max_open_requests = coalesce($4::int, review_settings.max_open_requests), updated_at = now()`,
      [eventId, changes.autoAcceptRequests ?? null, changes.requestTtlHours ?? null, changes.maxOpenRequests ?? null, d.autoAcceptRequests, d.requestTtlHours, d.maxOpenRequests],
    );
    return this.settings(eventId);
  }

  // ---- meeting requests

  /** Marks pending requests past their expiry as expired (all of the event's, or one pair's); answers how many. */
  async expireDue(eventId: string, pair?: [string, string], tx: EntityManager = this.db.manager): Promise<number> {
    const [rows]: [unknown[], number] = await tx.query(
      `UPDATE meeting_requests SET status = 'expired', closed_at = expires_at, updated_at = now()
        WHERE event_id = $1 AND status = 'pending' AND expires_at <= now()
          ${pair ? 'AND least(from_organisation_id, to_organisation_id) = least($2::uuid, $3::uuid) AND greatest(from_organisation_id, to_organisation_id) = greatest($2::uuid, $3::uuid)' : ''}
        RETURNING id`,
      pair ? [eventId, pair[0], pair[1]] : [eventId],
    );
    return rows.length;
  }

  /** The earliest expiry among the event's pending requests still running. */
  async nextExpiry(eventId: string): Promise<Date | null> {
    const [row]: { at: Date | null }[] = await this.db.query(`SELECT min(expires_at) AS at FROM meeting_requests WHERE event_id = $1 AND status = 'pending' AND expires_at > now()`, [eventId]);
    return row?.at ?? null;
  }

  async openOutgoing(tx: EntityManager, eventId: string, from: string): Promise<number> {
    const [{ n }]: { n: string }[] = await tx.query(`SELECT count(*) AS n FROM meeting_requests WHERE event_id = $1 AND from_organisation_id = $2 AND status = 'pending' AND expires_at > now()`, [eventId, from]);
    return Number(n);
  }

  /** A pending (not expired) or accepted request between the two, either way. */
  async openBetween(tx: EntityManager, eventId: string, a: string, b: string): Promise<RequestRecord | null> {
    const rows: RequestRecord[] = await tx.query(
      `SELECT ${REQUEST_COLUMNS} FROM meeting_requests r
        WHERE r.event_id = $1 AND ((r.from_organisation_id = $2 AND r.to_organisation_id = $3) OR (r.from_organisation_id = $3 AND r.to_organisation_id = $2))
          AND (r.status = 'accepted' OR (r.status = 'pending' AND r.expires_at > now()))
        LIMIT 1`,
      [eventId, a, b],
    );
    return rows[0] ?? null;
  }

  async insertRequest(tx: EntityManager, r: { eventId: string; fromId: string; toId: string; message: string; ttlHours: number; autoAccept: boolean }): Promise<string> {
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO meeting_requests (event_id, from_organisation_id, to_organisation_id, message, status, auto_accepted, expires_at, closed_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(hours => $7), CASE WHEN $6 THEN now() END) RETURNING id`,
      [r.eventId, r.fromId, r.toId, r.message, r.autoAccept ? 'accepted' : 'pending', r.autoAccept, r.ttlHours],
    );
    return row.id;
  }

  async request(eventId: string, id: string, tx: EntityManager = this.db.manager, lock = false): Promise<RequestRecord | null> {
    const rows: RequestRecord[] = await tx.query(`SELECT ${REQUEST_COLUMNS} FROM meeting_requests r WHERE r.event_id = $1 AND r.id = $2 ${lock ? 'FOR UPDATE' : ''}`, [eventId, id]);
    return rows[0] ?? null;
  }

  async setStatus(tx: EntityManager, id: string, status: RequestStatus): Promise<void> {
    await tx.update(MeetingRequestEntity, { id }, { status, closedAt: () => 'now()' });
  }

  /**
   * Closes the open requests between two participants once the pair is excluded: pending ones `by`
   * received are declined, the other pending ones cancelled, and accepted ones cancelled (the meeting
   * agreed is off). `by` null (the organisers forbade the pair): all are cancelled.
   */
  async closeOpenBetween(tx: EntityManager, eventId: string, a: string, b: string, by: string | null): Promise<void> {
    await tx.query(
      `UPDATE meeting_requests SET status = CASE WHEN status = 'pending' AND to_organisation_id = $4::uuid THEN 'declined' ELSE 'cancelled' END, closed_at = now(), updated_at = now()
        WHERE event_id = $1 AND (status = 'accepted' OR (status = 'pending' AND expires_at > now()))
          AND ((from_organisation_id = $2 AND to_organisation_id = $3) OR (from_organisation_id = $3 AND to_organisation_id = $2))`,
      [eventId, a, b, by],
    );
  }

  /**
   * Cancels a participant's pending requests in the event, sent and received, as it leaves it (they
   * would hold the sender's cap until they expire, and could not be accepted); the reason names the
   * side that left. Those already past their expiry are left to expire. Call it under the event row
   * lock, before any review row lock, as the review writes take them.
   */
  async cancelRequestsOfLeaver(tx: EntityManager, eventId: string, organisationId: string): Promise<number> {
    const [rows]: [unknown[], number] = await tx.query(
      `UPDATE meeting_requests SET status = 'cancelled', closed_at = now(), updated_at = now(),
              closed_reason = CASE WHEN from_organisation_id = $2 THEN 'sender-left' ELSE 'recipient-left' END
        WHERE event_id = $1 AND status = 'pending' AND expires_at > now() AND (from_organisation_id = $2 OR to_organisation_id = $2)
        RETURNING id`,
      [eventId, organisationId],
    );
    return rows.length;
  }

  /** A participant's requests (sent, received or both), newest first, filtered by effective status. */
  async requestsOf(eventId: string, organisationId: string, direction?: RequestDirection, status?: RequestStatus): Promise<RequestRecord[]> {
    const side = direction === 'incoming' ? 'r.to_organisation_id = $2' : direction === 'outgoing' ? 'r.from_organisation_id = $2' : '(r.from_organisation_id = $2 OR r.to_organisation_id = $2)';
    return this.db.query(
      `SELECT ${REQUEST_COLUMNS} FROM meeting_requests r
        WHERE r.event_id = $1 AND ${side} ${status ? `AND ${EFFECTIVE_STATUS} = $3` : ''}
        ORDER BY r.created_at DESC, r.id`,
      status ? [eventId, organisationId, status] : [eventId, organisationId],
    );
  }

  // ---- what pair selection and scoring use

  /** Marks, requests (effective status) and pair decisions among the event's current participants. */
  async reviewState(eventId: string): Promise<ReviewState> {
    const participants: { id: string }[] = await this.db.query('SELECT organisation_id AS id FROM event_participants WHERE event_id = $1 ORDER BY 1', [eventId]);
    const marks: MarkRow[] = await this.db.query(
      `SELECT m.organisation_id AS by, m.candidate_id AS whom, m.mark FROM review_marks m
         JOIN event_participants pa ON pa.event_id = m.event_id AND pa.organisation_id = m.organisation_id
         JOIN event_participants pb ON pb.event_id = m.event_id AND pb.organisation_id = m.candidate_id
        WHERE m.event_id = $1`,
      [eventId],
    );
    const requests: RequestRow[] = await this.db.query(
      `SELECT r.from_organisation_id AS "from", r.to_organisation_id AS "to", ${EFFECTIVE_STATUS} AS status FROM meeting_requests r
         JOIN event_participants pa ON pa.event_id = r.event_id AND pa.organisation_id = r.from_organisation_id
         JOIN event_participants pb ON pb.event_id = r.event_id AND pb.organisation_id = r.to_organisation_id
        WHERE r.event_id = $1`,
      [eventId],
    );
    const rules: PairRuleRow[] = await this.db.query(
      `SELECT x.organisation_a AS a, x.organisation_b AS b, x.state FROM review_pair_rules x
         JOIN event_participants pa ON pa.event_id = x.event_id AND pa.organisation_id = x.organisation_a
         JOIN event_participants pb ON pb.event_id = x.event_id AND pb.organisation_id = x.organisation_b
        WHERE x.event_id = $1`,
      [eventId],
    );
    return { participants: participants.map((p) => p.id), marks, requests, rules };
  }

  /**
   * Pairs the scoring must exclude: organisers' forbidden pairs (unordered `pairKey`) and not-interested
   * marks (directional `declineKey(by, whom)`; the scoring excludes both directions).
   */
  async exclusionsFor(eventId: string, manager: EntityManager = this.db.manager): Promise<ReviewExclusions> {
    const forbidden: { a: string; b: string }[] = await manager.query(`SELECT organisation_a AS a, organisation_b AS b FROM review_pair_rules WHERE event_id = $1 AND state = 'forbidden'`, [eventId]);
    const declined: { by: string; whom: string }[] = await manager.query(
      `SELECT organisation_id AS by, candidate_id AS whom FROM review_marks WHERE event_id = $1 AND mark = 'not-interested'`,
      [eventId],
    );
    return { forbiddenPairs: new Set(forbidden.map((f) => pairKey(f.a, f.b))), declinedPairs: new Set(declined.map((d) => declineKey(d.by, d.whom))) };
  }

  /** Per unordered pair (a < b) that any review or organiser decision touches: what pair selection needs. */
  async pairStates(eventId: string): Promise<PairState[]> {
    const s = await this.reviewState(eventId);
    return buildPairStates(s.marks, s.requests, s.rules);
  }
}
