// Prepared profiles as a few flat arrays, for handing a pool to worker threads without copying it
// profile by profile: the numbers go into SharedArrayBuffers (shared, not copied), the strings into
// one small table. Feature ids are kept as they are: the receiving environment only compares ids
// (scores and index keys never need a feature's name), so every score is bit-identical. NACE codes
// and languages travel by name and are interned again on the receiving side.
// Profiles rebuilt from a transfer are for scoring and matching: phrase texts are left empty.
import type { PreparedPhrase, ScoringEnvironment, ScoringProfile } from '../../scoring/core';
import type { PackedVector } from '../../text';

export interface PoolTransfer {
  /** Focus-sector ids of the sending environment (the receiver must have the same, in order). */
  domainIds: string[];
  ids: string[];
  names: string[];
  countries: string[];
  regions: string[];
  codes: string[][];
  languageCodes: string[][];
  ints: Int32Array;
  doubles: Float64Array;
}

class Writer {
  ints: number[] = [];
  doubles: number[] = [];
  vector(v: PackedVector): void {
    this.ints.push(v.ids.length, ...v.ids);
    for (let i = 0; i < v.values.length; i++) this.doubles.push(v.values[i]);
  }
  domains(d: Int32Array, w: Float64Array): void {
    this.ints.push(d.length, ...d);
    for (let i = 0; i < w.length; i++) this.doubles.push(w[i]);
  }
}

function shared<T extends Int32Array | Float64Array>(make: (b: SharedArrayBuffer) => T, bytes: number, values: number[]): T {
  const out = make(new SharedArrayBuffer(Math.max(8, values.length * bytes)));
  out.set(values);
  return out;
}

/** Encodes a pool (all profiles from one environment). */
export function encodePoolTransfer(profiles: readonly ScoringProfile[]): PoolTransfer {
  const env = profiles[0]?.env;
  const w = new Writer();
  const phrase = (ph: PreparedPhrase) => {
    w.ints.push(ph.kinds, ph.source === 'list' ? 0 : 1, ph.inheritedDomains ? 1 : 0);
    w.doubles.push(ph.weight);
    w.domains(ph.domains, ph.domainWeights);
    w.vector(ph.terms);
  };
  for (const p of profiles) {
    w.ints.push(p.offers.length, p.seeks.length, p.cooperation);
    p.offers.forEach(phrase);
    p.seeks.forEach(phrase);
    w.vector(p.description);
    w.domains(p.domains, p.domainWeights);
  }
  return {
    domainIds: env ? [...env.domainIds] : [],
    ids: profiles.map((p) => p.id),
    names: profiles.map((p) => p.name),
    countries: profiles.map((p) => p.country),
    regions: profiles.map((p) => p.region),
    codes: profiles.map((p) => Array.from(p.codes, (c) => p.env.code(c))),
    languageCodes: profiles.map((p) => [...p.languageCodes]),
    ints: shared((b) => new Int32Array(b), 4, w.ints),
    doubles: shared((b) => new Float64Array(b), 8, w.doubles),
  };
}

/** Rebuilds the profiles in `env` (same taxonomy as the sender's; arrays are views, not copies). */
export function decodePoolTransfer(t: PoolTransfer, env: ScoringEnvironment): ScoringProfile[] {
  if (t.domainIds.length > 0 && t.domainIds.join('\u0000') !== env.domainIds.join('\u0000')) throw new Error('The pool was prepared over other focus sectors (taxonomy differs)');
  const { ints, doubles } = t;
  let i = 0;
  let d = 0;
  const vector = (): PackedVector => {
    const n = ints[i++];
    const v = { ids: ints.subarray(i, i + n), values: doubles.subarray(d, d + n) };
    i += n;
    d += n;
    return v;
  };
  const domains = (): [Int32Array, Float64Array] => {
    const n = ints[i++];
    const out: [Int32Array, Float64Array] = [ints.subarray(i, i + n), doubles.subarray(d, d + n)];
    i += n;
    d += n;
    return out;
  };
  const phrase = (): PreparedPhrase => {
    const kinds = ints[i];
    const source = ints[i + 1] === 0 ? 'list' : 'description';
    const inheritedDomains = ints[i + 2] === 1;
    i += 3;
    const weight = doubles[d++];
    const [dom, dw] = domains();
    return { text: '', source, weight, kinds, domains: dom, domainWeights: dw, inheritedDomains, terms: vector() };
  };
  return t.ids.map((id, k) => {
    const nOffers = ints[i];
    const nSeeks = ints[i + 1];
    const cooperation = ints[i + 2];
    i += 3;
    const offers = Array.from({ length: nOffers }, phrase);
    const seeks = Array.from({ length: nSeeks }, phrase);
    const description = vector();
    const [dom, dw] = domains();
    let languages = 0;
    for (const l of t.languageCodes[k]) languages |= env.languageBit(l);
    return {
      env,
      id,
      name: t.names[k],
      country: t.countries[k],
      region: t.regions[k],
      offers,
      seeks,
      description,
      codes: Int32Array.from(t.codes[k], (c) => env.codeIndex(c)),
      domains: dom,
      domainWeights: dw,
      cooperation,
      languages,
      languageCodes: [...t.languageCodes[k]],
    };
  });
}
