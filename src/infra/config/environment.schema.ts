import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

// Every environment variable the engine honours. Property names are the variable names,
// so a validation error names the variable the operator has to fix.

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;

const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return value;
};

const THREADS_MESSAGE = 'MATCHING_THREADS must be an integer between 1 and 256 (threads of one job-running process)';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class EnvironmentVariables {
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'PORT must be an integer between 0 and 65535' })
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsString()
  HOST?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  DATA_DIR?: string;

  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/, { message: 'QUEUE_PREFIX must be 1-64 characters of A-Z a-z 0-9 _ . : -' })
  QUEUE_PREFIX?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'WORKER_CONCURRENCY must be an integer between 1 and 64' })
  @Min(1)
  @Max(64)
  WORKER_CONCURRENCY?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'QUEUE_STALLED_MS must be an integer between 1000 and 3600000' })
  @Min(1000)
  @Max(3_600_000)
  QUEUE_STALLED_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'MATCHING_SHARD_SIZE must be an integer between 10 and 1000000' })
  @Min(10)
  @Max(1_000_000)
  MATCHING_SHARD_SIZE?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: THREADS_MESSAGE })
  @Min(1, { message: THREADS_MESSAGE })
  @Max(256, { message: THREADS_MESSAGE })
  MATCHING_THREADS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'SCHEDULING_THREADS must be 1 or 2 (threads of one scheduling run)' })
  @Min(1, { message: 'SCHEDULING_THREADS must be 1 or 2 (threads of one scheduling run)' })
  @Max(2, { message: 'SCHEDULING_THREADS must be 1 or 2 (threads of one scheduling run)' })
  SCHEDULING_THREADS?: number;

  @IsOptional()
  @IsString()
  @MinLength(24, { message: 'ADMIN_API_KEY must be at least 24 characters long' })
  @Matches(/^\S+$/, { message: 'ADMIN_API_KEY must not contain whitespace' })
  ADMIN_API_KEY?: string;

  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of: ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL?: LogLevel;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'SEED_DEMO must be true or false' })
  SEED_DEMO?: boolean;

  @IsOptional()
  @IsString()
  @MinLength(1)
  CONFIG_DIR?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'RATE_LIMIT_PER_MINUTE must be an integer between 0 and 1000000 (0 turns it off)' })
  @Min(0)
  @Max(1_000_000)
  RATE_LIMIT_PER_MINUTE?: number;

  @IsOptional()
  @IsIn(['development', 'production', 'test'], { message: 'NODE_ENV must be development, production or test' })
  NODE_ENV?: 'development' | 'production' | 'test';
}
