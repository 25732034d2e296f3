import { plainToInstance, Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested, validateSync } from 'class-validator';
import { flattenValidationErrors } from './validation';

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
