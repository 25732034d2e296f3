import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { badFields } from '../common/field-error';
import { EventEntity } from '../events/event.entity';
import { validateWeights, type ScoringWeights } from './core';
import type { WeightSetResponse } from './dto/weights.dto';
import { ScoringEngine } from './scoring-engine.service';
import { WeightSetEntity } from './weight-set.entity';

export const GLOBAL_SCOPE = 'global';
export const eventScope = (eventId: string): string => `event:${eventId}`;

export interface EffectiveWeights {
  id: string;
  scope: string;
  version: number;
  weights: ScoringWeights;
}

/**
 * Work done in the transaction that stores a new version (e.g. storing the runs that recompute with it),
 * so both are committed or neither.
 */
export type OnNewVersion = (tx: EntityManager, version: WeightSetResponse) => Promise<void>;

export interface EventWeights {
  /** The set in force: the event's latest version, or the global set when that is a marker or missing. */
  effective: WeightSetResponse;
  /** The event's own versions, markers included, newest first. */
  versions: WeightSetResponse[];
}

/**
 * Versioned weight sets: a global default and optional per-event sets. Every change is a new version;
 * an event's version may be a marker saying it follows the global set again.
 */
@Injectable()
export class WeightsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly engine: ScoringEngine,
  ) {}

  /**
   * The weights in force for an event (its own set, else the global one), or the global set.
   * An event whose latest version is a marker gets the global set, with the global set's id, scope and version.
   * `tx`: the caller's transaction to read in (see EventPoolService.load).
   */
  async effective(eventId: string | null, tx: EntityManager = this.db.manager): Promise<EffectiveWeights> {
    if (eventId) {
      const own = await this.latest(eventScope(eventId), tx);
      if (hasOwnWeights(own)) return toEffective(own);
    }
    return toEffective(await this.globalSet(tx));
  }

  async versions(scope: string): Promise<WeightSetResponse[]> {
    if (scope === GLOBAL_SCOPE) await this.globalSet();
    const rows = await this.db.getRepository(WeightSetEntity).find({ where: { scope }, order: { version: 'DESC' } });
    return rows.map((r, i) => toResponse(r, i === 0));
  }

  /** An event's own versions and the set in force for it. */
  async forEvent(eventId: string): Promise<EventWeights> {
    const versions = await this.versions(eventScope(eventId));
    const latest = versions[0];
    const effective = latest && !latest.followsGlobal ? latest : toResponse(await this.globalSet(), true);
    return { effective, versions };
  }

  /**
   * Validates and stores a new version; 400 naming each bad component. Idempotent: when the scope's set in
   * force has these weights already, nothing is stored and that version comes back with `changed: false`.
   */
  async replace(scope: string, eventId: string | null, input: unknown, note: string, principal: Principal | null, onNew?: OnNewVersion): Promise<{ weightSet: WeightSetResponse; changed: boolean }> {
    const result = validateWeights({ weights: input });
    if (!result.ok) throw badFields(result.errors);
    return this.write(scope, eventId, result.weights, note, principal?.keyId ?? null, 'weights', 'keep', onNew);
  }

  /** Makes an event follow the global set again by appending a marker; 409 when it already does. */
  async followGlobal(eventId: string, principal: Principal | null, onNew?: OnNewVersion): Promise<WeightSetResponse> {
    return this.append(eventScope(eventId), eventId, null, 'follows the global weights', principal?.keyId ?? null, null, onNew);
  }

  /**
   * Re-applies an old version as a new one: a set's weights, or a marker (the event follows the global set
   * again). Like DELETE, 409 (`version`) when that is what is in force already.
   */
  async rollback(scope: string, eventId: string | null, version: number, principal: Principal | null, onNew?: OnNewVersion): Promise<WeightSetResponse> {
    if (scope === GLOBAL_SCOPE) await this.globalSet();
    const old = await this.db.getRepository(WeightSetEntity).findOneBy({ scope, version });
    if (!old) throw new NotFoundException(`No version ${version} of the ${scope} weights`);
    const note = `rollback to version ${version}`;
    if (!old.followsGlobal) return this.append(scope, eventId, weightsOf(old), note, principal?.keyId ?? null, 'version', onNew);
    return this.append(scope, eventId, null, `${note} (follows the global weights)`, principal?.keyId ?? null, 'version', onNew);
  }

  /** Organisers tune an event's weights only where an admin allowed it. */
  assertMayTune(principal: Principal, event: EventEntity): void {
    if (principal.role === 'admin') return;
    if (principal.role === 'organiser' && event.organisersMayTuneWeights) return;
    throw new ForbiddenException(`Tuning the weights of ${event.slug} needs an admin, or an admin's permission for its organisers`);
  }

  /**
   * Appends the next version of a scope: a set, or (weights null) a marker. A marker is refused (409,
   * naming `field` when the request has one) unless the event's latest version has weights of its own,
   * so the history shows each switch back to the global set once; a set is refused (409) when the
   * scope's latest version is a set with the same weights (PUT keeps that version instead), so every
   * version is a change. `onNew` runs in the transaction that stores the version.
   */
  private async append(scope: string, eventId: string | null, weights: ScoringWeights | null, note: string, keyId: string | null, field: string | null, onNew: OnNewVersion | undefined): Promise<WeightSetResponse> {
    return (await this.write(scope, eventId, weights, note, keyId, field, 'refuse', onNew)).weightSet;
  }

  /** append(), or for PUT (`onSame: 'keep'`) the same weights as those in force store nothing (PUT is idempotent). */
  private async write(scope: string, eventId: string | null, weights: ScoringWeights | null, note: string, keyId: string | null, field: string | null, onSame: 'refuse' | 'keep', onNew: OnNewVersion | undefined): Promise<{ weightSet: WeightSetResponse; changed: boolean }> {
    const { row, changed } = await this.db.transaction(async (tx) => {
      // Serialise writers of one scope so versions stay gapless and unique.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`weights:${scope}`]);
      // The default from config is version 1, also when the first request is a change.
      if (scope === GLOBAL_SCOPE) await this.globalSet(tx);
      const latest = await this.latest(scope, tx);
      if (weights === null && !hasOwnWeights(latest)) throw alreadyFollowing(latest, field);
      if (weights !== null && hasOwnWeights(latest) && sameWeights(weightsOf(latest), weights)) {
        if (onSame === 'keep') return { row: latest, changed: false };
        throw alreadyInForce(latest, field);
      }
      const saved = await tx.getRepository(WeightSetEntity).save(
        tx.create(WeightSetEntity, { scope, eventId, version: (latest?.version ?? 0) + 1, weights, followsGlobal: weights === null, note, createdByKeyId: keyId }),
      );
      if (onNew) await onNew(tx, toResponse(saved, true));
      return { row: saved, changed: true };
    });
    return { weightSet: toResponse(row, true), changed };
  }

  private latest(scope: string, tx: EntityManager = this.db.manager): Promise<WeightSetEntity | null> {
    return tx.getRepository(WeightSetEntity).findOne({ where: { scope }, order: { version: 'DESC' } });
  }

  /** The current global set; version 1 comes from config/scoring-weights.json on first use. */
  private async globalSet(tx: EntityManager = this.db.manager): Promise<WeightSetEntity> {
    const existing = await this.latest(GLOBAL_SCOPE, tx);
    if (existing) return existing;
    await tx.query(
      `INSERT INTO weight_sets (scope, event_id, version, weights, note) VALUES ($1, NULL, 1, $2, 'default from config/scoring-weights.json') ON CONFLICT (scope, version) DO NOTHING`,
      [GLOBAL_SCOPE, JSON.stringify(this.engine.defaultWeights)],
    );
    return (await this.latest(GLOBAL_SCOPE, tx))!;
  }
}

