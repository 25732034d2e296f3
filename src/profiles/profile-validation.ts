import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../infra/http/validation';
import type { Taxonomy } from '../taxonomy/core';
import { ProfileInputDto } from './dto/profile-input.dto';

export interface FieldProblem {
  field: string;
  message: string;
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
  const problems: FieldProblem[] = flattenValidationErrors(errors).flatMap((e) => e.messages.map((message) => ({ field: e.field, message })));
  if (opts.requireExternalId && !dto.externalId) problems.push({ field: 'externalId', message: 'externalId is required in imports (profiles are upserted by it)' });
  if (Array.isArray(dto.sectors) && dto.sectors.every((s) => typeof s === 'string')) {
    const sectors = normaliseSectors(taxonomy, dto.sectors);
    problems.push(...sectors.problems);
    dto.sectors = sectors.codes;
  }
  return problems.length ? { ok: false, problems } : { ok: true, profile: dto };
}
