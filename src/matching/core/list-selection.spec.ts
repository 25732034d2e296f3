import { RecentThresholds } from './list-selection';

describe('RecentThresholds', () => {
  it('gives the quantiles of the last 64 scores added, as sorting them would', () => {
    const recent = new RecentThresholds();
    const added: number[] = [];
    let x = 0.37;
    for (let i = 0; i < 200; i++) {
      // Repeated values too: removal must drop one copy only.
      x = i % 7 === 0 ? added[added.length - 1] ?? 0.5 : (x * 9301 + 0.49297) % 1;
      recent.add(x);
      added.push(x);
      const window = added.slice(-64).sort((a, b) => a - b);
      expect(recent.size).toBe(window.length);
      for (const f of [0, 0.01, 0.35, 0.5, 1]) expect(recent.quantile(f)).toBe(window[Math.floor(f * (window.length - 1))]);
    }
  });
});
