import { QueryFailedError } from 'typeorm';

/** The PostgreSQL SQLSTATE of a failed query (23505 unique violation, 23503 foreign-key violation), if any. */
export function sqlState(err: unknown): string | undefined {
  if (!(err instanceof QueryFailedError)) return undefined;
  const code = (err.driverError as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
