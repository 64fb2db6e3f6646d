// Calendar arithmetic on integers (proleptic Gregorian), so dates far outside what Date or Python's
// datetime hold (year 290000, year -5000) still format. days <-> (year, month, day) after Howard
// Hinnant's days_from_civil / civil_from_days, done in BigInt.

export function civilFromDays(days: bigint): { year: bigint; month: number; day: number } {
  const z = days + 719468n;
  const era = (z >= 0n ? z : z - 146096n) / 146097n;
  const doe = z - era * 146097n;
  const yoe = (doe - doe / 1460n + doe / 36524n - doe / 146096n) / 365n;
  const doy = doe - (365n * yoe + yoe / 4n - yoe / 100n);
  const mp = (5n * doy + 2n) / 153n;
  const day = Number(doy - (153n * mp + 2n) / 5n + 1n);
  const month = Number(mp < 10n ? mp + 3n : mp - 9n);
  const year = yoe + era * 400n + (month <= 2 ? 1n : 0n);
  return { year, month, day };
}

const pad = (n: number | bigint, width: number) => String(n).padStart(width, '0');

/** ISO 8601 year: four digits for 0..9999, else a sign and at least six digits (as JS Date does). */
export function isoYear(year: bigint): string {
  if (year >= 0n && year <= 9999n) return pad(year, 4);
  return `${year < 0n ? '-' : '+'}${pad(year < 0n ? -year : year, 6)}`;
}

export function isoDate(days: bigint): string {
  const { year, month, day } = civilFromDays(days);
  return `${isoYear(year)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Floor division and remainder for BigInt. */
export function floorDivMod(a: bigint, b: bigint): [bigint, bigint] {
  let q = a / b;
  let r = a % b;
  if (r < 0n) {
    q -= 1n;
    r += b;
  }
  return [q, r];
}

const UNIT_DIGITS = { s: 0, ms: 3, us: 6, ns: 9 } as const;
export type ClockUnit = keyof typeof UNIT_DIGITS;
const PER_SECOND: Record<ClockUnit, bigint> = { s: 1n, ms: 1000n, us: 1_000_000n, ns: 1_000_000_000n };

/** HH:MM:SS plus the unit's fraction digits, from a count of units since midnight. */
export function isoTime(count: bigint, unit: ClockUnit): string {
  const [seconds, fraction] = floorDivMod(count, PER_SECOND[unit]);
  const h = seconds / 3600n;
  const m = (seconds / 60n) % 60n;
  const s = seconds % 60n;
  const frac = UNIT_DIGITS[unit] ? `.${pad(fraction, UNIT_DIGITS[unit])}` : '';
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}${frac}`;
}

export function isoTimestamp(count: bigint, unit: ClockUnit, utc: boolean): string {
  const [seconds, fraction] = floorDivMod(count, PER_SECOND[unit]);
  const [days, secondOfDay] = floorDivMod(seconds, 86400n);
  const time = isoTime(secondOfDay * PER_SECOND[unit] + fraction, unit);
  return `${isoDate(days)}T${time}${utc ? 'Z' : ''}`;
}
