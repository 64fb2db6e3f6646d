// Dremel level assembly for one leaf: from its definition and repetition levels, the shape of every
// schema node on its path — how many slots the node has, which are valid (optional nodes), and the
// list offsets (repeated nodes) — in that node's own slot space. Siblings under a struct share
// their ancestors' shapes, so any one leaf below a node gives the node's shape.
import { ParquetryError } from '@parquetry/core';
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
  present: Uint8Array | undefined;
}

/** A leaf with no repeated ancestor: one slot per row, so the shapes come straight from the levels. */
function assembleFlat(chunk: ColumnChunkData, numRows: number): LeafShape {
  const { leaf, numSlots } = chunk;
  const def = chunk.definitionLevels;
  if (numSlots !== numRows) throw new ParquetryError('CORRUPT', `column ${pathString(leaf)} holds ${numSlots} rows where the row group has ${numRows}`);
  const atLeast = (level: number): Uint8Array => {
    const out = new Uint8Array(numSlots);
    if (def) for (let k = 0; k < numSlots; k++) out[k] = def[k] >= level ? 1 : 0;
    return out;
  };
  // Chunks of optional columns without a null come without definition levels (chunkLevels): no
  // validity at all, values used in place.
  const present = def ? atLeast(leaf.definitionLevel) : undefined;
  const nodes = new Map<SchemaNode, NodeShape>();
  for (const node of leaf.ancestors) {
    const shape: NodeShape = { length: numSlots };
    if (node.repetition === 'OPTIONAL' && def) shape.valid = node.definitionLevel === leaf.definitionLevel ? present : atLeast(node.definitionLevel);
    nodes.set(node, shape);
  }
  return { nodes, length: numSlots, present };
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
  // of the levels below it.
  let starts: Int32Array;
  let ends: Int32Array;
  if (!rep) {
    starts = new Int32Array(numSlots);
    for (let i = 0; i < numSlots; i++) starts[i] = i;
  } else {
    let rows = 0;
    for (let i = 0; i < numSlots; i++) if (rep[i] === 0) rows++;
    if (numSlots > 0 && rep[0] !== 0) throw new ParquetryError('CORRUPT', `the first repetition level of ${pathString(leaf)} is ${rep[0]}, not 0`);
    starts = new Int32Array(rows);
    for (let i = 0, k = 0; i < numSlots; i++) if (rep[i] === 0) starts[k++] = i;
  }
  ends = new Int32Array(starts.length);
  for (let k = 0; k < starts.length; k++) ends[k] = k + 1 < starts.length ? starts[k + 1] : numSlots;
  if (starts.length !== numRows) {
    throw new ParquetryError('CORRUPT', `column ${pathString(leaf)} holds ${starts.length} rows where the row group has ${numRows}`);
  }
  const nodes = new Map<SchemaNode, NodeShape>();
  for (const node of leaf.ancestors) {
    const length = starts.length;
    const shape: NodeShape = { length };
    if (node.repetition === 'OPTIONAL') {
      const valid = new Uint8Array(length);
      for (let k = 0; k < length; k++) valid[k] = defAt(starts[k]) >= node.definitionLevel ? 1 : 0;
      shape.valid = valid;
    } else if (node.repetition === 'REPEATED') {
      const offsets = new Int32Array(length + 1);
      // At most one element per level entry: typed arrays of that size, not growing JS arrays
      // (a list<float>[32] column has 32 elements a row).
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
            if (rep![i] <= level) {
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
  let present: Uint8Array | undefined;
  if (def) {
    present = new Uint8Array(starts.length);
    for (let k = 0; k < starts.length; k++) present[k] = def[starts[k]] === maxDef ? 1 : 0;
  }
  return { nodes, length: starts.length, present };
}
