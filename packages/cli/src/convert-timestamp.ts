// ISO 8601 dates and date-times as integers, without Date (whose range and millisecond precision
// fall short): `2024-05-06`, `2024-05-06T07:08:09`, `2024-05-06 07:08:09.123456789`, with an
// optional `Z` or `+hh:mm` / `-hhmm` / `+hh` offset; years may be `+yyyyyy`/`-yyyyyy` as ISO allows.
import type { TimeUnit } from './convert-schema.js';

export interface IsoDateTime {
  /** Days since 1970-01-01. */
  days: number;
  /** Seconds into the day (0..86399); 0 for a date alone. */
  seconds: number;
  /** The fraction digits of the seconds as written ('' when none). */
  fraction: string;
  /** Seconds east of UTC, or null when the text has no offset. */
  offset: number | null;
  /** The text has a time of day (not a date alone). */
  hasTime: boolean;
}

const ISO = /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days from 1970-01-01 to y-m-d (proleptic Gregorian), after Howard Hinnant's days_from_civil. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function parseIsoDateTime(text: string): IsoDateTime | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : MONTH_DAYS[month - 1])) return undefined;
  const hasTime = m[4] !== undefined;
  const hour = hasTime ? Number(m[4]) : 0;
  const minute = hasTime ? Number(m[5]) : 0;
  const second = m[6] !== undefined ? Number(m[6]) : 0;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offset: number | null = null;
  const zone = m[8];
  if (zone !== undefined) {
    if (zone === 'Z' || zone === 'z') offset = 0;
    else {
      const digits = zone.slice(1).replace(':', '');
      const oh = Number(digits.slice(0, 2));
      const om = digits.length > 2 ? Number(digits.slice(2)) : 0;
      if (oh > 23 || om > 59) return undefined;
      offset = (zone[0] === '-' ? -1 : 1) * (oh * 3600 + om * 60);
    }
  }
  return { days: daysFromCivil(year, month, day), seconds: hour * 3600 + minute * 60 + second, fraction: m[7] ?? '', offset, hasTime };
}

const PER_SECOND: Record<TimeUnit, bigint> = { s: 1n, ms: 1_000n, us: 1_000_000n, ns: 1_000_000_000n };
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Fraction digits that matter (trailing zeros dropped): 0..9. */
export function fractionDigits(value: IsoDateTime): number {
  return value.fraction.replace(/0+$/, '').length;
}

const DIGITS: Record<TimeUnit, number> = { s: 0, ms: 3, us: 6, ns: 9 };

/**
 * The instant in `unit` since the epoch (UTC when the text has an offset): a number while it is a
 * safe integer, else a bigint; undefined when the fraction is finer than the unit or the value
 * overflows int64.
 */
export function timestampIn(value: IsoDateTime, unit: TimeUnit): number | bigint | undefined {
  const digits = DIGITS[unit];
  const f = value.fraction;
  if (f.length > digits && !/^0*$/.test(f.slice(digits))) return undefined;
  const seconds = value.days * 86_400 + value.seconds - (value.offset ?? 0);
  const fraction = digits && f ? Number(f.slice(0, digits).padEnd(digits, '0')) : 0;
  // The fraction is never negative: seconds is the floor of the instant.
  const fast = seconds * 10 ** digits + fraction;
  if (Number.isSafeInteger(fast)) return fast;
  const result = BigInt(seconds) * PER_SECOND[unit] + BigInt(fraction);
  return result < INT64_MIN || result > INT64_MAX ? undefined : result;
}
