import { joinListCell, parseProfileRecords, RecordParseError, serialiseProfileRecords, splitListCell, type ExportRecord } from './profile-records';

const rec: ExportRecord = {
  id: '0b7c4a52-3f1e-4c8a-9d2e-5a6b7c8d9e0f',
  externalId: 'de-jena-1',
  name: 'Saale Optik GmbH',
  kind: 'company',
  country: 'DE',
  region: 'Jena',
  sectors: ['26.70', '32.50'],
  offers: ['Präzisionslinsen', 'contract manufacturing, coating'],
  seeks: ['販売代理店'],
  cooperation: ['supply', 'distribution'],
  languages: ['de', 'en'],
  description: 'Wir fertigen Linsen, "präzise".',
  size: 'sme',
  website: null,
  contactEmail: null,
};

describe('profile records', () => {
  it('reads JSON Lines with line numbers, skipping blank lines', () => {
    const records = parseProfileRecords('{"a":1}\n\n{"a":2}\n', 'jsonl');
    expect(records).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 3, value: { a: 2 } },
    ]);
  });

  it('names every malformed JSON line', () => {
    try {
      parseProfileRecords('{"a":1}\n{oops\n{"a":2}\n[\n', 'jsonl');
      throw new Error('expected a parse error');
    } catch (e) {
      expect(e).toBeInstanceOf(RecordParseError);
      expect((e as RecordParseError).errors.map((x) => x.line)).toEqual([2, 4]);
    }
  });

  it('accepts a JSON array or {profiles: [...]}', () => {
    expect(parseProfileRecords('[{"a":1},{"a":2}]', 'json').map((r) => r.line)).toEqual([1, 2]);
    expect(parseProfileRecords('{"profiles":[{"a":1}]}', 'json')).toEqual([{ line: 1, value: { a: 1 } }]);
    expect(() => parseProfileRecords('{"a":1}', 'json')).toThrow(RecordParseError);
  });

  it('splits CSV list fields on semicolons and keeps file line numbers', () => {
    const csv = 'externalId,name,sectors,offers,size\nx1,A,26.70;32.50,lenses; coatings ,\n\nx2,"B, Inc",,"one;two",sme\n';
    const records = parseProfileRecords(csv, 'csv');
    expect(records).toEqual([
      { line: 2, value: { externalId: 'x1', name: 'A', sectors: ['26.70', '32.50'], offers: ['lenses', 'coatings'], size: null } },
      { line: 4, value: { externalId: 'x2', name: 'B, Inc', sectors: [], offers: ['one', 'two'], size: 'sme' } },
    ]);
  });

  it('escapes ; and \\ inside CSV list items so they survive export → import', () => {
    const tricky: ExportRecord = { ...rec, offers: ['R&D; prototyping', 'C:\\lenses\\', 'a\\;b', ';'], seeks: ['x\\y'] };
    const text = serialiseProfileRecords([tricky], 'csv');
    expect(text).toContain('R&D\\; prototyping;C:\\\\lenses\\\\;a\\\\\\;b;\\;');
    expect(parseProfileRecords(text, 'csv')[0].value).toEqual(tricky);
  });

  it('reads list cells written before the escape as before (a lone backslash stays)', () => {
    expect(splitListCell('lenses; coatings;;C:\\optics\\x')).toEqual(['lenses', 'coatings', 'C:\\optics\\x']);
    expect(splitListCell('')).toEqual([]);
    expect(splitListCell(joinListCell(['a;b', 'c\\', 'd']))).toEqual(['a;b', 'c\\', 'd']);
  });

  it('writes CSV with formulas escaped by \' and blanks at either end quoted, and reads every value back', () => {
    const nasty: ExportRecord = {
      ...rec,
      externalId: '-17',
      name: '=HYPERLINK("http://evil.example","click")',
      region: '＝浜松',
      offers: ['+cmd', '@SUM(A1)', '\'s-Hertogenbosch'],
      seeks: ["'=already quoted"],
      description: '  －見本市のご案内\r\n2行目\n"Zitat", Ende  ',
      website: '\tx',
    };
    const text = serialiseProfileRecords([rec, nasty], 'csv');
    expect(text).toMatch(/^id,externalId,[^\r\n]*,contactEmail\n0b7c4a52-[^\r\n]*,de-jena-1,[^\r\n]*,sme,,\n0b7c4a52-[^,]*,'-17,/);
    expect(text).toContain(`,'-17,"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(text).toContain(`,'＝浜松,26.70;32.50,'+cmd;@SUM(A1);'s-Hertogenbosch,''=already quoted,`);
    expect(text).toContain(`,"  －見本市のご案内\r\n2行目\n""Zitat"", Ende  ",sme,'\tx,\n`);
    expect(parseProfileRecords(text, 'csv').map((r) => r.value)).toEqual([rec, nasty]);
  });

  it('reads an empty CSV id or externalId cell as none (null)', () => {
    const [r] = parseProfileRecords('id,externalId,name\n,,A\n', 'csv');
    expect(r.value).toEqual({ id: null, externalId: null, name: 'A' });
  });

  it.each(['json', 'jsonl', 'csv'] as const)('round-trips %s export → import', (format) => {
    const text = serialiseProfileRecords([rec], format);
    const [back] = parseProfileRecords(text, format);
    expect(back.value).toEqual(rec);
  });
});
