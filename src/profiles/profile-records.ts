import { parse as parseCsvText } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';

// Import/export file formats for profiles: JSON (an array), JSON Lines and CSV with list fields
// separated by ';'. Parsing keeps each record's line number so errors can point at it.
//
// CSV list cells escape with a backslash: "\;" is a ';' inside an item and "\\" a backslash, so
// ["R&D; prototyping", "a\b"] is written `R&D\; prototyping;a\\b` and reads back the same. A
// backslash before any other character stays as it is, so files written before the escape existed
// (lists split on every ';', backslashes unescaped) read as they did unless an item held "\;" or "\\".

export const PROFILE_FORMATS = ['json', 'jsonl', 'csv'] as const;
export type ProfileFormat = (typeof PROFILE_FORMATS)[number];

export const LIST_FIELDS = ['sectors', 'offers', 'seeks', 'cooperation', 'languages'] as const;
// `id` is the engine's id: an exported row carries it, so a profile without an externalId imports
// back onto itself; files written by hand may leave it out (rows are then matched by externalId).
export const PROFILE_COLUMNS = [
  'id',
  'externalId',
  'name',
  'kind',
  'country',
  'region',
  'sectors',
  'offers',
  'seeks',
  'cooperation',
  'languages',
  'description',
  'size',
  'website',
  'contactEmail',
] as const;

export interface RawRecord {
  /** 1-based line in the file (for JSON arrays: the position in the array). */
  line: number;
  value: unknown;
}

export interface RecordError {
  line: number;
  field: string;
  message: string;
  externalId?: string;
}

export class RecordParseError extends Error {
  constructor(readonly errors: RecordError[]) {
    super(errors.map((e) => `line ${e.line}: ${e.message}`).join('; '));
  }
}

export function parseProfileRecords(text: string, format: ProfileFormat): RawRecord[] {
  switch (format) {
    case 'json':
      return parseJson(text);
    case 'jsonl':
      return parseJsonLines(text);
    case 'csv':
      return parseCsv(text);
  }
}

function parseJson(text: string): RawRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new RecordParseError([{ line: 1, field: 'file', message: `not valid JSON: ${(e as Error).message}` }]);
  }
  const list = Array.isArray(data) ? data : (data as { profiles?: unknown })?.profiles;
  if (!Array.isArray(list)) throw new RecordParseError([{ line: 1, field: 'file', message: 'expected a JSON array of profiles (or {"profiles": [...]})' }]);
  return list.map((value, i) => ({ line: i + 1, value }));
}

function parseJsonLines(text: string): RawRecord[] {
  const records: RawRecord[] = [];
  const errors: RecordError[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    try {
      records.push({ line: i + 1, value: JSON.parse(line) });
    } catch (e) {
      errors.push({ line: i + 1, field: 'line', message: `not valid JSON: ${(e as Error).message}` });
    }
  });
  if (errors.length) throw new RecordParseError(errors);
  return records;
}

function parseCsv(text: string): RawRecord[] {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parseCsvText<{ record: Record<string, string>; info: { lines: number } }>(text, { columns: true, bom: true, skip_empty_lines: true, trim: true, info: true });
  } catch (e) {
    const err = e as { message: string; lines?: number };
    throw new RecordParseError([{ line: err.lines ?? 1, field: 'file', message: `not valid CSV: ${err.message}` }]);
  }
  return rows.map(({ record, info }) => ({ line: info.lines, value: csvRecordToObject(record) }));
}

// A cell a spreadsheet would run as a formula: it starts with =, +, -, @, tab or CR (or their
// full-width forms, which Japanese input produces and spreadsheets read the same). The export puts a
// ' before such a cell and before one that already starts with ' and then such a character, and the
// import takes one ' off again, so every value reads back as it was written.
const FORMULA_START = /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const ESCAPED_FORMULA = /^'+[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function escapeFormulaCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function unescapeFormulaCell(cell: string): string {
  return ESCAPED_FORMULA.test(cell) ? cell.slice(1) : cell;
}

/** CSV cells are strings: split list fields on unescaped ';', map empty optional cells to null. */
function csvRecordToObject(record: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(record)) {
    const cell = unescapeFormulaCell(raw);
    if ((LIST_FIELDS as readonly string[]).includes(key)) {
      out[key] = splitListCell(cell);
    } else if (['size', 'website', 'contactEmail', 'externalId', 'id'].includes(key)) {
      out[key] = cell === '' ? null : cell;
    } else {
      out[key] = cell;
    }
  }
  return out;
}

/** Splits a CSV list cell on the ';' not escaped by '\', undoing "\;" and "\\"; items are trimmed, empty ones dropped. */
export function splitListCell(cell: string): string[] {
  const items: string[] = [];
  let item = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i];
    if (c === '\\' && (cell[i + 1] === ';' || cell[i + 1] === '\\')) item += cell[++i];
    else if (c === ';') {
      items.push(item);
      item = '';
    } else item += c;
  }
  items.push(item);
  return items.map((s) => s.trim()).filter((s) => s !== '');
}

/** Joins list items into one CSV cell, escaping '\' and ';' (splitListCell's inverse). */
export function joinListCell(items: string[]): string {
  return items.map((s) => s.replace(/[\\;]/g, (c) => `\\${c}`)).join(';');
}

export type ExportRecord = Record<(typeof PROFILE_COLUMNS)[number], string | string[] | null>;

export function serialiseProfileRecords(records: ExportRecord[], format: ProfileFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(records, null, 2) + '\n';
    case 'jsonl':
      return records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');
    case 'csv':
      // Formulas escaped (escapeFormulaCell) as in the other CSV exports, and cells with leading or
      // trailing blanks quoted so the import's trimming keeps them. (The HTTP export adds a byte order mark.)
      return stringifyCsv(
        records.map((r) => PROFILE_COLUMNS.map((c) => {
          const v = r[c];
          return escapeFormulaCell(Array.isArray(v) ? joinListCell(v) : (v ?? ''));
        })),
        { header: true, columns: [...PROFILE_COLUMNS], quoted_match: /^\s|\s$/ },
      );
  }
}
