import type { JobRunner, RunRequest } from '../job-runner';
import { JobName, RETRY_POLICIES } from '../queue.contract';
import { InlineQueueDriver } from './inline-queue.driver';

/** A runner that records attempts and fails the first `failures` of them. */
function recordingRunner(failures = 0): { runner: JobRunner; attempts: RunRequest[] } {
  const attempts: RunRequest[] = [];
  const runner = {
    run: (req: RunRequest) => {
      attempts.push(req);
      return attempts.length <= failures ? Promise.reject(new Error('boom')) : Promise.resolve({ ok: true });
    },
  } as unknown as JobRunner;
  return { runner, attempts };
}

const probe = (probeId: string) => ({ name: JobName.DiagnosticsProbe, data: { probeId } }) as const;

describe('InlineQueueDriver', () => {
  afterEach(() => jest.useRealTimers());

  it('runs enqueued jobs in-process once consuming', async () => {
    const { runner, attempts } = recordingRunner();
    const driver = new InlineQueueDriver(runner);
    await driver.enqueue(probe('a'), {});
    expect(attempts).toHaveLength(0);
    await driver.startConsuming();
    await driver.whenIdle();
    expect(attempts.map((a) => a.data)).toEqual([{ probeId: 'a' }]);
    expect((await driver.health()).queues.maintenance).toMatchObject({ completed: 1, waiting: 0, failed: 0 });
  });

  it('deduplicates jobs with the same key while one is pending', async () => {
    const { runner, attempts } = recordingRunner();
    const driver = new InlineQueueDriver(runner);
    const first = await driver.enqueue(probe('a'), { dedupeKey: 'k' });
    const second = await driver.enqueue(probe('b'), { dedupeKey: 'k' });
    expect(second).toEqual({ id: first.id, deduplicated: true });
    await driver.startConsuming();
    await driver.whenIdle();
    expect(attempts).toHaveLength(1);
    // Once done, the key is free again.
    expect((await driver.enqueue(probe('c'), { dedupeKey: 'k' })).deduplicated).toBe(false);
    await driver.whenIdle();
    expect(attempts).toHaveLength(2);
  });

  it('retries a failing job per its policy, then counts it failed', async () => {
    const policy = RETRY_POLICIES.quick;
    const { runner, attempts } = recordingRunner(Number.MAX_SAFE_INTEGER);
    const driver = new InlineQueueDriver(runner);
    await driver.startConsuming();
    await driver.enqueue(probe('x'), {});
    await driver.whenIdle();
    expect(attempts.map((a) => a.attempt)).toEqual(Array.from({ length: policy.attempts }, (_, i) => i + 1));
    expect((await driver.health()).queues.maintenance).toMatchObject({ failed: 1, completed: 0 });
  }, 15_000);

  it('succeeds on a retry after a transient failure', async () => {
    const { runner, attempts } = recordingRunner(1);
    const driver = new InlineQueueDriver(runner);
    await driver.startConsuming();
    await driver.enqueue(probe('y'), {});
    await driver.whenIdle();
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2]);
    expect((await driver.health()).queues.maintenance).toMatchObject({ failed: 0, completed: 1 });
  });

  it('keeps the delay of a job enqueued before consuming started', async () => {
    jest.useFakeTimers();
    const { runner, attempts } = recordingRunner();
    const driver = new InlineQueueDriver(runner);
    await driver.enqueue(probe('now'), {});
    await driver.enqueue(probe('later'), { delayMs: 1_000 });
    await jest.advanceTimersByTimeAsync(400);
    await driver.startConsuming();
    await jest.advanceTimersByTimeAsync(0);
    expect(attempts.map((a) => a.data)).toEqual([{ probeId: 'now' }]);
    await jest.advanceTimersByTimeAsync(599);
    expect(attempts).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(attempts.map((a) => a.data)).toEqual([{ probeId: 'now' }, { probeId: 'later' }]);
  });

  describe('close', () => {
    /** A runner whose runs wait until released; `started` resolves when the first run begins. */
    function blockingRunner(): { runner: JobRunner; started: Promise<void>; release: () => void; finished: string[] } {
      const finished: string[] = [];
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let onStart!: () => void;
      const started = new Promise<void>((r) => (onStart = r));
      const runner = {
        run: async (req: RunRequest) => {
          onStart();
          await gate;
          finished.push((req.data as { probeId: string }).probeId);
          return { ok: true };
        },
      } as unknown as JobRunner;
      return { runner, started, release, finished };
    }

    it('waits for the running job, not for jobs still waiting, and leaves no timer behind', async () => {
      jest.useFakeTimers();
      const { runner, started, release, finished } = blockingRunner();
      const driver = new InlineQueueDriver(runner);
      await driver.startConsuming();
      await driver.enqueue(probe('running'), {});
      await driver.enqueue(probe('delayed'), { delayMs: 60_000 });
      await jest.advanceTimersByTimeAsync(0);
      await started;
      const closed = driver.close().then(() => finished.slice());
      release();
      // The running job finishes before close resolves; the delayed one never starts. Were close to
      // wait for every job (not only the running one) it would resolve only after its grace period.
      await expect(closed).resolves.toEqual(['running']);
      // Neither the delayed job's timer nor close's grace timer is left pending.
      expect(jest.getTimerCount()).toBe(0);
    });

    it('stops waiting for a hung job after the grace period', async () => {
      const { runner, started } = blockingRunner();
      const driver = new InlineQueueDriver(runner, { closeGraceMs: 50 });
      await driver.enqueue(probe('hung'), {});
      await driver.startConsuming();
      await started;
      await expect(driver.close()).resolves.toBeUndefined();
      expect((await driver.health()).queues.maintenance).toMatchObject({ active: 1 });
    });
  });

  it('refuses new jobs after close', async () => {
    const driver = new InlineQueueDriver(recordingRunner().runner);
    await driver.close();
    await expect(driver.enqueue(probe('z'), {})).rejects.toThrow('closed');
  });
});
