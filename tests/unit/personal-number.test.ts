import { describe, expect, it } from 'vitest';
import { maskPersonalNumber, maskPersonalNumbersInText } from '../../src/main/services/personal-number';

describe('masking personal numbers in free text', () => {
  it('masks Swedish and Danish numbers, with or without dash, and keeps highlight markers', () => {
    expect(maskPersonalNumbersInText('Mitt personnummer är 19850312-2384, ring mig')).toBe('Mitt personnummer är 19850312-****, ring mig');
    expect(maskPersonalNumbersInText('pnr 850312-2384 och 198503122384')).toBe('pnr 850312-**** och 19850312****');
    expect(maskPersonalNumbersInText('CPR 120385-1234')).toBe('CPR 120385-****');
    expect(maskPersonalNumbersInText('\u000219850312\u0003-\u00022384\u0003')).toBe('\u000219850312\u0003-\u0002****\u0003');
    // Phone numbers, amounts and order references stay.
    expect(maskPersonalNumbersInText('+46 70 123 45 67, 1 499,00 kr, ORD-000123')).toBe('+46 70 123 45 67, 1 499,00 kr, ORD-000123');
    expect(maskPersonalNumber('19850312-2384')).toBe('19850312-****');
  });
});
