// An RFC 4180 CSV parser that streams: text arrives in chunks that may split a record, a quoted
// field, a "" escape or a CRLF anywhere. Fields are separated by commas, records by CRLF, LF or a
// lone CR; a field in double quotes may hold commas, line breaks and "" (one quote). An unquoted
// empty field is `null` (an empty cell); a quoted empty field ("") is the empty string. Blank lines
// are skipped. Each record carries the 1-based line its text starts on, for error messages.
import { ParquetryError } from '@parquetry/core';

export type CsvField = string | null;

export interface CsvRecord {
  line: number;
  fields: CsvField[];
}

const SEPARATOR = /[,\r\n]/g;

export class CsvParser {
  private fields: CsvField[] = [];
  private field = '';
  /** The current field began with a quote (so it is a string, even if empty). */
  private quoted = false;
  /** Inside a quoted field. */
  private inQuotes = false;
  /** A quote ended the previous chunk inside a quoted field: it closes the field or starts "". */
  private quoteAtEnd = false;
  /** The closing quote has been read; only a separator may follow. */
  private closed = false;
  /** A CR ended the previous chunk: a following LF belongs to it. */
  private crAtEnd = false;
  private line = 1;
  private recordLine = 1;
  private out: CsvRecord[] = [];

  /** Parses `text` and returns the records it completed. */
  push(text: string): CsvRecord[] {
    let i = 0;
    const n = text.length;
    if (this.crAtEnd && n > 0) {
      this.crAtEnd = false;
      if (text.charCodeAt(0) === 10) i = 1;
    }
    if (this.quoteAtEnd && n > 0) {
      this.quoteAtEnd = false;
      if (text.charCodeAt(0) === 34) {
        this.field += '"';
        i = 1;
      } else {
        this.inQuotes = false;
        this.closed = true;
      }
    }
    while (i < n) {
      if (this.inQuotes) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          this.take(text, i, n);
          i = n;
          break;
        }
        this.take(text, i, q);
        if (q + 1 === n) {
          this.quoteAtEnd = true;
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === 34) {
          this.field += '"';
          i = q + 2;
        } else {
          this.inQuotes = false;
          this.closed = true;
          i = q + 1;
        }
        continue;
      }
      const c = text.charCodeAt(i);
      if (this.closed) {
        if (c !== 44 && c !== 10 && c !== 13) {
          throw new ParquetryError('CORRUPT', `CSV line ${this.line}: a quoted field must end at its closing quote, but ${JSON.stringify(text[i])} follows it`);
        }
      } else if (c === 34 && this.field === '' && !this.quoted) {
        this.quoted = true;
        this.inQuotes = true;
        i++;
        continue;
      }
      SEPARATOR.lastIndex = i;
      const found = SEPARATOR.exec(text);
      const end = found ? found.index : n;
      if (end > i) this.field += text.slice(i, end);
      if (!found) {
        i = n;
        break;
      }
      const sep = text.charCodeAt(end);
      i = end + 1;
      this.endField();
      if (sep === 44) continue;
      if (sep === 13) {
        if (i === n) this.crAtEnd = true;
        else if (text.charCodeAt(i) === 10) i++;
      }
      this.endRecord();
      this.line++;
      this.recordLine = this.line;
    }
    const done = this.out;
    this.out = [];
    return done;
  }

  /** Ends the input: returns the last record if it had no line break after it. */
  end(): CsvRecord[] {
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      this.inQuotes = false;
      this.closed = true;
    }
    if (this.inQuotes) throw new ParquetryError('CORRUPT', `CSV line ${this.recordLine}: a quoted field is never closed (the input ends inside it)`);
    if (this.fields.length || this.field !== '' || this.quoted) {
      this.endField();
      this.endRecord();
    }
    const done = this.out;
    this.out = [];
    return done;
  }

  /** Quoted text from `start` to `end`, counting the line feeds inside it. */
  private take(text: string, start: number, end: number): void {
    const part = text.slice(start, end);
    for (let k = part.indexOf('\n'); k >= 0; k = part.indexOf('\n', k + 1)) this.line++;
    this.field += part;
  }

  private endField(): void {
    this.fields.push(this.field === '' && !this.quoted ? null : this.field);
    this.field = '';
    this.quoted = false;
    this.closed = false;
  }

  private endRecord(): void {
    const fields = this.fields;
    this.fields = [];
    // A blank line is one unquoted empty field: skipped.
    if (fields.length === 1 && fields[0] === null) return;
    this.out.push({ line: this.recordLine, fields });
  }
}

/** Records of a CSV text stream, in groups as the chunks complete them. */
export async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<CsvRecord[]> {
  const parser = new CsvParser();
  for await (const chunk of chunks) {
    const records = parser.push(chunk);
    if (records.length) yield records;
  }
  const last = parser.end();
  if (last.length) yield last;
}
