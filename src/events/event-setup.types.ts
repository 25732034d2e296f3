import { MEETING_RULES } from '../profiles/profile.types';

// Vocabulary and defaults of an event's set-up: days, sessions, slots, tables, who meets whom.

/** Who may meet whom: the profile-level rules, or only between allowed pairs of named groups. */
export const EVENT_MEETING_RULES = [...MEETING_RULES, 'groups'] as const;
export type EventMeetingRule = (typeof EVENT_MEETING_RULES)[number];

export const MEETING_RULE_MODES = ['required', 'preferred'] as const;
export type MeetingRuleMode = (typeof MEETING_RULE_MODES)[number];

/** A block of back-to-back slots within a day, in the event's local time ("HH:MM"). */
export interface EventSession {
  name: string;
  start: string;
  end: string;
}

/** One meeting day (a local date) with its sessions, in order. */
export interface EventDay {
  date: string;
  sessions: EventSession[];
}

/** A pair of named groups whose members may meet (unordered; [a, a] lets a group meet itself). */
export type GroupPair = [string, string];

export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What an event gets when its organisers leave these out. */
export const EVENT_DEFAULTS = {
  sessions: [
    { name: 'morning', start: '09:00', end: '12:30' },
    { name: 'afternoon', start: '13:30', end: '17:00' },
  ] as readonly EventSession[],
  slotMinutes: 20,
  breakMinutes: 0,
  tables: 10,
  minMeetings: 0,
} as const;

export const LIMITS = {
  slotMinutes: { min: 5, max: 240 },
  breakMinutes: { min: 0, max: 120 },
  tables: { min: 1, max: 1000 },
  meetings: { min: 0, max: 1000 },
  days: 31,
  sessionsPerDay: 8,
  /** Distinct session names a participant may list. */
  sessionNames: 50,
  slots: 2000,
  groups: 20,
  representatives: { min: 1, max: 20 },
} as const;

export function defaultSessions(): EventSession[] {
  return EVENT_DEFAULTS.sessions.map((s) => ({ ...s }));
}
