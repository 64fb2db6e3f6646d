// Node only: Parquetry's declarative Thrift decoder against the independent compact-protocol
// decoder in test/reference (Python, written from the protocol description), on the footer of every
// file in the parquet-testing corpus. Both must see the same field ids and values wherever
// parquet.thrift describes the field; fields it does not describe, or sent with another wire type,
// Parquetry skips by design, and so they are left out of the comparison.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeStruct, FileMetaData, type FieldType, type StructDef } from '@parquetry/thrift';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { corpusRoot, runReference } from '../lib/python.js';

type Tree = unknown;
const hex = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.length).toString('hex');

/** Parquetry's value as the reference prints it: structs keyed by field id, byte strings as hex. */
function ours(type: FieldType, value: unknown): Tree {
  if (type === 'binary') return { hex: hex(value as Uint8Array) };
  if (type === 'string') return { hex: Buffer.from(value as string, 'utf8').toString('hex') };
  if (typeof type === 'string') return value;
  if ('kind' in type) {
    const out: Record<string, Tree> = {};
    for (const field of (type as StructDef).fields) {
      const v = (value as Record<string, unknown>)[field.name];
      if (v !== undefined) out[String(field.id)] = ours(field.type, v);
    }
    return out;
  }
  const element = 'list' in type ? type.list : type.lazyList;
  return [...(value as Iterable<unknown>)].map((v) => ours(element, v));
}

/** Whether the reference's value has the shape `type` describes (else Parquetry skipped it). */
function fits(type: FieldType, v: Tree): boolean {
  if (type === 'bool') return typeof v === 'boolean';
  if (type === 'i8' || type === 'i16' || type === 'i32' || type === 'i64' || type === 'double') return typeof v === 'number';
  if (type === 'binary' || type === 'string') return typeof v === 'object' && v !== null && 'hex' in v;
  if ('kind' in type) return typeof v === 'object' && v !== null && !Array.isArray(v) && !('hex' in v);
  return Array.isArray(v);
}

/** The reference's tree cut down to the fields the description has, with the wire types it allows. */
function theirs(type: FieldType, v: Tree): Tree {
  if (typeof type === 'string') return v;
  if ('kind' in type) {
    const out: Record<string, Tree> = {};
    for (const [id, value] of Object.entries(v as Record<string, Tree>)) {
      const field = (type as StructDef).byId[Number(id)];
      if (field && fits(field.type, value)) out[id] = theirs(field.type, value);
    }
    return out;
  }
  const element = 'list' in type ? type.list : type.lazyList;
  return (v as Tree[]).map((item) => theirs(element, item));
}

const footers = suite('thrift: corpus footers against the Python reference decoder');

footers('every corpus footer decodes to the same fields and values', () => {
  const dir = join(corpusRoot(), 'data');
  const reference = JSON.parse(runReference('thrift_footers.py', [dir])) as Record<string, Tree>;
  const files = readdirSync(dir).filter((f) => f.endsWith('.parquet'));
  assert.ok(files.length >= 60, `${files.length} corpus files`);
  let compared = 0;
  for (const file of files) {
    const expected = reference[file] as Record<string, unknown>;
    assert.ok(expected && !('error' in expected), `${file}: the reference could not read it: ${JSON.stringify(expected)}`);
    const bytes = readFileSync(join(dir, file));
    const length = bytes.readUInt32LE(bytes.length - 8);
    const { value, end } = decodeStruct(FileMetaData, bytes, bytes.length - 8 - length, bytes.length - 8);
    assert.ok(end <= bytes.length - 8, file);
    const want = theirs(FileMetaData, expected) as Record<string, unknown>;
    // Not a vacuous match: the schema (field 2) and row groups (field 4) are in what is compared.
    assert.ok(Array.isArray(want['2']) && Array.isArray(want['4']), `${file}: schema and row groups compared`);
    assert.equal(ours(FileMetaData, value), want, file);
    compared++;
  }
  assert.is(compared, files.length);
});

footers.run();
