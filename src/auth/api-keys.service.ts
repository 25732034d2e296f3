import { BadRequestException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Repository, type EntityManager } from 'typeorm';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { badField } from '../common/field-error';
import { EventOrganiserEntity } from '../events/event-organiser.entity';
import { EventEntity } from '../events/event.entity';
import { OrganisationEntity } from '../profiles/organisation.entity';
import { ApiKeyEntity } from './api-key.entity';
import { displayPrefix, generateApiKey, hashApiKey } from './api-key.secret';
import type { Principal } from './principal';
import type { Role } from './role';

export interface CreateApiKeyCommand {
  name: string;
  role: Role;
  organisationId?: string;
  eventSlugs?: string[];
}

export interface ApiKeyView {
  id: string;
  name: string;
  role: Role;
  organisationId: string | null;
  eventSlugs: string[];
  keyPrefix: string;
  fromEnvironment: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

// Writing last_used_at on every request would turn reads into writes; once a minute is enough.
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger('ApiKeys');

  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    @InjectRepository(EventOrganiserEntity) private readonly organisers: Repository<EventOrganiserEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates a key and returns it in clear text: the only time it is ever shown. */
  async create(cmd: CreateApiKeyCommand): Promise<{ key: string; apiKey: ApiKeyView }> {
    // The HTTP DTO trims and checks the name already; the CLI comes straight here.
    const name = cmd.name.trim();
    if (!name) throw badField('name', 'must not be blank');
    if (cmd.role === 'participant' && !cmd.organisationId) {
      throw badField('organisationId', 'required for role participant');
    }
    if (cmd.role !== 'participant' && cmd.organisationId) {
      throw badField('organisationId', 'only allowed for role participant');
    }
    if (cmd.role !== 'organiser' && cmd.eventSlugs?.length) {
      throw badField('eventSlugs', 'only allowed for role organiser');
    }
    const key = generateApiKey();
    const id = await this.dataSource.transaction(async (tx) => {
      if (cmd.organisationId && !(await tx.existsBy(OrganisationEntity, { id: cmd.organisationId }))) {
        throw badField('organisationId', `no organisation with id ${cmd.organisationId}`);
      }
      const slugs = [...new Set(cmd.eventSlugs ?? [])];
      const events = slugs.length ? await tx.findBy(EventEntity, { slug: In(slugs) }) : [];
      const missing = slugs.filter((s) => !events.some((e) => e.slug === s));
      if (missing.length) {
        throw badField('eventSlugs', ...missing.map((s) => `no event with slug ${s}`));
      }
      const saved = await tx.save(
        tx.create(ApiKeyEntity, { name, role: cmd.role, organisationId: cmd.organisationId ?? null, keyPrefix: displayPrefix(key), keyHash: hashApiKey(key) }),
      );
      if (events.length) await tx.save(events.map((e) => tx.create(EventOrganiserEntity, { eventId: e.id, apiKeyId: saved.id })));
      return saved.id;
    });
    return { key, apiKey: await this.get(id) };
  }

  async list(): Promise<ApiKeyView[]> {
    const rows = await this.keys.find({ order: { createdAt: 'ASC' } });
    return this.withEvents(rows);
  }

  async get(id: string): Promise<ApiKeyView> {
    const row = await this.keys.findOneBy({ id });
    if (!row) throw new NotFoundException(`API key ${id} not found`);
    return (await this.withEvents([row]))[0];
  }

  async revoke(id: string): Promise<ApiKeyView> {
    const row = await this.keys.findOneBy({ id });
    if (!row) throw new NotFoundException(`API key ${id} not found`);
    if (row.fromEnvironment) throw new BadRequestException('This key comes from ADMIN_API_KEY: change or unset the variable instead');
    if (!row.revokedAt) await this.keys.update(id, { revokedAt: new Date() });
    return this.get(id);
  }

