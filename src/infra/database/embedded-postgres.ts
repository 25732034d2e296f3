import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * PostgreSQL compiled to WASM (PGlite), served over the wire protocol on a loopback port so the
 * ordinary `pg` driver, TypeORM and the same migrations and SQL work unchanged.
 * PGlite runs one query at a time; the app uses a single pooled connection against it. The server
 * accepts a few more so that a reconnect (pool idle timeout, CLI, tests) never races the close of
 * the previous connection.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
  ) {}

  /** dataDir null keeps everything in memory (tests). */
  static async start(dataDir: string | null): Promise<EmbeddedPostgres> {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    const db = await PGlite.create(dataDir ? { dataDir } : {});
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
    await server.start();
    return new EmbeddedPostgres(db, server, `postgres://postgres@${server.getServerConn()}/postgres`);
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
  }
}
