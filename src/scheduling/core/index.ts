// Public surface of the meeting scheduler core.
export { assignTables, countTableChanges } from './assign-tables';
export type { TableAssignment, TimedMeeting } from './assign-tables';
export { countBreaks } from './break-count';
export type { IncrementalSatSolver, SatSolverFactory, SatStatus, SatStrategy } from './sat-search';
export { helperOptions, scheduleMeetings, SEARCH_FAILED } from './schedule-meetings';
export type * from './schedule-types';
export { breakStats, validateSchedule } from './validate-schedule';
export { warmUpEvent, warmUpScheduler } from './warm-up-event';
export type { BreakStats, ValidationReport } from './validate-schedule';
