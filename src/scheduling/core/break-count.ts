// Break counting: a break is a maximal run of idle slots between two meetings of one participant.

/** Breaks of one participant given the (unsorted, possibly repeated) slots of its meetings. */
export function countBreaks(slots: readonly number[]): number {
  if (slots.length < 2) return 0;
  const sorted = [...new Set(slots)].sort((x, y) => x - y);
  let breaks = 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] > sorted[i - 1] + 1) breaks++;
  return breaks;
}

/** Population count of a 32-bit integer. */
export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Breaks from an occupancy bitmask (bit t = busy in slot t); runs minus one. */
export function breaksOfMask(mask: number): number {
  const runs = popcount32(mask & ~(mask << 1));
  return runs > 1 ? runs - 1 : 0;
}

/**
 * Minimum breaks one participant needs on its own: choose `count` slots among `allowed`,
 * including every slot in `required`, with the fewest runs. Exact for the participant alone,
 * hence a valid lower bound for the whole schedule when summed.
 */
export function minBreaksAlone(nSlots: number, count: number, allowed: ArrayLike<boolean>, required: ArrayLike<boolean>): number {
  if (count <= 1) return 0;
  const INF = 1 << 20;
  // dp[j*2+last] = fewest runs with j chosen so far, last = previous slot chosen.
  let dp = new Int32Array((count + 1) * 2).fill(INF);
  let nx = new Int32Array((count + 1) * 2);
  dp[0] = 0;
  for (let t = 0; t < nSlots; t++) {
    nx.fill(INF);
    for (let j = 0; j <= count; j++) {
      for (let last = 0; last < 2; last++) {
        const v = dp[j * 2 + last];
        if (v >= INF) continue;
        if (!required[t] && nx[j * 2] > v) nx[j * 2] = v;
        if (allowed[t] && j < count) {
          const w = v + (last ? 0 : 1);
          if (nx[(j + 1) * 2 + 1] > w) nx[(j + 1) * 2 + 1] = w;
        }
      }
    }
    [dp, nx] = [nx, dp];
  }
  const runs = Math.min(dp[count * 2], dp[count * 2 + 1]);
  if (runs >= INF) return 0; // infeasible alone: reported elsewhere, contributes nothing here
  return Math.max(0, runs - 1);
}
