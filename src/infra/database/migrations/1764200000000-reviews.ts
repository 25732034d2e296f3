import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Reviews1764200000000 implements MigrationInterface {
  name = 'Reviews1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "meeting_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "from_organisation_id" uuid NOT NULL, "to_organisation_id" uuid NOT NULL, "message" text NOT NULL DEFAULT '', "status" character varying(12) NOT NULL, "auto_accepted" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_meeting_requests_not_self" CHECK ("from_organisation_id" <> "to_organisation_id"), CONSTRAINT "ck_meeting_requests_status" CHECK ("status" IN ('pending', 'accepted', 'declined', 'cancelled', 'expired')), CONSTRAINT "PK_418e48920b2acbd0afdb7f9dec0" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_meeting_requests_expiry" ON "meeting_requests"  ("status", "expires_at")`);
    await q.query(`CREATE INDEX "ix_meeting_requests_to" ON "meeting_requests"  ("event_id", "to_organisation_id", "status")`);
    await q.query(`CREATE INDEX "ix_meeting_requests_from" ON "meeting_requests"  ("event_id", "from_organisation_id", "status")`);
    // Written by hand (expression index, declared with synchronize: false on the entity): one open request per unordered pair.
    await q.query(`CREATE UNIQUE INDEX "ux_meeting_requests_open_pair" ON "meeting_requests" ("event_id", LEAST("from_organisation_id", "to_organisation_id"), GREATEST("from_organisation_id", "to_organisation_id")) WHERE "status" IN ('pending', 'accepted')`);
    await q.query(`CREATE TABLE "review_pair_rules" ("event_id" uuid NOT NULL, "organisation_a" uuid NOT NULL, "organisation_b" uuid NOT NULL, "state" character varying(10) NOT NULL, "set_by_key_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_review_pair_rules_order" CHECK ("organisation_a" < "organisation_b"), CONSTRAINT "ck_review_pair_rules_state" CHECK ("state" IN ('forced', 'forbidden')), CONSTRAINT "PK_1df22a655b32c393ee7b3662d95" PRIMARY KEY ("event_id", "organisation_a", "organisation_b"))`);
    await q.query(`CREATE TABLE "review_marks" ("event_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "candidate_id" uuid NOT NULL, "mark" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_review_marks_not_self" CHECK ("organisation_id" <> "candidate_id"), CONSTRAINT "ck_review_marks_mark" CHECK ("mark" IN ('must-meet', 'interested', 'not-interested')), CONSTRAINT "PK_f9238131a29deecff27e48107cb" PRIMARY KEY ("event_id", "organisation_id", "candidate_id"))`);
    await q.query(`CREATE INDEX "ix_review_marks_candidate" ON "review_marks"  ("event_id", "candidate_id")`);
    await q.query(`CREATE TABLE "review_settings" ("event_id" uuid NOT NULL, "auto_accept_requests" boolean NOT NULL DEFAULT false, "request_ttl_hours" integer NOT NULL DEFAULT '72', "max_open_requests" integer NOT NULL DEFAULT '10', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b2dfcc1fa7deb4b83fb2f46be92" PRIMARY KEY ("event_id"))`);
    await q.query(`ALTER TABLE "meeting_requests" ADD CONSTRAINT "FK_23cc1b3b795f8e8e7a4f1211135" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "meeting_requests" ADD CONSTRAINT "FK_12f08e8b21b17440591b815f7da" FOREIGN KEY ("from_organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "meeting_requests" ADD CONSTRAINT "FK_bc210caeaa8da986bd72be75bbd" FOREIGN KEY ("to_organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "review_pair_rules" ADD CONSTRAINT "FK_83a34971da16bbf3afd6c9f1c9f" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "review_pair_rules" ADD CONSTRAINT "FK_905667d9fd47b34b935a76e848d" FOREIGN KEY ("organisation_a") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "review_pair_rules" ADD CONSTRAINT "FK_86e3b742983fdbbdaf0cc8895f5" FOREIGN KEY ("organisation_b") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "review_marks" ADD CONSTRAINT "FK_14bc7d164313f64b3489fcccbfe" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "review_marks" ADD CONSTRAINT "FK_789bed20c7d1b171443088baa6b" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "review_marks" ADD CONSTRAINT "FK_564eaffac62a79deb6b37a6cd94" FOREIGN KEY ("candidate_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "review_settings" ADD CONSTRAINT "FK_b2dfcc1fa7deb4b83fb2f46be92" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "review_settings" DROP CONSTRAINT "FK_b2dfcc1fa7deb4b83fb2f46be92"`);
    await q.query(`ALTER TABLE "review_marks" DROP CONSTRAINT "FK_564eaffac62a79deb6b37a6cd94"`);
    await q.query(`ALTER TABLE "review_marks" DROP CONSTRAINT "FK_789bed20c7d1b171443088baa6b"`);
    await q.query(`ALTER TABLE "review_marks" DROP CONSTRAINT "FK_14bc7d164313f64b3489fcccbfe"`);
    await q.query(`ALTER TABLE "review_pair_rules" DROP CONSTRAINT "FK_86e3b742983fdbbdaf0cc8895f5"`);
    await q.query(`ALTER TABLE "review_pair_rules" DROP CONSTRAINT "FK_905667d9fd47b34b935a76e848d"`);
    await q.query(`ALTER TABLE "review_pair_rules" DROP CONSTRAINT "FK_83a34971da16bbf3afd6c9f1c9f"`);
    await q.query(`ALTER TABLE "meeting_requests" DROP CONSTRAINT "FK_bc210caeaa8da986bd72be75bbd"`);
    await q.query(`ALTER TABLE "meeting_requests" DROP CONSTRAINT "FK_12f08e8b21b17440591b815f7da"`);
    await q.query(`ALTER TABLE "meeting_requests" DROP CONSTRAINT "FK_23cc1b3b795f8e8e7a4f1211135"`);
    await q.query(`DROP TABLE "review_settings"`);
    await q.query(`DROP INDEX "public"."ix_review_marks_candidate"`);
    await q.query(`DROP TABLE "review_marks"`);
    await q.query(`DROP TABLE "review_pair_rules"`);
    await q.query(`DROP INDEX "public"."ux_meeting_requests_open_pair"`);
    await q.query(`DROP INDEX "public"."ix_meeting_requests_from"`);
    await q.query(`DROP INDEX "public"."ix_meeting_requests_to"`);
    await q.query(`DROP INDEX "public"."ix_meeting_requests_expiry"`);
    await q.query(`DROP TABLE "meeting_requests"`);
  }
}
