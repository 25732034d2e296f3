import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectRoot } from '../../taxonomy/core';
import { DEFAULT_WEIGHTS, MAX_WEIGHT, validateWeights } from './scoring-weights';
import { COMPONENTS } from './scoring.types';

describe('validateWeights', () => {
  it('accepts the shipped config/scoring-weights.json, which equals DEFAULT_WEIGHTS', () => {
    const file = JSON.parse(readFileSync(join(findProjectRoot(__dirname), 'config', 'scoring-weights.json'), 'utf8'));
    const result = validateWeights(file);
    expect(result).toEqual({ ok: true, weights: DEFAULT_WEIGHTS });
    expect(Object.keys(file.weights).sort()).toEqual([...COMPONENTS].sort());
  });

  it('accepts a bare weight object and fills missing components with the defaults', () => {
    expect(validateWeights({ sector: 1, text: 0 })).toEqual({ ok: true, weights: { ...DEFAULT_WEIGHTS, sector: 1, text: 0 } });
  });

  it('names the offending field for unknown, non-finite and negative weights', () => {
    const result = validateWeights({ version: 1, weights: { sector: -1, colour: 2, text: 'high', language: Number.POSITIVE_INFINITY, cooperation: Number.NaN } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = Object.fromEntries(result.errors.map((e) => [e.field, e.message]));
    expect(byField['weights.sector']).toMatch(/negative/);
    expect(byField['weights.colour']).toMatch(/unknown component/);
    expect(byField['weights.text']).toMatch(/finite number/);
    expect(byField['weights.language']).toMatch(/finite number/);
    expect(byField['weights.cooperation']).toMatch(/finite number/);
  });

  it('caps each weight at MAX_WEIGHT, so huge weights cannot overflow the sum to Infinity', () => {
    const result = validateWeights({ weights: { sector: 1e308, text: 1e308, region: MAX_WEIGHT + 1 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field).sort()).toEqual(['weights.region', 'weights.sector', 'weights.text']);
    expect(result.errors[0].message).toMatch(/greater than 1000/);
    const atCap = Object.fromEntries(COMPONENTS.map((c) => [c, MAX_WEIGHT]));
    expect(validateWeights(atCap)).toEqual({ ok: true, weights: atCap });
  });

  it('requires at least one positive weight', () => {
    const zero = Object.fromEntries(COMPONENTS.map((c) => [c, 0]));
    expect(validateWeights({ weights: zero })).toEqual({ ok: false, errors: [{ field: 'weights', message: 'at least one weight must be greater than 0' }] });
  });

  it('rejects non-objects, a wrong version and unknown top-level properties', () => {
    expect(validateWeights(null)).toEqual({ ok: false, errors: [{ field: 'weights', message: 'must be an object' }] });
    expect(validateWeights([1, 2])).toMatchObject({ ok: false });
    expect(validateWeights({ weights: 3 })).toMatchObject({ ok: false, errors: [{ field: 'weights', message: 'must be an object' }] });
    const r = validateWeights({ version: 2, extra: true, weights: { sector: 1 } });
    expect(r.ok ? [] : r.errors.map((e) => e.field).sort()).toEqual(['extra', 'version']);
  });
});
