import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { SatSolverProvider } from './sat-solver.provider';
import { ScheduleExportsService } from './schedule-exports.service';
import { ScheduleLocksRepository } from './schedule-locks.repository';
import { SchedulePublishRepository } from './schedule-publish.repository';
import { SchedulingController } from './scheduling.controller';
import { SchedulingService } from './scheduling.service';

/** Meeting schedules: the solve job, draft → publish (and back), locks, agendas (JSON, ICS, CSV) and the organisers' grid. */
@Module({
  imports: [EventsModule],
  controllers: [SchedulingController],
  providers: [SatSolverProvider, SchedulingService, ScheduleExportsService, ScheduleLocksRepository, SchedulePublishRepository],
  exports: [SchedulingService, ScheduleExportsService, ScheduleLocksRepository],
})
export class SchedulingModule {}
