import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { DemoModule } from './demo/demo.module';
import { DiagnosticsModule } from './diagnostics/diagnostics.module';
import { EventsModule } from './events/events.module';
import { EventSetupModule } from './events/setup/event-setup.module';
import { HealthModule } from './health/health.module';
import type { AppConfig } from './infra/config/app-config';
import { ConfigModule } from './infra/config/config.module';
import { DatabaseModule } from './infra/database/database.module';
import { LoggingModule } from './infra/logging/logging.module';
import { QueueModule } from './infra/queue/queue.module';
import { RateLimitModule } from './infra/http/rate-limit.module';
import { MatchingModule } from './matching/matching.module';
import { PairingModule } from './pairing/pairing.module';
import { ProfilesModule } from './profiles/profiles.module';
import { RegionsModule } from './regions/regions.module';
import { ReviewsModule } from './reviews/reviews.module';
import { SchedulingModule } from './scheduling/scheduling.module';
import { TaxonomyModule } from './taxonomy/taxonomy.module';

/** How a process takes part: serve HTTP, run jobs, or both (single-process install); the CLI does neither. */
export type ProcessRole = 'all' | 'api' | 'worker' | 'cli';

/** The domain modules every entry point shares. */
const FEATURE_MODULES: Type[] = [TaxonomyModule, AuthModule, RegionsModule, ProfilesModule, EventsModule, MatchingModule, EventSetupModule, ReviewsModule, PairingModule, SchedulingModule, DiagnosticsModule, DemoModule];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, role: ProcessRole): DynamicModule {
    const http = role === 'all' || role === 'api';
    // Without Redis the handlers must run where jobs are enqueued, so the CLI consumes too.
    const consume = role === 'all' || role === 'worker' || (role === 'cli' && config.queue.kind === 'inline');
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule,
        QueueModule.forRoot({ consume }),
        ...FEATURE_MODULES,
        ...(http ? [RateLimitModule, HealthModule] : []),
      ],
    };
  }
}
