import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { dataSourceOptions } from './database-options';
import { EmbeddedPostgres } from './embedded-postgres';
import { runMigrationsLocked } from './run-migrations';

/** Starts the embedded server when no DATABASE_URL is configured and stops it after TypeORM. */
@Injectable()
export class DatabaseServer implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private embedded: EmbeddedPostgres | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get kind(): 'postgres' | 'embedded' {
    return this.config.database.kind;
  }

  async url(): Promise<string> {
    const db = this.config.database;
    if (db.kind === 'postgres') return db.url;
    if (!this.embedded) {
      this.embedded = await EmbeddedPostgres.start(db.dataDir);
      this.logger.log(`embedded PostgreSQL (PGlite) ${db.dataDir ? `in ${db.dataDir}` : 'in memory'}`);
    }
    return this.embedded.url;
  }

  // Runs after TypeORM closed its pool (shutdown hooks run module by module, dependents first).
  async onApplicationShutdown(): Promise<void> {
    await this.embedded?.stop();
    this.embedded = null;
  }
}

@Global()
@Module({ providers: [DatabaseServer], exports: [DatabaseServer] })
class DatabaseServerModule {}

@Module({
  imports: [
    DatabaseServerModule,
    TypeOrmModule.forRootAsync({
      inject: [DatabaseServer],
      useFactory: async (server: DatabaseServer) => dataSourceOptions(await server.url(), server.kind === 'embedded'),
      dataSourceFactory: async (options) => {
        const ds = await new DataSource(options!).initialize();
        const applied = await runMigrationsLocked(ds);
        if (applied.length) new Logger('Database').log(`applied migrations: ${applied.join(', ')}`);
        return ds;
      },
    }),
  ],
})
export class DatabaseModule {}
