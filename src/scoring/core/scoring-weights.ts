// Component weights: the global default (config/scoring-weights.json mirrors it) and validation of
// user-supplied weight sets. Weights are relative: the score divides by their sum.
import { COMPONENTS, type ComponentName, type ScoringWeights } from './scoring.types';

/** Must equal config/scoring-weights.json (a spec checks it). */
export const DEFAULT_WEIGHTS: Readonly<ScoringWeights> = Object.freeze({
  complementarity: 0.55,
  sector: 0.18,
  text: 0.08,
  cooperation: 0.03,
  language: 0.06,
  region: 0.05,
  focus: 0.05,
});

/**
 * Upper bound per weight. Weights are relative, so nothing is lost by capping them; without a cap a
 * set like `{ sector: 1e308, text: 1e308 }` passes as "finite" but its sum overflows to Infinity and
 * every score becomes 0.
 */
export const MAX_WEIGHT = 1000;

export interface WeightError {
  field: string;
  message: string;
}

export type WeightValidation = { ok: true; weights: ScoringWeights } | { ok: false; errors: WeightError[] };

/**
 * Validates `{ "weights": { … } }` or a bare `{ sector: …, … }` (an optional "version": 1 is allowed
 * in the wrapped form). Missing components take the default weight; unknown ones are errors.
 * Field names are dotted paths (`weights.sector`) for HTTP 400 payloads.
 */
export function validateWeights(input: unknown): WeightValidation {
  const errors: WeightError[] = [];
  if (!isRecord(input)) return { ok: false, errors: [{ field: 'weights', message: 'must be an object' }] };
  let body: unknown = input;
  let prefix = '';
  if ('weights' in input) {
    for (const key of Object.keys(input)) {
      if (key !== 'weights' && key !== 'version') errors.push({ field: key, message: 'unknown property' });
    }
    if ('version' in input && input.version !== 1) errors.push({ field: 'version', message: 'must be 1' });
    body = input.weights;
    prefix = 'weights.';
    if (!isRecord(body)) return { ok: false, errors: [...errors, { field: 'weights', message: 'must be an object' }] };
  }
  const record = body as Record<string, unknown>;
  const weights: ScoringWeights = { ...DEFAULT_WEIGHTS };
  const field = (k: string) => `${prefix || 'weights.'}${k}`;
  for (const [key, value] of Object.entries(record)) {
    if (!(COMPONENTS as readonly string[]).includes(key)) {
      errors.push({ field: field(key), message: `unknown component (known: ${COMPONENTS.join(', ')})` });
    } else if (typeof value !== 'number' || !Number.isFinite(value)) {
      errors.push({ field: field(key), message: 'must be a finite number' });
    } else if (value < 0) {
      errors.push({ field: field(key), message: 'must not be negative' });
    } else if (value > MAX_WEIGHT) {
      errors.push({ field: field(key), message: `must not be greater than ${MAX_WEIGHT} (weights are relative)` });
    } else {
      weights[key as ComponentName] = value;
    }
  }
  if (errors.length === 0 && COMPONENTS.every((c) => weights[c] === 0)) {
    errors.push({ field: 'weights', message: 'at least one weight must be greater than 0' });
  }
  return errors.length ? { ok: false, errors } : { ok: true, weights };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
