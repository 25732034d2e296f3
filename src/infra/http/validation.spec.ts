import { plainToInstance, Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested, validateSync } from 'class-validator';
import { flattenValidationErrors, nulCharacterPaths } from './validation';

class Inner {
  @IsInt() @Min(1) slots: number;
}
class Outer {
  @IsString() name: string;
  @ValidateNested() @Type(() => Inner) inner: Inner;
}

describe('flattenValidationErrors', () => {
  it('names nested fields by their dotted path', () => {
    const errors = validateSync(plainToInstance(Outer, { name: 3, inner: { slots: 0 } }));
    const flat = flattenValidationErrors(errors);
    expect(flat.map((f) => f.field)).toEqual(['name', 'inner.slots']);
    expect(flat[1].messages).toEqual(['slots must not be less than 1']);
  });

  it('returns nothing for a valid object', () => {
    expect(flattenValidationErrors(validateSync(plainToInstance(Outer, { name: 'x', inner: { slots: 2 } })))).toEqual([]);
  });
});

describe('nulCharacterPaths', () => {
  it('names every string (and key) holding U+0000 by its dotted path', () => {
    expect(nulCharacterPaths({ name: 'a\u0000b', days: [{ sessions: [{ name: 'ok' }, { name: '\u0000' }] }], ['k\u0000']: 1 })).toEqual(['name', 'days.0.sessions.1.name', 'k\u0000']);
    expect(nulCharacterPaths('x\u0000')).toEqual(['']);
  });

  it('finds nothing in clean values and stops at the limit', () => {
    expect(nulCharacterPaths({ name: 'Jena', n: 3, list: ['a', null], nested: { ok: true } })).toEqual([]);
    expect(nulCharacterPaths(Array.from({ length: 50 }, () => '\u0000'), 3)).toEqual(['0', '1', '2']);
  });
});
