/**
 * Masks a personal identity number for display: the birth date stays (it tells two customers
 * apart at a glance), the serial and check digits do not. "19850312-1234" -> "19850312-****",
 * Danish CPR "120385-1234" -> "120385-****".
 */
export function maskPersonalNumber(value: string): string {
  const m = /^(\d{6,8})[-+ ]?(\d{4})$/.exec(value.trim());
  if (!m) return '*'.repeat(Math.max(4, value.length));
  return `${m[1]}-****`;
}

/**
 * Masks every personal-number-like run of digits in free text (Swedish YYYYMMDD-NNNN / YYMMDD-NNNN,
 * Danish DDMMYY-NNNN), keeping search-highlight markers (U+0002, U+0003) where they were.
 */
const MARKERS = `[${String.fromCharCode(2)}${String.fromCharCode(3)}]*`;
const NUMBER_IN_TEXT = new RegExp(`(?<!\\d)(\\d{6}|\\d{8})(${MARKERS}[-+ ]?${MARKERS})\\d{4}(?!\\d)`, 'g');

export function maskPersonalNumbersInText(text: string): string {
  return text.replace(NUMBER_IN_TEXT, '$1$2****');
}
