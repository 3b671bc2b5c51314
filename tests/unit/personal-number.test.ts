import { describe, expect, it } from 'vitest';
import { maskPersonalNumber } from '../../src/main/services/personal-number';

describe('maskPersonalNumber', () => {
  it('keeps the birth date and hides the serial and check digits', () => {
    expect(maskPersonalNumber('19850312-2384')).toBe('19850312-****');
    expect(maskPersonalNumber('198503122384')).toBe('19850312-****');
    expect(maskPersonalNumber('120385-1234')).toBe('120385-****');
  });

  it('hides anything it does not recognise completely', () => {
    expect(maskPersonalNumber('okänt')).toBe('*****');
    expect(maskPersonalNumber('1')).toBe('****');
  });
});
