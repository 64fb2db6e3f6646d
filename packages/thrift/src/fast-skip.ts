// Skipping compact-protocol values on plain locals, without a reader object per step: a wide
// footer is mostly column chunks that a lazy list walks over without decoding (20,000 of them for
// 10,000 columns in 2 row groups), so this loop is most of what opening such a file costs.
import { ParquetryError } from '@parquetry/core';
import { MAX_DEPTH, WIRE } from './wire.js';

function fail(code: 'TRUNCATED' | 'CORRUPT' | 'LIMIT', detail: string, at: number): never {
  throw new ParquetryError(code, `thrift: ${detail}`, { offset: at });
}

function skipVarint(bytes: Uint8Array, pos: number, end: number, maxBytes: number): number {
  const start = pos;
  while (pos < end && bytes[pos] & 0x80) pos++;
  if (pos >= end) fail('TRUNCATED', 'input ends inside a struct', start);
  if (pos - start >= maxBytes) fail('CORRUPT', `a varint runs past ${maxBytes} bytes`, start);
  return pos + 1;
}

/** The value of the last `readLength`: set there so that a length needs no [value, position] array. */
let lengthValue = 0;

/** Reads an unsigned 32-bit varint at `pos` into `lengthValue`; returns the position after it. */
function readLength(bytes: Uint8Array, pos: number, end: number): number {
  let value = 0;
  let shift = 0;
  const start = pos;
  for (;;) {
    if (pos >= end) fail('TRUNCATED', 'input ends inside a length', start);
    const b = bytes[pos++];
    value |= (b & 0x7f) << shift;
    if (!(b & 0x80)) {
      lengthValue = value >>> 0;
      return pos;
    }
    shift += 7;
    if (shift > 28) fail('CORRUPT', 'a length varint runs past 5 bytes', start);
  }
}

/** Position after one value of wire type `type` at `pos`. */
export function skipValueAt(bytes: Uint8Array, pos: number, end: number, type: number, depth: number): number {
  switch (type) {
    case WIRE.BOOL_TRUE:
    case WIRE.BOOL_FALSE:
      return pos;
    case WIRE.I8:
      if (pos >= end) fail('TRUNCATED', 'input ends inside a struct', pos);
      return pos + 1;
    case WIRE.I16:
    case WIRE.I32:
      return skipVarint(bytes, pos, end, 5);
    case WIRE.I64:
      return skipVarint(bytes, pos, end, 10);
    case WIRE.DOUBLE:
      if (end - pos < 8) fail('TRUNCATED', 'input ends inside a double', pos);
      return pos + 8;
    case WIRE.BINARY: {
      const at = readLength(bytes, pos, end);
      const length = lengthValue;
      if (length > end - at) fail('TRUNCATED', `a ${length}-byte binary runs past the input`, pos);
      return at + length;
    }
    case WIRE.LIST:
    case WIRE.SET: {
      if (pos >= end) fail('TRUNCATED', 'input ends inside a list header', pos);
      const header = bytes[pos];
      let size = header >> 4;
      let at = pos + 1;
      if (size === 15) {
        at = readLength(bytes, at, end);
        size = lengthValue;
      }
      if (size > end - at) fail('CORRUPT', `a list of ${size} elements is longer than the ${end - at} bytes left`, pos);
      if (depth + 1 > MAX_DEPTH) fail('LIMIT', `structs nest deeper than ${MAX_DEPTH}`, pos);
      let element = header & 0x0f;
      if (element === WIRE.BOOL_TRUE || element === WIRE.BOOL_FALSE) element = WIRE.I8;
      if (element === WIRE.I32) {
        // Enum lists (encodings): each a varint of at most 5 bytes.
        for (let i = 0; i < size; i++) {
          const start = at;
          while (at < end && bytes[at] & 0x80) at++;
          if (at >= end) fail('TRUNCATED', 'input ends inside a list', start);
          if (at - start >= 5) fail('CORRUPT', 'a varint runs past 5 bytes', start);
          at++;
        }
        return at;
      }
      for (let i = 0; i < size; i++) at = skipValueAt(bytes, at, end, element, depth + 1);
      return at;
    }
    case WIRE.MAP: {
      let at = readLength(bytes, pos, end);
      const size = lengthValue;
      if (size === 0) return at;
      if (size > end - at) fail('CORRUPT', `a map of ${size} entries is longer than the input`, pos);
      if (at >= end) fail('TRUNCATED', 'input ends inside a map header', at);
      if (depth + 1 > MAX_DEPTH) fail('LIMIT', `structs nest deeper than ${MAX_DEPTH}`, pos);
      const types = bytes[at++];
      const bool = (t: number) => (t === WIRE.BOOL_TRUE || t === WIRE.BOOL_FALSE ? WIRE.I8 : t);
      const key = bool(types >> 4);
      const value = bool(types & 0x0f);
      for (let i = 0; i < size; i++) {
        at = skipValueAt(bytes, at, end, key, depth + 1);
        at = skipValueAt(bytes, at, end, value, depth + 1);
      }
      return at;
    }
    case WIRE.STRUCT:
      return skipStructAt(bytes, pos, end, depth);
    default:
      return fail('CORRUPT', `unknown wire type ${type}`, pos - 1);
  }
}

/**
 * Position after the struct at `pos` (its fields and its stop byte). Integer and binary fields,
 * most of a footer, are stepped over here rather than through `skipValueAt` (about 1.5x faster on
 * a wide footer); their checks are the same.
 */
export function skipStructAt(bytes: Uint8Array, pos: number, end: number, depth: number): number {
  if (depth + 1 > MAX_DEPTH) fail('LIMIT', `structs nest deeper than ${MAX_DEPTH}`, pos);
  for (;;) {
    if (pos >= end) fail('TRUNCATED', 'input ends inside a struct', pos);
    const header = bytes[pos++];
    if (header === WIRE.STOP) return pos;
    if (header >> 4 === 0) pos = skipVarint(bytes, pos, end, 5);
    const type = header & 0x0f;
    if (type === WIRE.I32 || type === WIRE.I64 || type === WIRE.I16) {
      const start = pos;
      while (pos < end && bytes[pos] & 0x80) pos++;
      if (pos >= end) fail('TRUNCATED', 'input ends inside a struct', start);
      if (pos - start >= (type === WIRE.I64 ? 10 : 5)) fail('CORRUPT', `a varint runs past ${type === WIRE.I64 ? 10 : 5} bytes`, start);
      pos++;
    } else if (type === WIRE.BINARY) {
      const at = readLength(bytes, pos, end);
      if (lengthValue > end - at) fail('TRUNCATED', `a ${lengthValue}-byte binary runs past the input`, pos);
      pos = at + lengthValue;
    } else if (type !== WIRE.BOOL_TRUE && type !== WIRE.BOOL_FALSE) {
      pos = skipValueAt(bytes, pos, end, type, depth + 1);
    }
  }
}
