import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { Roles } from '../auth/auth.decorators';
import { DiagnosticsService } from './diagnostics.service';

class ProbeResponse {
  @ApiProperty() probeId: string;
  @ApiProperty() jobId: string;
  @ApiProperty({ description: 'hostname:pid of the process that enqueued the probe' }) enqueuedBy: string;
}

class JobRunResponse {
  @ApiProperty() id: string;
  @ApiProperty() queue: string;
  @ApiProperty() jobName: string;
  @ApiProperty() jobId: string;
  @ApiProperty() attempt: number;
  @ApiProperty({ enum: ['running', 'completed', 'failed'] }) status: string;
  @ApiProperty({ description: 'hostname:pid of the worker' }) worker: string;
  @ApiProperty({ type: Object, nullable: true }) result: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty() startedAt: Date;
  @ApiProperty({ nullable: true, type: Date }) finishedAt: Date | null;
}

class RecentRunsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

class JobIdParam {
  @Length(1, 200)
  jobId: string;
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/admin/jobs')
@Roles('admin')
export class DiagnosticsController {
  constructor(private readonly diagnostics: DiagnosticsService) {}

  @Post('probe')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ProbeResponse, description: 'A probe job was enqueued; follow it at GET /api/admin/jobs/{jobId}.' })
  probe(): Promise<ProbeResponse> {
    return this.diagnostics.enqueueProbe();
  }

  @Get()
  @ApiOkResponse({ type: [JobRunResponse], description: 'The most recent job attempts, newest first.' })
  recent(@Query() q: RecentRunsQuery): Promise<JobRunResponse[]> {
    return this.diagnostics.recentRuns(q.limit ?? 50);
  }

  @Get(':jobId')
  @ApiOkResponse({ type: [JobRunResponse], description: 'Every recorded attempt of one job.' })
  runs(@Param() p: JobIdParam): Promise<JobRunResponse[]> {
    return this.diagnostics.runsOf(p.jobId);
  }
}
