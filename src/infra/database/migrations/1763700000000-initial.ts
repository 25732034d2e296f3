import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1763700000000 implements MigrationInterface {
  name = 'Initial1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "regions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "country" character(2) NOT NULL, "subdivision" character varying(6), "time_zone" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4fcd12ed6a046276e2deb08801c" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_regions_country_name" ON "regions"  ("country", "name")`);
    await q.query(`CREATE TABLE "organisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "external_id" character varying(120), "name" character varying(200) NOT NULL, "kind" character varying(20) NOT NULL, "country" character(2) NOT NULL, "region_id" uuid NOT NULL, "sectors" text array NOT NULL DEFAULT '{}', "offers" text array NOT NULL DEFAULT '{}', "seeks" text array NOT NULL DEFAULT '{}', "cooperation" text array NOT NULL DEFAULT '{}', "languages" text array NOT NULL DEFAULT '{}', "description" text NOT NULL DEFAULT '', "description_lang" character varying(8), "size" character varying(10), "website" character varying(300), "contact_email" character varying(200), "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_organisations_external_id" ON "organisations"  ("external_id")`);
    await q.query(`CREATE INDEX "ix_organisations_region" ON "organisations"  ("region_id")`);
    await q.query(`CREATE TABLE "api_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "role" character varying(20) NOT NULL, "organisation_id" uuid, "key_prefix" character varying(16) NOT NULL, "key_hash" character(64) NOT NULL, "from_environment" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_57384430aa1959f4578046c9b81" UNIQUE ("key_hash"), CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "job_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "queue" character varying(60) NOT NULL, "job_name" character varying(80) NOT NULL, "job_id" character varying(200) NOT NULL, "payload" jsonb NOT NULL, "attempt" integer NOT NULL, "status" character varying(12) NOT NULL, "worker" character varying(200) NOT NULL, "result" jsonb, "error" text, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4d0012c04fcfc287550b76be7e9" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_job_runs_job" ON "job_runs"  ("queue", "job_id")`);
    await q.query(`CREATE TABLE "tie_ups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "programme" character varying(200) NOT NULL, "focus_sectors" text array NOT NULL DEFAULT '{}', "starts_on" date, "ends_on" date, "description" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_96d9eeca71731cb713f82c40b76" UNIQUE ("name"), CONSTRAINT "PK_711055c735e92b4af2ddb3bdf23" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(120) NOT NULL, "name" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "venue" character varying(200) NOT NULL DEFAULT '', "time_zone" character varying(64) NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "meeting_rule" character varying(20) NOT NULL DEFAULT 'cross-country', "tie_up_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_05bd884c03d3f424e2204bd14cd" UNIQUE ("slug"), CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "event_organisers" ("event_id" uuid NOT NULL, "api_key_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_19c5a2594d7752098a4911ad48d" PRIMARY KEY ("event_id", "api_key_id"))`);
    await q.query(`CREATE INDEX "ix_event_organisers_api_key" ON "event_organisers"  ("api_key_id")`);
    await q.query(`CREATE TABLE "event_participants" ("event_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e2a7f07242586a540c8514abe83" PRIMARY KEY ("event_id", "organisation_id"))`);
    await q.query(`CREATE INDEX "ix_event_participants_organisation" ON "event_participants"  ("organisation_id")`);
    await q.query(`CREATE TABLE "tie_up_regions" ("tie_up_id" uuid NOT NULL, "region_id" uuid NOT NULL, CONSTRAINT "PK_e10b9ec39d312b061c3f9b549be" PRIMARY KEY ("tie_up_id", "region_id"))`);
    await q.query(`CREATE INDEX "IDX_03a8b1156d84aff34ce5695e9f" ON "tie_up_regions"  ("tie_up_id")`);
    await q.query(`CREATE INDEX "IDX_fe3b1062e81948431c6d129828" ON "tie_up_regions"  ("region_id")`);
    await q.query(`ALTER TABLE "organisations" ADD CONSTRAINT "FK_4f6c538e372f7aa6818a88b453a" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "api_keys" ADD CONSTRAINT "FK_f68f7c5caa6f5f87a855b8cf3c8" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "events" ADD CONSTRAINT "FK_70c7d16fc38aeedce8a02f1e45c" FOREIGN KEY ("tie_up_id") REFERENCES "tie_ups"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "event_organisers" ADD CONSTRAINT "FK_a5a521bf106d97f8ac8dfc08f07" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "event_organisers" ADD CONSTRAINT "FK_ac6720fa4acf6dde925831fd0c5" FOREIGN KEY ("api_key_id") REFERENCES "api_keys"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "event_participants" ADD CONSTRAINT "FK_b5349807aae71193d0cc0f52e35" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "event_participants" ADD CONSTRAINT "FK_a7d2a3880731ec4cc5dadb5ca80" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "tie_up_regions" ADD CONSTRAINT "FK_03a8b1156d84aff34ce5695e9f6" FOREIGN KEY ("tie_up_id") REFERENCES "tie_ups"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    await q.query(`ALTER TABLE "tie_up_regions" ADD CONSTRAINT "FK_fe3b1062e81948431c6d1298280" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "tie_up_regions" DROP CONSTRAINT "FK_fe3b1062e81948431c6d1298280"`);
    await q.query(`ALTER TABLE "tie_up_regions" DROP CONSTRAINT "FK_03a8b1156d84aff34ce5695e9f6"`);
    await q.query(`ALTER TABLE "event_participants" DROP CONSTRAINT "FK_a7d2a3880731ec4cc5dadb5ca80"`);
    await q.query(`ALTER TABLE "event_participants" DROP CONSTRAINT "FK_b5349807aae71193d0cc0f52e35"`);
    await q.query(`ALTER TABLE "event_organisers" DROP CONSTRAINT "FK_ac6720fa4acf6dde925831fd0c5"`);
    await q.query(`ALTER TABLE "event_organisers" DROP CONSTRAINT "FK_a5a521bf106d97f8ac8dfc08f07"`);
    await q.query(`ALTER TABLE "events" DROP CONSTRAINT "FK_70c7d16fc38aeedce8a02f1e45c"`);
    await q.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "FK_f68f7c5caa6f5f87a855b8cf3c8"`);
    await q.query(`ALTER TABLE "organisations" DROP CONSTRAINT "FK_4f6c538e372f7aa6818a88b453a"`);
    await q.query(`DROP INDEX "public"."IDX_fe3b1062e81948431c6d129828"`);
    await q.query(`DROP INDEX "public"."IDX_03a8b1156d84aff34ce5695e9f"`);
    await q.query(`DROP TABLE "tie_up_regions"`);
    await q.query(`DROP INDEX "public"."ix_event_participants_organisation"`);
    await q.query(`DROP TABLE "event_participants"`);
    await q.query(`DROP INDEX "public"."ix_event_organisers_api_key"`);
    await q.query(`DROP TABLE "event_organisers"`);
    await q.query(`DROP TABLE "events"`);
    await q.query(`DROP TABLE "tie_ups"`);
    await q.query(`DROP INDEX "public"."ix_job_runs_job"`);
    await q.query(`DROP TABLE "job_runs"`);
    await q.query(`DROP TABLE "api_keys"`);
    await q.query(`DROP INDEX "public"."ix_organisations_region"`);
    await q.query(`DROP INDEX "public"."uq_organisations_external_id"`);
    await q.query(`DROP TABLE "organisations"`);
    await q.query(`DROP INDEX "public"."uq_regions_country_name"`);
    await q.query(`DROP TABLE "regions"`);
  }
}
