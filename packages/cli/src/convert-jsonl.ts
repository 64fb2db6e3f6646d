// JSON lines (https://jsonlines.org, also called NDJSON): one JSON object per line, LF or CRLF line
// ends, blank lines skipped. Each value carries its 1-based line number for error messages.
import { ParquetryError } from '@parquetry/core';
import { parseExactJson, parseJsonLine, type ExactJson } from './convert-json-parse.js';

export interface JsonRecord {
  line: number;
  value: { [key: string]: ExactJson };
}

function parseLine(text: string, line: number, exact: boolean): JsonRecord | undefined {
  if (text.endsWith('\r')) text = text.slice(0, -1);
  if (text.trim() === '') return undefined;
  let value: ExactJson;
  try {
    value = exact ? parseExactJson(text) : parseJsonLine(text);
  } catch (error) {
    const detail = ParquetryError.is(error) ? error.detail : (error as Error).message;
    throw new ParquetryError('CORRUPT', `JSON line ${line}: ${detail}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ParquetryError('CORRUPT', `JSON line ${line}: expected an object (one row), not ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}`);
  }
  return { line, value };
}

/**
 * Rows of a JSON-lines text stream in groups. The first `exactRows` rows are read with the exact
 * parser (integers as bigints), for schema inference; the rest with JSON.parse where it is exact.
 */
export async function* jsonRecords(chunks: AsyncIterable<string>, exactRows = 0): AsyncGenerator<JsonRecord[]> {
  let pending = '';
  let line = 0;
  let rows = 0;
  const take = (text: string, out: JsonRecord[]) => {
    const record = parseLine(text, ++line, rows < exactRows);
    if (record) {
      out.push(record);
      rows++;
    }
  };
  for await (const chunk of chunks) {
    const out: JsonRecord[] = [];
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', start)) {
      const text = chunk.slice(start, nl);
      take(pending ? pending + text : text, out);
      pending = '';
      start = nl + 1;
    }
    pending += chunk.slice(start);
    if (out.length) yield out;
  }
  if (pending) {
    const out: JsonRecord[] = [];
    take(pending, out);
    if (out.length) yield out;
  }
}
