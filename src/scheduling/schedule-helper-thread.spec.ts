import { setTimeout as sleep } from 'node:timers/promises';
import { loadCadicalSatSolver } from './cadical-loader';
import { helperOptions, scheduleMeetings, validateSchedule } from './core';
import { twoHubs } from './core/schedule-fixtures.spec-helper';
import { closeScheduleHelpers, helperFor, prestartScheduleHelpers, startScheduleHelper } from './schedule-helper-thread';

// Hubs H1, H2 each meet P1..P4 (8 slots, 2 tables): optimum 0 breaks.
const hubs = twoHubs();
const meetings = hubs.meetings;

describe('helperFor (SCHEDULING_THREADS)', () => {
  it('gives a run a helper thread only with two threads and a SAT solver', () => {
    expect(helperFor(2, true)).toBe(startScheduleHelper);
    expect(helperFor(1, true)).toBeUndefined();
    expect(helperFor(2, false)).toBeUndefined();
  });
});

describe('startScheduleHelper (a real worker thread)', () => {
  it('solves the input on its thread and answers through shared memory', async () => {
    const helper = startScheduleHelper(hubs, helperOptions({ timeLimitMs: 8000, fairnessD: 2 }, 8000));
    const until = Date.now() + 15_000;
    while (!helper.solved() && Date.now() < until) await sleep(20);
    expect(helper.solved()).toBe(true);
    const answer = helper.finish(1000)!;
    expect(answer).toMatchObject({ breaks: 0, feasible: true, optimal: true, lowerBound: 0 });
    const assignments = meetings.map((m, i) => ({ meetingId: m.id, slot: answer.slots[i], table: 0 }));
    // Tables do not matter for the timing: give each meeting of a slot its own (0-based).
    const perSlot = new Map<number, number>();
    for (const a of assignments) {
      a.table = perSlot.get(a.slot) ?? 0;
      perSlot.set(a.slot, a.table + 1);
    }
    const check = validateSchedule(hubs, { assignments, unplaced: [] }, 2);
    expect(check.errors).toEqual([]);
    expect(check.breaksTotal).toBe(0);
  }, 30_000);

  it('runs beside scheduleMeetings, which returns a valid optimal schedule', async () => {
    const satSolver = await loadCadicalSatSolver();
    const r = scheduleMeetings(hubs, { timeLimitMs: 3000, seed: 1, fairnessD: 2, satSolver, helper: startScheduleHelper });
    const check = validateSchedule(hubs, r, 2);
    expect(check.errors).toEqual([]);
    expect(check.complete).toBe(true);
    expect(r.report.breaksTotal).toBe(0);
    expect(r.report.optimal).toBe(true);
  }, 30_000);
});

describe('helper threads kept between runs', () => {
  afterAll(closeScheduleHelpers);

  it('runs one scheduling run after another on a prestarted thread, each with its own answer', async () => {
    await prestartScheduleHelpers(1);
    for (const limit of [4000, 4000]) {
      const helper = startScheduleHelper(hubs, helperOptions({ timeLimitMs: limit, fairnessD: 2 }, limit));
      const until = Date.now() + 15_000;
      while (!helper.solved() && Date.now() < until) await sleep(20);
      const answer = helper.finish(1000);
      expect(answer).toMatchObject({ breaks: 0, feasible: true, optimal: true });
    }
  }, 40_000);

  it('warms a prestarted thread up on a synthetic event, then answers the next run', async () => {
    await closeScheduleHelpers();
    const t0 = Date.now();
    await prestartScheduleHelpers(1, 300);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    const helper = startScheduleHelper(hubs, helperOptions({ timeLimitMs: 4000, fairnessD: 2 }, 4000));
    const until = Date.now() + 15_000;
    while (!helper.solved() && Date.now() < until) await sleep(20);
    expect(helper.finish(1000)).toMatchObject({ breaks: 0, optimal: true });
  }, 40_000);

  it('ends the idle threads on close, and starts a new one for the next run', async () => {
    await prestartScheduleHelpers(1);
    await closeScheduleHelpers();
    const helper = startScheduleHelper(hubs, helperOptions({ timeLimitMs: 4000, fairnessD: 2 }, 4000));
    const until = Date.now() + 15_000;
    while (!helper.solved() && Date.now() < until) await sleep(20);
    expect(helper.finish(1000)).toMatchObject({ breaks: 0, optimal: true });
  }, 40_000);
});
