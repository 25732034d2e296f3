import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meeting requests record why they were closed when neither side answered them: a participant's
 * pending requests are cancelled when it leaves the event (`sender-left`, `recipient-left`). Requests
 * closed earlier keep null.
 */
export class MeetingRequestClosedReason1765500000000 implements MigrationInterface {
  name = 'MeetingRequestClosedReason1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "meeting_requests" ADD "closed_reason" character varying(16)`);
    await q.query(`ALTER TABLE "meeting_requests" ADD CONSTRAINT "ck_meeting_requests_closed_reason" CHECK ("closed_reason" IN ('sender-left', 'recipient-left'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "meeting_requests" DROP CONSTRAINT "ck_meeting_requests_closed_reason"`);
    await q.query(`ALTER TABLE "meeting_requests" DROP COLUMN "closed_reason"`);
  }
}