/** Whether a scope's latest version is a set of its own (not missing, not a marker). */
function hasOwnWeights(r: WeightSetEntity | null): r is WeightSetEntity {
  return r !== null && !r.followsGlobal;
}

function alreadyFollowing(latest: WeightSetEntity | null, field: string | null): ConflictException {
  const why = latest ? `its latest version ${latest.version} follows the global set` : 'it has no weights of its own';
  const message = `The event already follows the global weights: ${why}`;
  return new ConflictException(field ? { message, details: [{ field, messages: [message] }] } : message);
}

function alreadyInForce(latest: WeightSetEntity, field: string | null): ConflictException {
  const whose = latest.scope === GLOBAL_SCOPE ? 'the global weights' : "the event's weights";
  const message = `These weights are already in force: version ${latest.version} of ${whose} has them`;
  return new ConflictException(field ? { message, details: [{ field, messages: [message] }] } : message);
}

function sameWeights(a: ScoringWeights, b: ScoringWeights): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof ScoringWeights>;
  return [...keys].every((k) => a[k] === b[k]);
}

/** A set's weights; only markers have none (ck_weight_sets_follows_global), and no caller passes one. */
function weightsOf(r: WeightSetEntity): ScoringWeights {
  if (r.weights === null) throw new Error(`Version ${r.version} of the ${r.scope} weights is a marker without weights`);
  return r.weights;
}

function toEffective(r: WeightSetEntity): EffectiveWeights {
  return { id: r.id, scope: r.scope, version: r.version, weights: weightsOf(r) };
}

function toResponse(r: WeightSetEntity, current: boolean): WeightSetResponse {
  return { id: r.id, scope: r.scope, version: r.version, weights: r.weights, followsGlobal: r.followsGlobal, note: r.note, createdAt: r.createdAt, current };
}
