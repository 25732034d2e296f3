import { ApiKeyEntity } from '../../auth/api-key.entity';
import { AppSettingEntity } from './app-setting.entity';
import { JobRunEntity } from '../queue/job-run.entity';
import { EventOrganiserEntity } from '../../events/event-organiser.entity';
import { EventParticipantEntity } from '../../events/event-participant.entity';
import { EventEntity } from '../../events/event.entity';
import { MatchListEntity } from '../../matching/match-list.entity';
import { MatchRunEntity } from '../../matching/match-run.entity';
import { MatchStateEntity } from '../../matching/match-state.entity';
import { OrganisationEntity } from '../../profiles/organisation.entity';
import { ProfileFeaturesEntity } from '../../profiles/features/profile-features.entity';
import { RegionEntity } from '../../regions/region.entity';
import { TieUpEntity } from '../../regions/tie-up.entity';
import { WeightSetEntity } from '../../scoring/weight-set.entity';
import { PairSelectionEntity, SelectedPairEntity } from '../../pairing/pair-selection.entity';
import { MeetingRequestEntity, PairRuleEntity, ReviewMarkEntity, ReviewSettingsEntity } from '../../reviews/review-entities';
import { ScheduleEntity, ScheduledMeetingEntity } from '../../scheduling/schedule.entity';

/** Every entity of the schema; migrations must keep the database in step with these. */
export const ENTITIES = [
  AppSettingEntity,
  RegionEntity,
  TieUpEntity,
  OrganisationEntity,
  ProfileFeaturesEntity,
  EventEntity,
  EventParticipantEntity,
  EventOrganiserEntity,
  ApiKeyEntity,
  JobRunEntity,
  WeightSetEntity,
  MatchListEntity,
  MatchRunEntity,
  MatchStateEntity,
  ReviewMarkEntity, MeetingRequestEntity, PairRuleEntity, ReviewSettingsEntity,
  PairSelectionEntity,
  SelectedPairEntity,
  ScheduleEntity, ScheduledMeetingEntity,
];
