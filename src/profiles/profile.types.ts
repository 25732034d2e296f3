// Vocabulary of an organisation profile, shared by entities, DTOs, import, scoring and demo data.

export const ORGANISATION_KINDS = ['company', 'research', 'university', 'cluster', 'agency', 'hospital'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const COOPERATION_TYPES = [
  'rd',
  'distribution',
  'licensing',
  'supply',
  'production',
  'joint_venture',
  'investment',
  'services',
] as const;
export type CooperationType = (typeof COOPERATION_TYPES)[number];

export const ORGANISATION_SIZES = ['micro', 'sme', 'large'] as const;
export type OrganisationSize = (typeof ORGANISATION_SIZES)[number];

/** Languages the text pipeline analyses; profiles may list any ISO 639-1 code they speak. */
export const TEXT_LANGUAGES = ['de', 'en', 'ja'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

/** Who may meet whom at an event. */
export const MEETING_RULES = ['cross-country', 'cross-region', 'any'] as const;
export type MeetingRule = (typeof MEETING_RULES)[number];
