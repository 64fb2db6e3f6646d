// Node only: the encodings on pages that other writers made, read from the parquet-testing corpus
// through the reader (so on the backend in force) and compared with the values the corpus
// documents: the *_expect.csv files of the DELTA files, and the PLAIN twin of every
// BYTE_STREAM_SPLIT column.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memorySource, openParquet, readTable } from '@parquetry/parquet';
import type { Table } from 'apache-arrow';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { corpusRoot } from '../lib/python.js';

const data = () => join(corpusRoot(), 'data');

async function read(name: string): Promise<Table> {
  const file = await openParquet(memorySource(readFileSync(join(data(), name))));
  return readTable(file);
}

/** A CSV of the corpus: a header row, quoted or bare fields, empty meaning null. */
function readCsv(name: string): { header: string[]; rows: Array<Array<string | null>> } {
  const lines = readFileSync(join(data(), name), 'utf8').split('\n').filter((l) => l.length > 0);
  const parse = (line: string): Array<string | null> => {
    const fields: Array<string | null> = [];
    for (let at = 0; ; ) {
      if (line[at] === '"') {
        const end = line.indexOf('"', at + 1);
        fields.push(line.slice(at + 1, end));
        at = end + 1;
      } else {
        const end = line.indexOf(',', at);
        const raw = line.slice(at, end < 0 ? line.length : end);
        fields.push(raw === '' ? null : raw);
        at = end < 0 ? line.length : end;
      }
      if (line[at] !== ',') return fields;
      at++;
      if (at === line.length) return [...fields, null];
    }
  };
  const [header, ...rows] = lines.map(parse);
  return { header: header.map((h) => h ?? ''), rows };
}

/** A cell as the CSV writes it. */
function cell(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return String(value);
}

const corpus = suite('corpus pages: DELTA and BYTE_STREAM_SPLIT against their documented values');

for (const name of ['delta_binary_packed', 'delta_byte_array', 'delta_encoding_optional_column', 'delta_encoding_required_column']) {
  corpus(`${name}.parquet equals ${name}_expect.csv`, async () => {
    const table = await read(`${name}.parquet`);
    const { header, rows } = readCsv(`${name}_expect.csv`);
    assert.is(table.numRows, rows.length);
    assert.equal(
      // The required-column file names its fields with a trailing ':' that its CSV leaves out.
      table.schema.fields.map((f) => f.name.trim().replace(/:$/, '')),
      header.map((h) => h.trim()),
    );
    for (let c = 0; c < header.length; c++) {
      const column = table.getChildAt(c)!;
      for (let r = 0; r < rows.length; r++) {
        const want = rows[r][c];
        const got = cell(column.get(r));
        // The CSVs write empty strings as empty fields, like nulls.
        if (got !== want && !(want === null && got === '')) assert.unreachable(`${name} column ${header[c]} row ${r}: ${got} != ${want}`);
      }
    }
  });
}

corpus('delta_length_byte_array.parquet: 1000 strings, decoded alike on both paths', async () => {
  const table = await read('delta_length_byte_array.parquet');
  assert.is(table.numRows, 1000);
  const values = table.getChild('FRUIT')!.toArray() as string[];
  assert.ok(values.every((v) => typeof v === 'string' && v.length > 0));
});

corpus('byte_stream_split_extended.gzip.parquet: every BYTE_STREAM_SPLIT column equals its PLAIN twin', async () => {
  const table = await read('byte_stream_split_extended.gzip.parquet');
  assert.is(table.numRows, 200);
  let pairs = 0;
  for (const field of table.schema.fields) {
    if (!field.name.endsWith('_byte_stream_split')) continue;
    const twin = field.name.replace(/_byte_stream_split$/, '_plain');
    const a = table.getChild(field.name)!;
    const b = table.getChild(twin)!;
    for (let r = 0; r < table.numRows; r++) {
      const x = a.get(r);
      const y = b.get(r);
      const same = x instanceof Uint8Array ? Buffer.from(x).equals(Buffer.from(y)) : Object.is(x, y) || String(x) === String(y);
      if (!same) assert.unreachable(`${field.name} row ${r}: ${String(x)} != ${String(y)}`);
    }
    pairs++;
  }
  assert.is(pairs, 7);
});

corpus('byte_stream_split.zstd.parquet: 300 standard normals per column', async () => {
  const table = await read('byte_stream_split.zstd.parquet');
  for (const name of ['f32', 'f64']) {
    const values = Array.from(table.getChild(name)!.toArray() as Float64Array);
    assert.is(values.length, 300);
    const mean = values.reduce((s, v) => s + v, 0) / 300;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / 300);
    assert.ok(Math.abs(mean) < 0.2 && Math.abs(sd - 1) < 0.15, `${name}: mean ${mean}, sd ${sd}`);
  }
});

corpus.run();
