// JSON text to values, keeping what JSON.parse loses: an integer literal becomes a bigint (exact at
// any size), a literal with a fraction or exponent a number. Schema inference reads its sample with
// this, so `1` and `1.0` infer int64 and float64, and 9007199254740993 stays itself. Conversion uses
// JSON.parse (several times faster) for lines without long digit runs and this for the rest.
import { ParquetryError } from '@parquetry/core';

export type ExactJson = null | boolean | number | bigint | string | ExactJson[] | { [key: string]: ExactJson };

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const STRING_END = /["\\\u0000-\u001f]/g;

class Parser {
  i = 0;
  constructor(readonly text: string) {}

  fail(what: string): never {
    throw new ParquetryError('CORRUPT', `${what} at character ${this.i + 1}`);
  }

  space(): void {
    const t = this.text;
    let c = t.charCodeAt(this.i);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = t.charCodeAt(++this.i);
  }

  value(depth: number): ExactJson {
    if (depth > 512) this.fail('JSON nested deeper than 512 levels');
    this.space();
    const t = this.text;
    const c = t[this.i];
    if (c === '{') {
      this.i++;
      const out: Record<string, ExactJson> = {};
      this.space();
      if (t[this.i] === '}') {
        this.i++;
        return out;
      }
      for (;;) {
        this.space();
        if (t[this.i] !== '"') this.fail('expected a string key');
        const key = this.string();
        this.space();
        if (t[this.i++] !== ':') this.fail('expected ":"');
        Object.defineProperty(out, key, { value: this.value(depth + 1), enumerable: true, writable: true, configurable: true });
        this.space();
        const next = t[this.i++];
        if (next === '}') return out;
        if (next !== ',') this.fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      this.i++;
      const out: ExactJson[] = [];
      this.space();
      if (t[this.i] === ']') {
        this.i++;
        return out;
      }
      for (;;) {
        out.push(this.value(depth + 1));
        this.space();
        const next = t[this.i++];
        if (next === ']') return out;
        if (next !== ',') this.fail('expected "," or "]"');
      }
    }
    if (c === '"') return this.string();
    if (t.startsWith('true', this.i)) return (this.i += 4), true;
    if (t.startsWith('false', this.i)) return (this.i += 5), false;
    if (t.startsWith('null', this.i)) return (this.i += 4), null;
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(t);
    if (!m) this.fail(this.i >= t.length ? 'unexpected end of JSON' : `unexpected ${JSON.stringify(c)}`);
    this.i += m[0].length;
    return m[1] === undefined && m[2] === undefined ? BigInt(m[0]) : Number(m[0]);
  }

  string(): string {
    const t = this.text;
    const start = ++this.i;
    STRING_END.lastIndex = start;
    const m = STRING_END.exec(t);
    if (m && m[0] === '"') {
      this.i = m.index + 1;
      return t.slice(start, m.index);
    }
    // Escapes (or an error): let JSON.parse read the string literal, which it does exactly.
    let k = start;
    for (;;) {
      const c = t.charCodeAt(k);
      if (Number.isNaN(c)) this.fail('unterminated string');
      if (c === 34) break;
      k += c === 92 ? 2 : 1;
    }
    this.i = k + 1;
    try {
      return JSON.parse(t.slice(start - 1, k + 1)) as string;
    } catch {
      this.i = start;
      return this.fail('a bad string literal');
    }
  }
}

export function parseExactJson(text: string): ExactJson {
  const parser = new Parser(text);
  const value = parser.value(0);
  parser.space();
  if (parser.i < text.length) parser.fail('unexpected text after the JSON value');
  return value;
}

/**
 * An integer literal of 16 or more digits may lose precision in JSON.parse (fractions and exponents
 * do not: JSON.parse reads them as Number does). Such a literal follows ':', ',', '[' or a space.
 * Text inside strings may match too, which only costs the slower parser.
 */
const LONG_DIGITS = /[:,[\s]-?\d{16}/;

/** One line's value: JSON.parse when it is exact, else parseExactJson. */
export function parseJsonLine(text: string): ExactJson {
  if (LONG_DIGITS.test(text)) return parseExactJson(text);
  try {
    return JSON.parse(text) as ExactJson;
  } catch (error) {
    // Report the problem the way the exact parser words it.
    parseExactJson(text);
    throw error;
  }
}
