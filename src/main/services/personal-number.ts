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
