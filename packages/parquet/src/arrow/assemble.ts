// Dremel level assembly for one leaf: from its definition and repetition levels, the shape of every
// schema node on its path — how many slots the node has, which are valid (optional nodes), and the
// list offsets (repeated nodes) — in that node's own slot space. Siblings under a struct share
// their ancestors' shapes, so any one leaf below a node gives the node's shape.
import { nativeBinding, ParquetryError, useNative } from '@parquetry/core';
import type { ColumnChunkData } from '../read/column-chunk.js';
import { pathString, type SchemaNode } from '../schema/parquet-schema.js';

export interface NodeShape {
  /** Slots of this node (for a repeated node: of the lists it forms). */
  length: number;
  /** Optional nodes: 1 where the slot is defined. */
  valid?: Uint8Array;
  /** Repeated nodes: list offsets into the element slots (length + 1 entries). */
  offsets?: Int32Array;
  /** Repeated nodes: how many element slots the lists hold. */
  elementLength?: number;
}

export interface LeafShape {
  nodes: Map<SchemaNode, NodeShape>;
  /** Slots of the leaf's values, and which hold one (undefined: all do). */
  length: number;
  readonly present: Uint8Array | undefined;
  /**
   * A leaf without repetition that has nulls: its definition levels, one per slot (a value where
   * a level is `max`), from which values can be spread without building `present` first.
   */
  definition?: { levels: Int32Array; max: number };
}

/** A leaf with no repeated ancestor: one slot per row, so the shapes come straight from the levels. */
function assembleFlat(chunk: ColumnChunkData, numRows: number): LeafShape {
  const { leaf, numSlots } = chunk;
  const def = chunk.definitionLevels;
  if (numSlots !== numRows) throw new ParquetryError('CORRUPT', `column ${pathString(leaf)} holds ${numSlots} rows where the row group has ${numRows}`);
  const atLeast = (level: number): Uint8Array => {
    const out = new Uint8Array(numSlots);
    // (level - 1 - d) is negative exactly when d >= level (levels are 0..max, checked when decoded):
    // its sign bit, without a branch to mispredict at every null.
    const below = level - 1;
    if (def) for (let k = 0; k < numSlots; k++) out[k] = (below - def[k]) >>> 31;
    return out;
  };
  // Chunks of optional columns without a null come without definition levels (chunkLevels): no
  // validity at all, values used in place. Enclosing optional groups get their validity here; the
  // leaf's own presence is built only if asked for (values spread from the levels need none).
  const nodes = new Map<SchemaNode, NodeShape>();
  for (const node of leaf.ancestors) {
    const shape: NodeShape = { length: numSlots };
    if (node.repetition === 'OPTIONAL' && def && node !== leaf) shape.valid = atLeast(node.definitionLevel);
    nodes.set(node, shape);
  }
  let present: Uint8Array | undefined | null = null;
  return {
    nodes,
    length: numSlots,
    get present() {
      if (present === null) present = def ? atLeast(leaf.definitionLevel) : undefined;
      return present;
    },
    definition: def ? { levels: def, max: leaf.definitionLevel } : undefined,
  };
}

