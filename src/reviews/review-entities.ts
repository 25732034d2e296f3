export { MeetingRequestEntity } from './meeting-request.entity';
export { PairRuleEntity } from './pair-rule.entity';
export { ReviewMarkEntity } from './review-mark.entity';
export { ReviewSettingsEntity } from './review-settings.entity';
