import {
  computeCheckDigit,
  isValidIdNumber,
  makeIdNumber,
  maskIdNumber,
  parseIdNumber,
} from '../../server/platform/id-number';

const TODAY = '2025-06-30';

function expectError(raw: string, code: string, today: Date | string = TODAY): void {
  const result = parseIdNumber(raw, today);
  expect(result).toMatchObject({ ok: false, code });
  if (!result.ok) expect(result.message).toMatch(/身份证号码/);
}

describe('ID number check digit (ISO 7064 MOD 11-2)', () => {
  test('the standard example 11010519491231002X ends in X', () => {
    expect(computeCheckDigit('11010519491231002')).toBe('X');
  });

  test.each([
    ['37130219850612123', '0'],
    ['37020319900307004', '2'],
    ['65900120000229088', '4'],
  ])('%s → %s', (first17, check) => {
    expect(computeCheckDigit(first17)).toBe(check);
  });

  test('makeIdNumber appends the check character and pads the sequence', () => {
    expect(makeIdNumber('370203', '19900307', 4)).toBe('370203199003070042');
    expect(makeIdNumber('110105', '19491231', '002')).toBe('11010519491231002X');
  });

  test('makeIdNumber rejects malformed parts', () => {
    expect(() => makeIdNumber('3702', '19900307', 4)).toThrow();
    expect(() => makeIdNumber('370203', '1990-03-07', 4)).toThrow();
    expect(() => makeIdNumber('370203', '19900307', 1000)).toThrow();
  });
});

describe('parseIdNumber', () => {
  test('a valid number yields birth date, gender and region', () => {
    expect(parseIdNumber('371302198506121230', TODAY)).toEqual({
      ok: true,
      value: '371302198506121230',
      birthDate: '1985-06-12',
      gender: 'MALE',
      regionCode: '371302',
    });
  });

  test('an even 17th digit is a woman', () => {
    const result = parseIdNumber('11010519491231002X', TODAY);
    expect(result).toMatchObject({ ok: true, gender: 'FEMALE', birthDate: '1949-12-31', regionCode: '110105' });
  });

  test('lower-case x is accepted and normalised to X', () => {
    expect(parseIdNumber('11010519491231002x', TODAY)).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  test('spaces around and inside, and full-width characters, are tolerated', () => {
    expect(parseIdNumber('  110105 19491231 002X ', TODAY)).toMatchObject({ ok: true, value: '11010519491231002X' });
    expect(parseIdNumber('１１０１０５１９４９１２３１００２ｘ', TODAY)).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  test('a wrong check digit is rejected', () => {
    expectError('371302198506121231', 'ID_NUMBER_CHECK_DIGIT');
    expect(parseIdNumber('371302198506121231', TODAY)).toMatchObject({ message: '身份证号码校验位错误' });
  });

  test('17 or 19 characters, or 15-digit first-generation numbers, are the wrong length', () => {
    expectError('37130219850612123', 'ID_NUMBER_LENGTH');
    expectError('3713021985061212301', 'ID_NUMBER_LENGTH');
    expectError('371302850612123', 'ID_NUMBER_LENGTH');
  });

  test('an empty input asks for the number', () => {
    expectError('   ', 'ID_NUMBER_REQUIRED');
  });

  test('letters other than a final X are a format error', () => {
    expectError('3713021985061212X0', 'ID_NUMBER_FORMAT');
    expectError('37130219850612123Y', 'ID_NUMBER_FORMAT');
  });

  test('February 30th does not exist', () => {
    expectError(makeIdNumber('371302', '19990230', 123), 'ID_NUMBER_BIRTH_DATE');
  });

  test('February 29th exists only in leap years', () => {
    expect(parseIdNumber(makeIdNumber('659001', '20000229', 88), TODAY).ok).toBe(true);
    expectError(makeIdNumber('659001', '19000229', 88), 'ID_NUMBER_BIRTH_DATE');
  });

  test('month 13 and day 00 are rejected', () => {
    expectError(makeIdNumber('371302', '19851312', 123), 'ID_NUMBER_BIRTH_DATE');
    expectError(makeIdNumber('371302', '19850600', 123), 'ID_NUMBER_BIRTH_DATE');
  });

  test('a birth date after today is rejected; today itself is allowed', () => {
    expectError(makeIdNumber('371302', '20250701', 123), 'ID_NUMBER_BIRTH_DATE');
    expect(parseIdNumber(makeIdNumber('371302', '20250630', 123), TODAY).ok).toBe(true);
  });

  test('"today" given as a Date is read on the China calendar (UTC+8)', () => {
    const id = makeIdNumber('371302', '20250701', 123);
    expect(parseIdNumber(id, new Date('2025-06-30T15:59:59Z')).ok).toBe(false);
    expect(parseIdNumber(id, new Date('2025-06-30T16:00:00Z')).ok).toBe(true);
  });

  test('births before 1900 are rejected', () => {
    expectError(makeIdNumber('440524', '18800101', 1), 'ID_NUMBER_BIRTH_DATE');
  });

  test('region codes must start with a real province-level code', () => {
    expectError(makeIdNumber('001302', '19850612', 123), 'ID_NUMBER_REGION');
    expectError(makeIdNumber('991302', '19850612', 123), 'ID_NUMBER_REGION');
    expectError(makeIdNumber('241302', '19850612', 123), 'ID_NUMBER_REGION');
  });

  test('a bare province code (xx0000) is not a place of registration', () => {
    expectError(makeIdNumber('370000', '19850612', 123), 'ID_NUMBER_REGION');
  });

  test('Hong Kong, Macao and Taiwan residence permits use 810000, 820000, 830000 exactly', () => {
    expect(parseIdNumber(makeIdNumber('810000', '19850612', 123), TODAY).ok).toBe(true);
    expect(parseIdNumber(makeIdNumber('830000', '19850612', 124), TODAY).ok).toBe(true);
    expectError(makeIdNumber('810101', '19850612', 123), 'ID_NUMBER_REGION');
  });

  test('isValidIdNumber is the boolean form', () => {
    expect(isValidIdNumber('11010519491231002X', TODAY)).toBe(true);
    expect(isValidIdNumber('110105194912310021', TODAY)).toBe(false);
  });
});

describe('maskIdNumber', () => {
  test('keeps the first four and last four characters', () => {
    expect(maskIdNumber('370102199003071238')).toBe('3701**********1238');
    expect(maskIdNumber('11010519491231002x')).toBe('1101**********002X');
  });

  test('hides short inputs completely', () => {
    expect(maskIdNumber('1234567')).toBe('*******');
  });
});