  /**
   * Lets an organiser key organise one more event (events created by an admin start without one).
   * Idempotent; a key of another role or a revoked key is refused naming the id.
   */
  async grantEvent(id: string, slug: string): Promise<ApiKeyView> {
    await this.dataSource.transaction(async (tx) => {
      const event = await this.organiserEvent(tx, id, slug);
      await tx.createQueryBuilder().insert().into(EventOrganiserEntity).values({ eventId: event.id, apiKeyId: id }).orIgnore().execute();
    });
    return this.get(id);
  }

  /** Takes an event away from an organiser key (idempotent: a key that did not organise it is left as it is). */
  async withdrawEvent(id: string, slug: string): Promise<ApiKeyView> {
    await this.dataSource.transaction(async (tx) => {
      const event = await this.organiserEvent(tx, id, slug);
      await tx.delete(EventOrganiserEntity, { eventId: event.id, apiKeyId: id });
    });
    return this.get(id);
  }

  /** The event of a grant or withdrawal, after checking the key (404 when either is unknown). */
  private async organiserEvent(tx: EntityManager, id: string, slug: string): Promise<EventEntity> {
    const key = await tx.findOne(ApiKeyEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!key) throw new NotFoundException(`API key ${id} not found`);
    if (key.role !== 'organiser') throw badField('id', `API key ${id} has role ${key.role}; only organiser keys organise events`);
    if (key.revokedAt) throw badField('id', `API key ${id} is revoked`);
    const event = await tx.findOneBy(EventEntity, { slug });
    if (!event) throw new NotFoundException(`Event ${slug} not found`);
    return event;
  }

  /** Resolves a presented key to its principal, or null when unknown or revoked. */
  async authenticate(presented: string): Promise<Principal | null> {
    const row = await this.keys.findOneBy({ keyHash: hashApiKey(presented), revokedAt: IsNull() });
    if (!row) return null;
    const now = Date.now();
    if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.keys.update(row.id, { lastUsedAt: new Date(now) });
    }
    return { keyId: row.id, name: row.name, role: row.role, organisationId: row.organisationId };
  }

  /**
   * Makes sure an admin can get in: the ADMIN_API_KEY variable becomes a valid admin key (replacing an
   * earlier value), or, without it, the first start creates an admin key and returns it to print once.
   */
  async ensureAdminAccess(): Promise<{ generatedKey: string | null }> {
    const envKey = this.config.auth.adminApiKey;
    if (envKey) {
      const hash = hashApiKey(envKey);
      await this.dataSource.transaction(async (tx) => {
        await tx.update(ApiKeyEntity, { fromEnvironment: true, revokedAt: IsNull() }, { revokedAt: new Date() });
        const existing = await tx.findOneBy(ApiKeyEntity, { keyHash: hash });
        if (existing) await tx.update(ApiKeyEntity, existing.id, { revokedAt: null, role: 'admin', fromEnvironment: true });
        else await tx.save(tx.create(ApiKeyEntity, { name: 'ADMIN_API_KEY', role: 'admin', keyPrefix: displayPrefix(envKey), keyHash: hash, fromEnvironment: true }));
      });
      return { generatedKey: null };
    }
    const hasAdmin = await this.keys.existsBy({ role: 'admin', revokedAt: IsNull(), fromEnvironment: false });
    if (hasAdmin) return { generatedKey: null };
    // No admin key and no variable: revoke any stale environment key and make a fresh one.
    await this.keys.update({ fromEnvironment: true, revokedAt: IsNull() }, { revokedAt: new Date() });
    const { key } = await this.create({ name: 'initial admin key', role: 'admin' });
    this.logger.log('created the initial admin key');
    return { generatedKey: key };
  }

  private async withEvents(rows: ApiKeyEntity[]): Promise<ApiKeyView[]> {
    const links = rows.length
      ? await this.organisers.find({ where: { apiKeyId: In(rows.map((r) => r.id)) }, relations: { event: true } })
      : [];
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      role: r.role,
      organisationId: r.organisationId,
      eventSlugs: links.filter((l) => l.apiKeyId === r.id).map((l) => l.event!.slug).sort(),
      keyPrefix: r.keyPrefix,
      fromEnvironment: r.fromEnvironment,
      createdAt: r.createdAt,
      lastUsedAt: r.lastUsedAt,
      revokedAt: r.revokedAt,
    }));
  }
}
