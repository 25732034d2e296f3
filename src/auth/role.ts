export const ROLES = ['admin', 'organiser', 'participant'] as const;
export type Role = (typeof ROLES)[number];
