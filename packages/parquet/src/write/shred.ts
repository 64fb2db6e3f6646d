// Dremel shredding: one Arrow column (any nesting of structs, lists and maps) into the definition
// and repetition levels of each of its leaves, and which leaf values are present.
//
// A "slot" is one entry of the levels being built. Walking down from the column, a slot either
// still points at an element of the current node's data (`idx[i] >= 0`), or has ended above
// (a null, or an empty list) with the definition level it ended at (`endDef[i]`). Structs keep the
// slots; lists expand each live slot into one slot per element (the first keeps the slot's
// repetition level, the rest repeat at the list's level). At a leaf the slots are the levels.
import { ParquetryError } from '@parquetry/core';
import type { Data } from 'apache-arrow';
import { Type } from 'apache-arrow';
import type { WriteLeaf, WriteNode } from './write-schema.js';

export interface ShreddedLeaf {
  leaf: WriteLeaf;
  data: Data;
  /** Definition levels; undefined when every one is the leaf's maximum (or that is 0). */
  def: Int32Array | undefined;
  /** Repetition levels; undefined when the leaf's max repetition level is 0. */
  rep: Int32Array | undefined;
  /** Indices into `data` of the present values, in order; undefined: all of 0..data.length-1. */
  valueIndices: Int32Array | undefined;
  /** Entries in the levels (rows, for a column without repetition). */
  levelCount: number;
  valueCount: number;
  /** Rows of the top-level column. */
  rows: number;
}

interface Slots {
  n: number;
  /** Undefined: slot i is element i and every slot is live. */
  idx: Int32Array | undefined;
  endDef: Int32Array | undefined;
  rep: Int32Array | undefined;
}

function hasNulls(data: Data): boolean {
  if ((data.type as unknown as { typeId: Type }).typeId === Type.Null) return data.length > 0;
  return data.nullCount > 0 && !!data.nullBitmap && data.nullBitmap.length > 0;
}

function isNull(data: Data, i: number): boolean {
  if ((data.type as unknown as { typeId: Type }).typeId === Type.Null) return true;
  const at = data.offset + i;
  return (data.nullBitmap![at >> 3] & (1 << (at & 7))) === 0;
}

/** Slots with the nulls of `data` ended at `def`. */
function endNulls(data: Data, slots: Slots, def: number): Slots {
  if (!hasNulls(data)) return slots;
  let idx: Int32Array;
  if (slots.idx) idx = slots.idx.slice();
  else {
    idx = new Int32Array(slots.n);
    for (let i = 0; i < slots.n; i++) idx[i] = i;
  }
  const endDef = slots.endDef ? slots.endDef.slice() : new Int32Array(slots.n);
  for (let i = 0; i < slots.n; i++) {
    const at = idx[i];
    if (at >= 0 && isNull(data, at)) {
      idx[i] = -1;
      endDef[i] = def;
    }
  }
  return { n: slots.n, idx, endDef, rep: slots.rep };
}

function offsetAt(offsets: Int32Array | BigInt64Array, i: number): number {
  return Number(offsets[i]);
}

/** Element offsets of list data: its value offsets, or `i × size` for a fixed-size list. */
function listOffsets(data: Data): Int32Array | BigInt64Array {
  const type = data.type as unknown as { typeId: Type; listSize?: number };
  if (type.typeId !== Type.FixedSizeList) return data.valueOffsets as unknown as Int32Array | BigInt64Array;
  const size = type.listSize ?? 0;
  const offsets = new Int32Array(data.length + 1);
  for (let i = 0; i <= data.length; i++) offsets[i] = i * size;
  return offsets;
}

function expandList(node: WriteNode & { kind: 'list' }, data: Data, slots: Slots): Slots {
  const offsets = listOffsets(data);
  const emptyDef = node.defAbove + (node.nullable ? 1 : 0);
  let n = 0;
  for (let i = 0; i < slots.n; i++) {
    const at = slots.idx ? slots.idx[i] : i;
    n += at < 0 ? 1 : Math.max(1, offsetAt(offsets, at + 1) - offsetAt(offsets, at));
  }
  const idx = new Int32Array(n);
  const endDef = new Int32Array(n);
  const rep = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < slots.n; i++) {
    const at = slots.idx ? slots.idx[i] : i;
    const slotRep = slots.rep ? slots.rep[i] : 0;
    if (at < 0) {
      idx[k] = -1;
      endDef[k] = slots.endDef![i];
      rep[k++] = slotRep;
      continue;
    }
    const start = offsetAt(offsets, at);
    const end = offsetAt(offsets, at + 1);
    if (end === start) {
      idx[k] = -1;
      endDef[k] = emptyDef;
      rep[k++] = slotRep;
      continue;
    }
    for (let e = start; e < end; e++) {
      idx[k] = e;
      rep[k++] = e === start ? slotRep : node.repLevel;
    }
  }
  return { n, idx, endDef, rep };
}

