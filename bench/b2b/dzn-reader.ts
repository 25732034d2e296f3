// Minimal MiniZinc .dzn reader for the JAIR 2022 B2B instances, and their conversion to the
// scheduler's input (see ../shared/b2b-instances/README.md beside the project for the field semantics).
import type { MeetingInput, ScheduleInput, Session } from '../../src/scheduling/core';

export type DznValue = number | number[] | number[][];

function numbers(text: string): number[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => {
      const n = Number(s);
      if (!Number.isInteger(n)) throw new Error(`not an integer: ${s}`);
      return n;
    });
}

/** Parses `name = value;` items: integers, int arrays, 2-D arrays `[| .. |]`, arrays of sets. */
export function parseDzn(text: string): Map<string, DznValue> {
  const out = new Map<string, DznValue>();
  const clean = text.replace(/%[^\n]*/g, '');
  for (const item of clean.split(';')) {
    const eq = item.indexOf('=');
    if (eq < 0) continue;
    const name = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (value.startsWith('[|')) {
      const body = value.slice(2, value.lastIndexOf('|]'));
      out.set(
        name,
        body
          .split('|')
          .map((row) => numbers(row))
          .filter((row) => row.length > 0),
      );
    } else if (value.startsWith('[') && value.includes('{')) {
      out.set(
        name,
        [...value.matchAll(/\{([^}]*)\}/g)].map((g) => numbers(g[1])),
      );
    } else if (value.startsWith('[')) {
      out.set(name, numbers(value.slice(1, value.lastIndexOf(']'))));
    } else {
      out.set(name, Number(value));
    }
  }
  return out;
}

function int(d: Map<string, DznValue>, key: string): number {
  const v = d.get(key);
  if (typeof v !== 'number') throw new Error(`missing integer ${key}`);
  return v;
}

function list<T extends number[] | number>(d: Map<string, DznValue>, key: string): T[] {
  const v = d.get(key);
  if (!Array.isArray(v)) throw new Error(`missing array ${key}`);
  return v as T[];
}

const SESSIONS: Record<number, Session> = { 1: 'morning', 2: 'afternoon', 3: 'any' };

/** Converts to 0-based slots; participant and meeting ids keep the file's 1-based numbers. */
export function dznToScheduleInput(d: Map<string, DznValue>): ScheduleInput {
  const nBusiness = int(d, 'nBusiness');
  const nSlots = int(d, 'nTotalSlots');
  const requested = list<number[]>(d, 'requested');
  const forbidden = d.has('forbidden') ? list<number[]>(d, 'forbidden') : [];
  const fixed = d.has('fixed') ? list<number>(d, 'fixed') : [];
  const precedences = d.has('precedences') ? list<number[]>(d, 'precedences') : [];
  if (requested.length !== int(d, 'nMeetings')) throw new Error('requested rows differ from nMeetings');
  const participants = Array.from({ length: nBusiness }, (_, i) => ({
    id: String(i + 1),
    // 0 is the dummy element that keeps MiniZinc sets non-empty.
    forbiddenSlots: (forbidden[i] ?? []).filter((t) => t > 0).map((t) => t - 1),
  }));
  const meetings: MeetingInput[] = requested.map(([a, b, session], i) => {
    const m: MeetingInput = { id: String(i + 1), a: String(a), b: String(b), session: SESSIONS[session] ?? 'any' };
    if ((fixed[i] ?? 0) > 0) m.fixedSlot = fixed[i] - 1;
    const pre = precedences[i] ?? [];
    if (pre.length > 0) m.predecessors = pre.map(String);
    return m;
  });
  // Slots 1..nMorningSlots of the file are the morning session, the rest the afternoon.
  const nMorning = int(d, 'nMorningSlots');
  const slotSessions = Array.from({ length: nSlots }, (_, t) => (t < nMorning ? 'morning' : 'afternoon'));
  return { nSlots, slotSessions, tables: int(d, 'nTables'), participants, meetings };
}
