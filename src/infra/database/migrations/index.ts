import { Initial1763700000000 } from './1763700000000-initial';

/** Migrations in order. Landed migrations are never edited: add a new one instead. */
export const MIGRATIONS = [Initial1763700000000];
