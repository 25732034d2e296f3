// Small events shared by the scheduler's specs.
import type { MeetingInput, ScheduleInput } from './schedule-types';

/** Participants with these ids and no restrictions. */
export function people(...ids: string[]): { id: string }[] {
  return ids.map((id) => ({ id }));
}

/**
 * A-B, B-C, C-D, D-E in 4 slots at one table (listed out of order): only the chain order avoids
 * breaks for B, C and D.
 */
export function chainOfFour(morningSlots: number): ScheduleInput {
  return {
    nSlots: 4,
    morningSlots,
    tables: 1,
    participants: people('A', 'B', 'C', 'D', 'E'),
    meetings: [
      { id: 'cd', a: 'C', b: 'D' },
      { id: 'ab', a: 'A', b: 'B' },
      { id: 'de', a: 'D', b: 'E' },
      { id: 'bc', a: 'B', b: 'C' },
    ],
  };
}

/**
 * Hubs H1, H2 each meet P1..P4 (8 slots, 4 in the morning, 2 tables): the optimum, 0 breaks, is H1
 * meeting P1..P4 in slots 0-3 and H2 meeting P2, P1, P4, P3 there.
 */
export function twoHubs(): ScheduleInput {
  const partners = ['P1', 'P2', 'P3', 'P4'];
  const meetings: MeetingInput[] = [];
  for (const h of ['H1', 'H2']) for (const p of partners) meetings.push({ id: `${h}-${p}`, a: h, b: p });
  return { nSlots: 8, morningSlots: 4, tables: 2, participants: people('H1', 'H2', ...partners), meetings };
}

/**
 * A, D and G each meet two partners in 3 slots: without breaks each hub fills slots 0-1 or 1-2, so all
 * three sit in slot 1. With 2 tables one hub has to meet in slots 0 and 2 (one break, the optimum).
 */
export function threeHubs(tables: number): ScheduleInput {
  const meetings: MeetingInput[] = [
    { id: 'ab', a: 'A', b: 'B' },
    { id: 'ac', a: 'A', b: 'C' },
    { id: 'de', a: 'D', b: 'E' },
    { id: 'df', a: 'D', b: 'F' },
    { id: 'gh', a: 'G', b: 'H' },
    { id: 'gi', a: 'G', b: 'I' },
  ];
  return { nSlots: 3, morningSlots: 3, tables, participants: people('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'), meetings };
}
