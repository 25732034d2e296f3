import { plainToInstance } from 'class-transformer';
import { isUUID, validateSync } from 'class-validator';
import { flattenValidationErrors } from '../infra/http/validation';
import type { Taxonomy } from '../taxonomy/core';
import { ProfileInputDto } from './dto/profile-input.dto';

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Fields every profile has. null does not clear them: the columns are NOT NULL, and for PATCH it
 * would read as "clear" where the API means "keep" by leaving a field out. "" clears the description
 * and [] a list. (size, website, contactEmail and externalId take null: they may be unset.)
 */
export const NOT_NULL_FIELDS = ['name', 'kind', 'country', 'region', 'sectors', 'offers', 'seeks', 'cooperation', 'languages', 'description'] as const;

const CLEARED_BY: Partial<Record<(typeof NOT_NULL_FIELDS)[number], string>> = {
  description: '""',
  sectors: '[]',
  offers: '[]',
  seeks: '[]',
  cooperation: '[]',
  languages: '[]',
};

/** A problem for each NOT_NULL field given as null; used by create, update (`partial`) and import alike. */
export function nullProblems(value: object, opts: { partial: boolean }): FieldProblem[] {
  return NOT_NULL_FIELDS.filter((f) => (value as Record<string, unknown>)[f] === null).map((field) => {
    const hints = [opts.partial ? 'leave it out to keep it' : '', CLEARED_BY[field] ? `send ${CLEARED_BY[field]} to clear it` : ''].filter(Boolean);
    return { field, message: `${field} cannot be null${hints.length ? ` (${hints.join(', or ')})` : ''}` };
  });
}

/**
 * Normalises sector codes to canonical NACE codes ("2670" → "26.70", "JSIC:275" → its NACE targets),
 * reporting each unknown code by its position.
 */
export function normaliseSectors(taxonomy: Taxonomy, codes: string[]): { codes: string[]; problems: FieldProblem[] } {
  const out: string[] = [];
  const problems: FieldProblem[] = [];
  codes.forEach((code, i) => {
    const resolved = taxonomy.resolveCodes(code);
    if (resolved.length === 0) problems.push({ field: `sectors.${i}`, message: `unknown sector code "${code}" (expected NACE Rev. 2, e.g. 26.70, or JSIC:<code>)` });
    for (const c of resolved) if (!out.includes(c)) out.push(c);
  });
  return { codes: out, problems };
}

/** Validates one profile record (from HTTP or an import file) into a normalised input, or lists every problem. */
export function validateProfileRecord(
  value: unknown,
  taxonomy: Taxonomy,
  opts: { requireExternalId: boolean },
): { ok: true; profile: ProfileInputDto } | { ok: false; problems: FieldProblem[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problems: [{ field: 'record', message: 'expected a JSON object' }] };
  }
  const dto = plainToInstance(ProfileInputDto, value);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  // A null field gets the one message that says so instead of every type rule it fails.
  const nulls = nullProblems(value, { partial: false });
  const problems: FieldProblem[] = [
    ...nulls,
    ...flattenValidationErrors(errors)
      .filter((e) => !nulls.some((n) => n.field === e.field))
      .flatMap((e) => e.messages.map((message) => ({ field: e.field, message }))),
  ];
  if (opts.requireExternalId && !dto.externalId) problems.push({ field: 'externalId', message: 'externalId is required in imports (profiles are upserted by it)' });
  if (Array.isArray(dto.sectors) && dto.sectors.every((s) => typeof s === 'string')) {
    const sectors = normaliseSectors(taxonomy, dto.sectors);
    problems.push(...sectors.problems);
    dto.sectors = sectors.codes;
  }
  return problems.length ? { ok: false, problems } : { ok: true, profile: dto };
}

/**
 * Validates one import row: a profile record plus an optional `id`, the engine's id of the profile it
 * updates (exports carry it). null, "" or no id means none; a row then needs an externalId.
 */
export function validateImportRecord(
  value: unknown,
  taxonomy: Taxonomy,
): { ok: true; id: string | null; profile: ProfileInputDto } | { ok: false; problems: FieldProblem[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problems: [{ field: 'record', message: 'expected a JSON object' }] };
  const { id: rawId, ...rest } = value as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  let id: string | null = null;
  if (typeof rawId === 'string' && isUUID(rawId.trim())) id = rawId.trim().toLowerCase();
  else if (rawId !== undefined && rawId !== null && rawId !== '') problems.push({ field: 'id', message: 'id must be the UUID of a profile in the engine (as exported), or empty' });
  const r = validateProfileRecord(rest, taxonomy, { requireExternalId: false });
  if (!r.ok) problems.push(...r.problems);
  const hasId = id !== null || problems.some((p) => p.field === 'id');
  if (!hasId && !(r.ok ? r.profile.externalId : (rest as { externalId?: unknown }).externalId)) {
    problems.push({ field: 'externalId', message: 'externalId is required in imports unless the row has the id of the profile it updates (profiles are matched by id, else by externalId)' });
  }
  return problems.length || !r.ok ? { ok: false, problems } : { ok: true, id, profile: r.profile };
}
