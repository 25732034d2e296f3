import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies embedded defaults when nothing is set', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c.http.port).toBe(3000);
    expect(c.database).toEqual({ kind: 'embedded', dataDir: '/srv/app/data/pglite' });
    expect(c.queue).toEqual({ kind: 'inline', prefix: 'tieup', concurrency: 2, stalledMs: 30000 });
    expect(c.matching.shardSize).toBe(2000);
    expect(c.matching.threads).toBe(1);
    expect(c.scheduling.threads).toBe(2);
    expect(c.auth.adminApiKey).toBeNull();
    expect(c.seedDemo).toBe(true);
    expect(c.log.level).toBe('info');
    expect(c.configDir).toBe('/srv/app/config');
  });

  it('uses PostgreSQL and Redis when their URLs are set', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/x', REDIS_URL: 'redis://r:6379', QUEUE_PREFIX: 'p1' });
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/x' });
    expect(c.queue).toEqual({ kind: 'redis', url: 'redis://r:6379', prefix: 'p1', concurrency: 2, stalledMs: 30000 });
  });

  it('parses numbers and switches', () => {
    const c = loadConfig({ PORT: '8080', SEED_DEMO: 'false', WORKER_CONCURRENCY: '4', LOG_LEVEL: 'debug', MATCHING_THREADS: '3', SCHEDULING_THREADS: '1' });
    expect(c.http.port).toBe(8080);
    expect(c.seedDemo).toBe(false);
    expect(c.queue.concurrency).toBe(4);
    expect(c.log.level).toBe('debug');
    expect(c.matching.threads).toBe(3);
    expect(c.scheduling.threads).toBe(1);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).database.kind).toBe('embedded');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'http://x'],
    ['ADMIN_API_KEY', 'short'],
    ['LOG_LEVEL', 'verbose'],
    ['SEED_DEMO', 'maybe'],
    ['WORKER_CONCURRENCY', '0'],
    ['QUEUE_STALLED_MS', '10'],
    ['MATCHING_SHARD_SIZE', 'many'],
    ['MATCHING_THREADS', '0'],
    ['MATCHING_THREADS', '1.5'],
    ['MATCHING_THREADS', 'all'],
    ['SCHEDULING_THREADS', '0'],
    ['SCHEDULING_THREADS', '3'],
    ['SCHEDULING_THREADS', 'two'],
  ])('rejects %s=%s with a message naming the variable', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(name);
  });

  it('lists every invalid variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'y' })).toThrow(/PORT[\s\S]*LOG_LEVEL|LOG_LEVEL[\s\S]*PORT/);
  });
});
