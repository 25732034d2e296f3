import { matchImportRows, type StoredProfileKey } from './import-targets';

const x: StoredProfileKey = { id: 'id-x', externalId: 'ext-x' };
const y: StoredProfileKey = { id: 'id-y', externalId: null };
const z: StoredProfileKey = { id: 'id-z', externalId: 'ext-z' };
const byId = new Map([x, y, z].map((o) => [o.id, o]));
const byExternalId = new Map([x, z].map((o) => [o.externalId!, o]));
const match = (rows: { id?: string; externalId?: string }[]) =>
  matchImportRows(rows.map((r, i) => ({ line: i + 1, id: r.id ?? null, externalId: r.externalId ?? null })), byId, byExternalId);

describe('matchImportRows', () => {
  it('matches by id when a row has one, else by externalId; unmatched rows create', () => {
    const r = match([{ id: 'id-y' }, { id: 'id-x', externalId: 'ext-x' }, { externalId: 'ext-z' }, { externalId: 'new' }]);
    expect(r.errors).toEqual([]);
    expect(r.targets).toEqual([y, x, z, null]);
  });

  it('lets a row with an id give its profile a new externalId or none', () => {
    const r = match([{ id: 'id-x', externalId: 'renamed' }, { id: 'id-z' }]);
    expect(r.errors).toEqual([]);
    expect(r.targets).toEqual([x, z]);
  });

  it('matches a row whose id no profile has by its externalId (a file from another installation)', () => {
    const r = match([{ id: 'id-elsewhere-1', externalId: 'ext-x' }, { id: 'id-elsewhere-2', externalId: 'new' }]);
    expect(r.errors).toEqual([]);
    expect(r.targets).toEqual([x, null]);
  });

  it('names id for an unknown id without an externalId and for an externalId of another profile', () => {
    const r = match([{ id: 'id-gone' }, { id: 'id-y', externalId: 'ext-z' }]);
    expect(r.targets).toEqual([null, null]);
    expect(r.errors).toEqual([
      { line: 1, field: 'id', externalId: undefined, message: expect.stringContaining('no profile has the id id-gone') },
      { line: 2, field: 'id', externalId: 'ext-z', message: expect.stringContaining('belongs to another profile (id id-z)') },
    ]);
  });

  it('refuses two rows updating one profile, naming the field the later row was matched by', () => {
    const r = match([{ id: 'id-x', externalId: 'renamed' }, { externalId: 'ext-x' }, { externalId: 'ext-z' }, { id: 'id-z', externalId: 'ext-z' }, { id: 'id-elsewhere', externalId: 'ext-z' }]);
    expect(r.errors).toEqual([
      { line: 2, field: 'externalId', externalId: 'ext-x', message: 'updates the same profile (id id-x) as line 1' },
      { line: 4, field: 'id', externalId: 'ext-z', message: 'updates the same profile (id id-z) as line 3' },
      { line: 5, field: 'externalId', externalId: 'ext-z', message: 'updates the same profile (id id-z) as line 3' },
    ]);
  });
});
