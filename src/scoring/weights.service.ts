import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
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

/** Versioned weight sets: a global default and optional per-event sets. Every change is a new version. */
@Injectable()
export class WeightsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly engine: ScoringEngine,
  ) {}

  /**
   * The weights in force for an event (its own set, else the global one), or the global set.
   * `tx`: the caller's transaction to read in (see EventPoolService.load).
   */
  async effective(eventId: string | null, tx: EntityManager = this.db.manager): Promise<EffectiveWeights> {
    if (eventId) {
      const own = await this.latest(eventScope(eventId), tx);
      if (own) return toEffective(own);
    }
    return toEffective(await this.globalSet(tx));
  }

  async versions(scope: string): Promise<WeightSetResponse[]> {
    if (scope === GLOBAL_SCOPE) await this.globalSet();
    const rows = await this.db.getRepository(WeightSetEntity).find({ where: { scope }, order: { version: 'DESC' } });
    return rows.map((r, i) => toResponse(r, i === 0));
  }

  /** Validates and stores a new version; 400 naming each bad component. */
  async replace(scope: string, eventId: string | null, input: unknown, note: string, principal: Principal | null): Promise<WeightSetResponse> {
    const result = validateWeights({ weights: input });
    if (!result.ok) throw badFields(result.errors);
    return this.append(scope, eventId, result.weights, note, principal?.keyId ?? null);
  }

  async rollback(scope: string, eventId: string | null, version: number, principal: Principal | null): Promise<WeightSetResponse> {
    if (scope === GLOBAL_SCOPE) await this.globalSet();
    const old = await this.db.getRepository(WeightSetEntity).findOneBy({ scope, version });
    if (!old) throw new NotFoundException(`No version ${version} of the ${scope} weights`);
    return this.append(scope, eventId, old.weights, `rollback to version ${version}`, principal?.keyId ?? null);
  }

  /** Organisers tune an event's weights only where an admin allowed it. */
  assertMayTune(principal: Principal, event: EventEntity): void {
    if (principal.role === 'admin') return;
    if (principal.role === 'organiser' && event.organisersMayTuneWeights) return;
    throw new ForbiddenException(`Tuning the weights of ${event.slug} needs an admin, or an admin's permission for its organisers`);
  }

  private async append(scope: string, eventId: string | null, weights: ScoringWeights, note: string, keyId: string | null): Promise<WeightSetResponse> {
    const saved = await this.db.transaction(async (tx) => {
      // Serialise writers of one scope so versions stay gapless and unique.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`weights:${scope}`]);
      const latest = await this.latest(scope, tx);
      return tx.getRepository(WeightSetEntity).save(
        tx.create(WeightSetEntity, { scope, eventId, version: (latest?.version ?? 0) + 1, weights, note, createdByKeyId: keyId }),
      );
    });
    return toResponse(saved, true);
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

function toEffective(r: WeightSetEntity): EffectiveWeights {
  return { id: r.id, scope: r.scope, version: r.version, weights: r.weights };
}

function toResponse(r: WeightSetEntity, current: boolean): WeightSetResponse {
  return { id: r.id, scope: r.scope, version: r.version, weights: r.weights, note: r.note, createdAt: r.createdAt, current };
}
