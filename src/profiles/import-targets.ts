import type { RecordError } from './profile-records';

/** What an import row is matched by: the engine's id (exports carry it), else its externalId. */
export interface ImportRowKey {
  line: number;
  id: string | null;
  externalId: string | null;
}

/** The part of a stored profile the matching reads. */
export interface StoredProfileKey {
  id: string;
  externalId: string | null;
}

/**
 * Finds the profile each row updates (null: the row creates one), or every row that cannot be
 * matched. A row with the id of a profile updates that profile, taking the row's externalId (none
 * clears it), which must not be another profile's. Any other row updates the profile with its
 * externalId, if there is one, else creates it: an id no profile has (a file from another
 * installation, or a deleted profile) is matched by externalId as files without ids are, and is an
 * error only in a row without an externalId, which nothing else identifies. Two rows may not update
 * one profile.
 */
/** The field a row was matched to its profile by, for its errors: id, unless it fell back to externalId. */
export function matchedBy(row: Pick<ImportRowKey, 'id'>, target: StoredProfileKey | null): 'id' | 'externalId' {
  return row.id && (!target || target.id === row.id) ? 'id' : 'externalId';
}

export function matchImportRows<T extends StoredProfileKey>(
  rows: ImportRowKey[],
  byId: ReadonlyMap<string, T>,
  byExternalId: ReadonlyMap<string, T>,
): { targets: (T | null)[]; errors: RecordError[] } {
  const errors: RecordError[] = [];
  const targets: (T | null)[] = [];
  const lineOf = new Map<string, number>();
  for (const row of rows) {
    const externalId = row.externalId ?? undefined;
    let target: T | null = null;
    if (row.id) {
      const org = byId.get(row.id);
      const holder = row.externalId ? byExternalId.get(row.externalId) : undefined;
      if (!org && row.externalId) {
        target = holder ?? null;
      } else if (!org) {
        errors.push({ line: row.line, field: 'id', externalId, message: `no profile has the id ${row.id} (deleted, or from another installation); give the row an externalId to create the profile` });
      } else if (holder && holder.id !== org.id) {
        errors.push({ line: row.line, field: 'id', externalId, message: `the row's externalId ${row.externalId} belongs to another profile (id ${holder.id}) than this id` });
      } else target = org;
    } else if (row.externalId) {
      target = byExternalId.get(row.externalId) ?? null;
    }
    if (target) {
      const first = lineOf.get(target.id);
      if (first !== undefined) {
        errors.push({ line: row.line, field: matchedBy(row, target), externalId, message: `updates the same profile (id ${target.id}) as line ${first}` });
        target = null;
      } else lineOf.set(target.id, row.line);
    }
    targets.push(target);
  }
  return { targets, errors };
}
