// How the Parquet schema maps onto Arrow types: LIST- and MAP-annotated groups (with the backward
// compatibility rules of LogicalTypes.md for two-level lists and unannotated repeated fields),
// structs, and leaves.
import { Field, List, Map_, Struct, type DataType } from 'apache-arrow';
import type { GroupNode, LeafNode, SchemaNode } from '../schema/parquet-schema.js';
import type { Int96Unit } from './int96.js';
import { leafType, type LeafType } from './leaf-type.js';

export type Plan =
  | { kind: 'leaf'; node: LeafNode; leafType: LeafType; type: DataType; nullable: boolean }
  | { kind: 'struct'; node: GroupNode; children: Plan[]; type: DataType; nullable: boolean; asElement: boolean }
  | { kind: 'list'; node: SchemaNode; repeated: SchemaNode; element: Plan; type: DataType; nullable: boolean }
  | { kind: 'map'; node: SchemaNode; repeated: GroupNode; key: Plan; value: Plan | undefined; type: DataType; nullable: boolean };

/**
 * Parquet annotations that Arrow types do not carry (UUID, JSON, BSON, ENUM, INTERVAL, raw INT96), kept as
 * `PARQUET:logical_type` field metadata so a file written back from the Arrow data keeps them.
 */
function annotationOf(plan: Plan): string | undefined {
  if (plan.kind !== 'leaf') return undefined;
  const { logicalType: logical, convertedType: converted } = plan.node;
  if (logical?.UUID) return 'UUID';
  if (logical?.JSON || converted === 'JSON') return 'JSON';
  if (logical?.BSON || converted === 'BSON') return 'BSON';
  if (logical?.ENUM || converted === 'ENUM') return 'ENUM';
  if (converted === 'INTERVAL') return 'INTERVAL';
  // INT96 read raw (int96Unit 'raw'): its 12 bytes, to be written back as INT96.
  if (plan.node.physicalType === 'INT96' && plan.leafType.kind === 'fixed') return 'INT96';
  return undefined;
}

/** A Parquet field_id as `PARQUET:field_id` metadata (as in pyarrow), and the annotations above. */
function fieldMetadata(plan: Plan, withId: boolean): Map<string, string> | null {
  const metadata = new Map<string, string>();
  if (withId && plan.node.fieldId !== undefined) metadata.set('PARQUET:field_id', String(plan.node.fieldId));
  const annotation = annotationOf(plan);
  if (annotation) metadata.set('PARQUET:logical_type', annotation);
  return metadata.size ? metadata : null;
}

/** The Arrow field of a plan. */
export function planField(plan: Plan): Field {
  return new Field(plan.node.name, plan.type, plan.nullable, fieldMetadata(plan, true));
}

/**
 * A list element's or a map key's or value's field, with its node's field id (Iceberg numbers
 * them too) unless the node is the list's own repeated field, whose id is the list's.
 */
function childField(name: string, plan: Plan, nullable: boolean, owner: SchemaNode): Field {
  return new Field(name, plan.type, nullable, fieldMetadata(plan, plan.node !== owner));
}

function isList(node: SchemaNode): boolean {
  return !!node.logicalType?.LIST || node.convertedType === 'LIST';
}

function isMap(node: SchemaNode): boolean {
  return !!node.logicalType?.MAP || node.convertedType === 'MAP' || node.convertedType === 'MAP_KEY_VALUE';
}

/** `node` taken as one element of a list it forms itself (its own repetition set aside). */
function elementOf(node: SchemaNode, int96Unit: Int96Unit): Plan {
  if (node.kind === 'leaf') {
    const lt = leafType(node, int96Unit);
    return { kind: 'leaf', node, leafType: lt, type: lt.type, nullable: false };
  }
  // A repeated group that is itself LIST-annotated (old_list_structure.parquet) is a list element.
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (isList(node) && only && only.repetition === 'REPEATED') {
    const inner = only.kind === 'leaf' || only.children.length > 1 ? elementOf(only, int96Unit) : planNode(only.children[0], int96Unit);
    return { kind: 'list', node, repeated: only, element: inner, type: new List(childField('element', inner, inner.nullable, node)), nullable: false };
  }
  const children = node.children.map((c) => planNode(c, int96Unit));
  return { kind: 'struct', node, children, type: new Struct(children.map(planField)), nullable: false, asElement: true };
}

export function planNode(node: SchemaNode, int96Unit: Int96Unit): Plan {
  const nullable = node.repetition === 'OPTIONAL';
  if (node.repetition === 'REPEATED') {
    const element = elementOf(node, int96Unit);
    return { kind: 'list', node, repeated: node, element, type: new List(childField('element', element, false, node)), nullable: false };
  }
  if (node.kind === 'leaf') {
    const lt = leafType(node, int96Unit);
    return { kind: 'leaf', node, leafType: lt, type: lt.type, nullable };
  }
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (isList(node) && only && only.repetition === 'REPEATED') {
    let element: Plan;
    if (only.kind === 'leaf' || only.children.length > 1 || only.name === 'array' || only.name === `${node.name}_tuple`) {
      element = elementOf(only, int96Unit);
    } else {
      element = planNode(only.children[0], int96Unit);
    }
    return { kind: 'list', node, repeated: only, element, type: new List(childField(element.node.name === only.name ? 'element' : element.node.name, element, element.nullable, node)), nullable };
  }
  // A key_value group without a value field: a list of the keys, as Arrow C++ reads it.
  if (isMap(node) && only && only.repetition === 'REPEATED' && only.kind === 'group' && only.children.length === 1) {
    const element = planNode(only.children[0], int96Unit);
    return { kind: 'list', node, repeated: only, element, type: new List(childField(element.node.name, element, element.nullable, node)), nullable };
  }
  if (isMap(node) && only && only.repetition === 'REPEATED' && only.kind === 'group' && only.children.length === 2) {
    const key = planNode(only.children[0], int96Unit);
    const value = planNode(only.children[1], int96Unit);
    const entryFields = [childField('key', key, false, node), ...(value ? [childField('value', value, value.nullable, node)] : [])];
    const type = new Map_(new Field('entries', new Struct(entryFields as never[]), false) as never);
    return { kind: 'map', node, repeated: only, key, value, type: type as unknown as DataType, nullable };
  }
  const children = node.children.map((c) => planNode(c, int96Unit));
  return { kind: 'struct', node, children, type: new Struct(children.map(planField)), nullable, asElement: false };
}
