// Sparse-vector arithmetic and TF-IDF weighting, independent of natural's TfIdf (which rescans
// every document per idf lookup and has no cosine; unusable for 10k profiles).
import type { SparseVector } from './text.types';

/** target += k · source (in place). */
export function addScaled(target: SparseVector, source: ReadonlyMap<string, number>, k = 1): SparseVector {
  for (const [f, v] of source) target.set(f, (target.get(f) ?? 0) + k * v);
  return target;
}

/** Document frequencies over a corpus, with smoothed idf = ln((1 + N) / (1 + df)) + 1. */
export class IdfTable {
  private readonly idfCache = new Map<string, number>();
  private readonly unseen: number;

  constructor(
    private readonly df: ReadonlyMap<string, number>,
    readonly documentCount: number,
  ) {
    this.unseen = Math.log(1 + documentCount) + 1;
  }

  static fromVectors(vectors: Iterable<ReadonlyMap<string, number>>): IdfTable {
    const df = new Map<string, number>();
    let n = 0;
    for (const v of vectors) {
      n++;
      for (const [f, value] of v) if (value !== 0) df.set(f, (df.get(f) ?? 0) + 1);
    }
    return new IdfTable(df, n);
  }

  documentFrequency(feature: string): number {
    return this.df.get(feature) ?? 0;
  }

  /** Smoothed idf; a feature never seen gets the maximum (as if df = 0). */
  idf(feature: string): number {
    let idf = this.idfCache.get(feature);
    if (idf === undefined) {
      const df = this.df.get(feature);
      idf = df === undefined ? this.unseen : Math.log((1 + this.documentCount) / (1 + df)) + 1;
      this.idfCache.set(feature, idf);
    }
    return idf;
  }

  get featureCount(): number {
    return this.df.size;
  }

  /** Plain form for storage (a frozen idf: profiles prepared later weigh their terms like the pool's). */
  toStored(): StoredIdf {
    return { documentCount: this.documentCount, df: Object.fromEntries(this.df) };
  }

  static fromStored(stored: StoredIdf): IdfTable {
    return new IdfTable(new Map(Object.entries(stored.df)), stored.documentCount);
  }
}

/** An idf table as stored (JSON): document count and document frequency per feature. */
export interface StoredIdf {
  documentCount: number;
  df: Record<string, number>;
}

export interface WeightOptions {
  /** Damp repeated evidence: v > 1 becomes 1 + ln v (default true). */
  sublinear?: boolean;
}

/** TF-IDF weighted copy of a raw term vector. */
export function weight(vector: ReadonlyMap<string, number>, idf: IdfTable, options: WeightOptions = {}): SparseVector {
  const sublinear = options.sublinear ?? true;
  const out: SparseVector = new Map();
  for (const [f, v] of vector) {
    if (v === 0) continue;
    const tf = sublinear && v > 1 ? 1 + Math.log(v) : v;
    out.set(f, tf * idf.idf(f));
  }
  return out;
}

export function norm(vector: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const v of vector.values()) sum += v * v;
  return Math.sqrt(sum);
}

/** Copy scaled to unit length (the empty/zero vector stays zero). */
export function l2Normalise(vector: ReadonlyMap<string, number>): SparseVector {
  const n = norm(vector);
  const out: SparseVector = new Map();
  if (n === 0) return out;
  for (const [f, v] of vector) out.set(f, v / n);
  return out;
}

export function dot(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [f, v] of small) {
    const w = large.get(f);
    if (w !== undefined) sum += v * w;
  }
  return sum;
}

/** Cosine similarity of two sparse vectors (need not be normalised); 0 when either is empty. */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const na = norm(a);
  const nb = norm(b);
  return na === 0 || nb === 0 ? 0 : dot(a, b) / (na * nb);
}

/** The features two vectors share with their product contributions, largest first (for explanations). */
export function sharedFeatures(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, limit = 10): { feature: string; contribution: number }[] {
  const out: { feature: string; contribution: number }[] = [];
  for (const [f, v] of a) {
    const w = b.get(f);
    if (w !== undefined) out.push({ feature: f, contribution: v * w });
  }
  return out.sort((x, y) => y.contribution - x.contribution).slice(0, limit);
}

/** Sorted parallel arrays (feature ids ascending) for compact storage or fast merge-joins. */
export interface PackedVector {
  ids: Int32Array;
  values: Float64Array;
}

/** Maps feature strings to dense integer ids; one per corpus. */
export class FeatureDictionary {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];

  id(feature: string): number {
    let id = this.ids.get(feature);
    if (id === undefined) {
      id = this.names.push(feature) - 1;
      this.ids.set(feature, id);
    }
    return id;
  }

  name(id: number): string | undefined {
    return this.names[id];
  }

  get size(): number {
    return this.names.length;
  }

  pack(vector: ReadonlyMap<string, number>): PackedVector {
    const pairs = [...vector].map(([f, v]) => [this.id(f), v] as const).sort((x, y) => x[0] - y[0]);
    return { ids: Int32Array.from(pairs, (p) => p[0]), values: Float64Array.from(pairs, (p) => p[1]) };
  }
}

/** Dot product of two packed vectors by merge-join (cosine when both are unit length). */
export function packedDot(a: PackedVector, b: PackedVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i];
    const y = b.ids[j];
    if (x === y) sum += a.values[i++] * b.values[j++];
    else if (x < y) i++;
    else j++;
  }
  return sum;
}