/** A required field holding a null where its parent is present: refused before anything is written. */
function requireNoNulls(node: WriteNode, data: Data, slots: Slots): void {
  if (!hasNulls(data)) return;
  for (let i = 0; i < slots.n; i++) {
    const at = slots.idx ? slots.idx[i] : i;
    if (at >= 0 && isNull(data, at)) {
      const name = node.kind === 'leaf' ? node.leaf.path.join('.') : node.name;
      throw new ParquetryError('INVALID_ARGUMENT', `field ${name} is not nullable but holds a null (element ${at})`, { columnPath: name });
    }
  }
}

function shredNode(node: WriteNode, data: Data, slots: Slots, out: ShreddedLeaf[]): void {
  if (!node.nullable) requireNoNulls(node, data, slots);
  const live = node.nullable ? endNulls(data, slots, node.defAbove) : slots;
  switch (node.kind) {
    case 'struct':
      node.children.forEach((child, i) => shredNode(child, data.children[i], live, out));
      return;
    case 'list':
      shredNode(node.element, data.children[0], expandList(node, data, live), out);
      return;
    case 'leaf': {
      const { leaf } = node;
      let def: Int32Array | undefined;
      let valueIndices: Int32Array | undefined;
      let valueCount = live.n;
      if (live.idx) {
        const idx = live.idx;
        valueCount = 0;
        for (let i = 0; i < live.n; i++) if (idx[i] >= 0) valueCount++;
        valueIndices = new Int32Array(valueCount);
        for (let i = 0, k = 0; i < live.n; i++) if (idx[i] >= 0) valueIndices[k++] = idx[i];
      }
      // No slot ended above and no null here: every level is maxDef, left implicit.
      if (leaf.maxDef > 0 && live.idx) {
        def = new Int32Array(live.n).fill(leaf.maxDef);
        for (let i = 0; i < live.n; i++) if (live.idx[i] < 0) def[i] = live.endDef![i];
      }
      out.push({ leaf, data, def, rep: leaf.maxRep > 0 ? live.rep : undefined, valueIndices, levelCount: live.n, valueCount, rows: 0 });
    }
  }
}

/** A top-level nullable leaf: levels straight from the validity bitmap, in one pass. */
function flatNullable(leaf: WriteLeaf, data: Data): ShreddedLeaf {
  const n = data.length;
  const bitmap = data.nullBitmap!;
  const def = new Int32Array(n);
  const valueIndices = new Int32Array(n - data.nullCount);
  let k = 0;
  for (let i = 0, at = data.offset; i < n; i++, at++) {
    const bit = (bitmap[at >> 3] >> (at & 7)) & 1;
    def[i] = bit;
    if (bit) valueIndices[k++] = i;
  }
  if (k !== valueIndices.length) throw new ParquetryError('INVALID_ARGUMENT', `column ${leaf.path.join('.')}: the validity bitmap holds ${n - k} nulls, the data says ${data.nullCount}`);
  return { leaf, data, def, rep: undefined, valueIndices, levelCount: n, valueCount: k, rows: n };
}

/** The leaves of one top-level column, `data` being that column's data for `rows` rows. */
export function shredColumn(node: WriteNode, data: Data): ShreddedLeaf[] {
  if (node.kind === 'leaf' && node.nullable && hasNulls(data) && data.nullBitmap && data.nullBitmap.length > 0) return [flatNullable(node.leaf, data)];
  const out: ShreddedLeaf[] = [];
  shredNode(node, data, { n: data.length, idx: undefined, endDef: undefined, rep: undefined }, out);
  for (const leaf of out) leaf.rows = data.length;
  return out;
}