export function assembleLeaf(chunk: ColumnChunkData, numRows: number): LeafShape {
  const { leaf, numSlots } = chunk;
  const def = chunk.definitionLevels;
  const rep = chunk.repetitionLevels;
  if (!rep) return assembleFlat(chunk, numRows);
  const maxDef = leaf.definitionLevel;
  const defAt = (i: number) => (def ? def[i] : maxDef);
  // Slots of the current node, as the range of level entries each spans: [starts[k], ends[k]).
  // Ranges need explicit ends: an empty or null list above leaves entries that belong to no slot
  // of the levels below it. Null once slot k is entry k alone (below the innermost repeated node
  // when no list is empty or null: the common list<float>[n]), so no arrays per entry are built.
  let starts: Int32Array | null = new Int32Array(numRows);
  let ends: Int32Array | null = new Int32Array(numRows);
  if (numSlots > 0 && rep[0] !== 0) throw new ParquetryError('CORRUPT', `the first repetition level of ${pathString(leaf)} is ${rep[0]}, not 0`);
  let rows = 0;
  const native = useNative(numSlots) ? nativeBinding() : null;
  if (native) rows = native.levelsZeroPositions(rep, starts);
  else {
    for (let i = 0; i < numSlots && rows <= numRows; i++) {
      if (rep[i] !== 0) continue;
      if (rows < numRows) starts[rows] = i;
      rows++;
    }
  }
  if (rows > numRows) throw new ParquetryError('CORRUPT', `column ${pathString(leaf)} holds more rows than the row group's ${numRows}`);
  if (rows !== numRows) throw new ParquetryError('CORRUPT', `column ${pathString(leaf)} holds ${rows} rows where the row group has ${numRows}`);
  for (let k = 0; k < rows; k++) ends[k] = k + 1 < rows ? starts[k + 1] : numSlots;
  // One pass over the definition levels: the lowest, and how many entries hold a value.
  let minDef = maxDef;
  let atMax = numSlots;
  if (def) {
    atMax = 0;
    for (let i = 0; i < numSlots; i++) {
      const d = def[i];
      if (d < minDef) minDef = d;
      if (d === maxDef) atMax++;
    }
  }
  const nodes = new Map<SchemaNode, NodeShape>();
  for (const node of leaf.ancestors) {
    const length = starts ? starts.length : numSlots;
    const shape: NodeShape = { length };
    if (node.repetition === 'OPTIONAL') {
      // Slot k is entry k: every slot is defined when no entry is below this node's level.
      if (!starts && minDef >= node.definitionLevel) {
        nodes.set(node, shape);
        continue;
      }
      const valid = new Uint8Array(length);
      let defined = 0;
      for (let k = 0; k < length; k++) {
        const v = defAt(starts ? starts[k] : k) >= node.definitionLevel ? 1 : 0;
        valid[k] = v;
        defined += v;
      }
      // Every slot defined: no validity (and no bitmap to build from it).
      if (defined < length) shape.valid = valid;
    } else if (node.repetition === 'REPEATED') {
      if (!starts || !ends) throw new ParquetryError('CORRUPT', `column ${pathString(leaf)}: a repeated node below the innermost one`);
      const offsets = new Int32Array(length + 1);
      if (node.repetitionLevel === leaf.repetitionLevel && minDef >= node.definitionLevel) {
        // The innermost repeated node with every list holding elements: each entry is one element.
        for (let k = 0; k < length; k++) offsets[k + 1] = offsets[k] + (ends[k] - starts[k]);
        shape.offsets = offsets;
        shape.elementLength = offsets[length];
        starts = null;
        ends = null;
        nodes.set(node, shape);
        continue;
      }
      // At most one element per level entry: typed arrays of that size, not growing JS arrays.
      const elementStarts = new Int32Array(numSlots);
      const elementEnds = new Int32Array(numSlots);
      let n = 0;
      const level = node.repetitionLevel;
      for (let k = 0; k < length; k++) {
        const s = starts[k];
        const e = ends[k];
        if (defAt(s) >= node.definitionLevel) {
          elementStarts[n] = s;
          // Deeper repetition (rep > this node's level) continues the current element.
          for (let i = s + 1; i < e; i++) {
            if (rep[i] <= level) {
              elementEnds[n++] = i;
              elementStarts[n] = i;
            }
          }
          elementEnds[n++] = e;
        }
        offsets[k + 1] = n;
      }
      shape.offsets = offsets;
      shape.elementLength = n;
      starts = elementStarts.subarray(0, n);
      ends = elementEnds.subarray(0, n);
    }
    nodes.set(node, shape);
  }
  const length = starts ? starts.length : numSlots;
  let present: Uint8Array | undefined;
  if (def && !(starts === null && atMax === numSlots)) {
    present = new Uint8Array(length);
    let defined = 0;
    for (let k = 0; k < length; k++) {
      const v = def[starts ? starts[k] : k] === maxDef ? 1 : 0;
      present[k] = v;
      defined += v;
    }
    // Every slot holds a value: the values are used in place (no scatter, no bitmap).
    if (defined === length) present = undefined;
  }
  return { nodes, length, present };
}
