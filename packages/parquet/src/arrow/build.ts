// Arrow Data for a planned field of one row group, from the decoded column chunks and their
// assembled shapes.
import { ParquetryError } from '@parquetry/core';
import { makeData, type Data, type List, type Map_, type Struct } from 'apache-arrow';
import type { ColumnChunkData } from '../read/column-chunk.js';
import type { LeafNode, SchemaNode } from '../schema/parquet-schema.js';
import type { Plan } from './arrow-plan.js';
import type { LeafShape, NodeShape } from './assemble.js';
import { leafData, packValidity, type LeafDataOptions } from './leaf-data.js';

export interface RowGroupColumns {
  chunks: Map<LeafNode, ColumnChunkData>;
  shapes: Map<LeafNode, LeafShape>;
}

function firstLeaf(node: SchemaNode): LeafNode {
  let n = node;
  while (n.kind === 'group') {
    if (n.children.length === 0) throw new ParquetryError('UNSUPPORTED', `group ${n.path.join('.')} has no columns`);
    n = n.children[0];
  }
  return n;
}

function shapeOf(node: SchemaNode, columns: RowGroupColumns): NodeShape {
  const shape = columns.shapes.get(firstLeaf(node))?.nodes.get(node);
  if (!shape) throw new ParquetryError('INVALID_ARGUMENT', `column ${node.path.join('.')} was not read`);
  return shape;
}

function validity(valid: Uint8Array | undefined): { nullCount: number; nullBitmap: Uint8Array | undefined } {
  if (!valid) return { nullCount: 0, nullBitmap: undefined };
  const { bitmap, nullCount } = packValidity(valid);
  return nullCount === 0 ? { nullCount: 0, nullBitmap: undefined } : { nullCount, nullBitmap: bitmap };
}

export function buildData(plan: Plan, columns: RowGroupColumns, options: LeafDataOptions): Data {
  switch (plan.kind) {
    case 'leaf': {
      const shape = columns.shapes.get(plan.node);
      const chunk = columns.chunks.get(plan.node);
      if (!shape || !chunk) throw new ParquetryError('INVALID_ARGUMENT', `column ${plan.node.path.join('.')} was not read`);
      return leafData(plan.leafType, plan.node.typeLength, chunk.values, shape, options);
    }
    case 'struct': {
      const shape = shapeOf(plan.node, columns);
      const length = plan.asElement ? (shape.elementLength ?? shape.length) : shape.length;
      const children = plan.children.map((c) => buildData(c, columns, options));
      return makeData({ type: plan.type as Struct, length, ...validity(plan.asElement ? undefined : shape.valid), children });
    }
    case 'list': {
      const repeated = shapeOf(plan.repeated, columns);
      const own = plan.node === plan.repeated ? undefined : shapeOf(plan.node, columns).valid;
      const child = buildData(plan.element, columns, options);
      return makeData({ type: plan.type as List, length: repeated.length, ...validity(own), valueOffsets: repeated.offsets!, child });
    }
    case 'map': {
      const repeated = shapeOf(plan.repeated, columns);
      const own = shapeOf(plan.node, columns).valid;
      const children = [buildData(plan.key, columns, options), ...(plan.value ? [buildData(plan.value, columns, options)] : [])];
      const mapType = plan.type as unknown as Map_;
      const entries = makeData({ type: mapType.children[0].type as Struct, length: repeated.elementLength ?? 0, nullCount: 0, children });
      return makeData({ type: mapType, length: repeated.length, ...validity(own), valueOffsets: repeated.offsets!, child: entries });
    }
  }
}
