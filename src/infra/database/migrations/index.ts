import { Initial1763700000000 } from './1763700000000-initial';
import { ProfileCreator1763800000000 } from './1763800000000-profile-creator';
import { MatchingAndWeights1763900000000 } from './1763900000000-matching-and-weights';
import { EventSetup1764000000000 } from './1764000000000-event-setup';
import { MatchRunShards1764100000000 } from './1764100000000-match-run-shards';
import { Reviews1764200000000 } from './1764200000000-reviews';
import { AppSettings1764300000000 } from './1764300000000-app-settings';
import { PairSelections1764400000000 } from './1764400000000-pair-selections';
import { Schedules1764500000000 } from './1764500000000-schedules';
import { ProfileFeatures1764600000000 } from './1764600000000-profile-features';
import { SchedulerSessionsRepresentativesTables1764700000000 } from './1764700000000-scheduler-sessions-representatives-tables';
import { CaseInsensitiveNames1764800000000 } from './1764800000000-case-insensitive-names';
import { IncrementalMatchLists1764900000000 } from './1764900000000-incremental-match-lists';
import { MatchRunBases1765000000000 } from './1765000000000-match-run-bases';
import { CompactMatchLists1765100000000 } from './1765100000000-compact-match-lists';
import { EventWeightsFollowGlobal1765200000000 } from './1765200000000-event-weights-follow-global';
import { ScheduleSetup1765300000000 } from './1765300000000-schedule-setup';
import { CanonicalTimeZones1765400000000 } from './1765400000000-canonical-time-zones';
import { MeetingRequestClosedReason1765500000000 } from './1765500000000-meeting-request-closed-reason';

/** Migrations in order. Landed migrations are never edited: add a new one instead. */
export const MIGRATIONS = [Initial1763700000000, ProfileCreator1763800000000, MatchingAndWeights1763900000000, EventSetup1764000000000, MatchRunShards1764100000000, Reviews1764200000000, AppSettings1764300000000, PairSelections1764400000000, Schedules1764500000000, ProfileFeatures1764600000000, SchedulerSessionsRepresentativesTables1764700000000, CaseInsensitiveNames1764800000000, IncrementalMatchLists1764900000000, MatchRunBases1765000000000, CompactMatchLists1765100000000, EventWeightsFollowGlobal1765200000000, ScheduleSetup1765300000000, CanonicalTimeZones1765400000000, MeetingRequestClosedReason1765500000000];
