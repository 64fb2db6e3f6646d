// The Parquet schema as a tree, built from the footer's flat, depth-first SchemaElement list:
// every node knows its path and, for leaves, the maximum definition and repetition levels that
// level decoding needs. The list is checked as it is walked: child counts that run past the list,
// leaves without a type, groups without children, and nesting deeper than any real schema.
import { ParquetryError, type PhysicalType } from '@parquetry/core';
import { FIELD_REPETITION_TYPE, PARQUET_TYPE, type LogicalType, type SchemaElement } from '@parquetry/thrift';

export type Repetition = 'REQUIRED' | 'OPTIONAL' | 'REPEATED';

interface NodeBase {
  name: string;
  /** Names from the root's child down to this node. */
  path: string[];
  repetition: Repetition;
  /** Definition and repetition levels at which this node is present (counting itself). */
  definitionLevel: number;
  repetitionLevel: number;
  element: SchemaElement;
  logicalType: LogicalType | undefined;
  /** ConvertedType name (UTF8, LIST, MAP, DECIMAL, ...), if any. */
  convertedType: string | undefined;
  fieldId: number | undefined;
}

export interface GroupNode extends NodeBase {
  kind: 'group';
  children: SchemaNode[];
}

export interface LeafNode extends NodeBase {
  kind: 'leaf';
  physicalType: PhysicalType;
  typeLength: number | undefined;
  /** Position among the leaves: the column chunk index in each row group. */
  columnIndex: number;
  /** Every node from the root's child to this leaf. */
  ancestors: SchemaNode[];
}

export type SchemaNode = GroupNode | LeafNode;

export interface ParquetSchema {
  root: GroupNode;
  leaves: LeafNode[];
}

const MAX_SCHEMA_DEPTH = 128;
const CONVERTED = [
  'UTF8', 'MAP', 'MAP_KEY_VALUE', 'LIST', 'ENUM', 'DECIMAL', 'DATE', 'TIME_MILLIS', 'TIME_MICROS', 'TIMESTAMP_MILLIS',
  'TIMESTAMP_MICROS', 'UINT_8', 'UINT_16', 'UINT_32', 'UINT_64', 'INT_8', 'INT_16', 'INT_32', 'INT_64', 'JSON', 'BSON', 'INTERVAL',
];

function corrupt(detail: string, index: number): never {
  throw new ParquetryError('CORRUPT', `schema element ${index}: ${detail}`);
}

export function buildSchema(elements: readonly SchemaElement[]): ParquetSchema {
  if (elements.length === 0) corrupt('the schema is empty', 0);
  const leaves: LeafNode[] = [];
  let next = 0;

  function node(parent: GroupNode | null, ancestors: SchemaNode[]): SchemaNode {
    const index = next++;
    if (index >= elements.length) corrupt('a group declares more children than the schema lists', index);
    if (ancestors.length > MAX_SCHEMA_DEPTH) corrupt(`nesting deeper than ${MAX_SCHEMA_DEPTH}`, index);
    const element = elements[index];
    const isRoot = parent === null;
    const repetitionValue = element.repetition_type ?? 0;
    const repetitionName = FIELD_REPETITION_TYPE[repetitionValue];
    if (!isRoot && (repetitionName === undefined || repetitionName === 'VECTOR')) {
      throw new ParquetryError('UNSUPPORTED', `schema element ${index} (${element.name}): repetition ${repetitionName ?? repetitionValue}`);
    }
    const repetition: Repetition = isRoot ? 'REQUIRED' : (repetitionName as Repetition);
    const parentDef = parent?.definitionLevel ?? 0;
    const parentRep = parent?.repetitionLevel ?? 0;
    const base: NodeBase = {
      name: element.name,
      path: isRoot ? [] : [...(parent.path ?? []), element.name],
      repetition,
      definitionLevel: parentDef + (repetition === 'REQUIRED' ? 0 : 1),
      repetitionLevel: parentRep + (repetition === 'REPEATED' ? 1 : 0),
      element,
      logicalType: element.logicalType,
      convertedType: element.converted_type === undefined ? undefined : (CONVERTED[element.converted_type] ?? `UNKNOWN(${element.converted_type})`),
      fieldId: element.field_id,
    };
    const children = element.num_children;
    // A group: num_children set (the root always is one, even with a type set by odd writers).
    if (isRoot || (children !== undefined && children > 0) || (children === 0 && element.type === undefined)) {
      if (children === undefined || children < 0) corrupt(`group ${element.name} has ${children} children`, index);
      if (children > elements.length - next) corrupt(`group ${element.name} declares ${children} children, more than remain`, index);
      const group: GroupNode = Object.assign(base as GroupNode, { kind: 'group' as const, children: [] });
      for (let i = 0; i < children; i++) group.children.push(node(group, isRoot ? [] : [...ancestors, group]));
      return group;
    }
    if (element.type === undefined) corrupt(`leaf ${element.name} has no physical type`, index);
    const physicalType = PARQUET_TYPE[element.type];
    if (physicalType === undefined) corrupt(`leaf ${element.name} has physical type ${element.type}`, index);
    if (physicalType === 'FIXED_LEN_BYTE_ARRAY' && !(element.type_length !== undefined && element.type_length > 0)) {
      corrupt(`FIXED_LEN_BYTE_ARRAY leaf ${element.name} has type_length ${element.type_length}`, index);
    }
    // Built on `base` itself rather than spread into a new object: a 10,000-column schema is
    // mostly leaves, and an object spread per node was most of the time it took.
    const leaf = base as LeafNode;
    leaf.kind = 'leaf';
    leaf.physicalType = physicalType;
    leaf.typeLength = physicalType === 'FIXED_LEN_BYTE_ARRAY' ? element.type_length : undefined;
    leaf.columnIndex = leaves.length;
    leaf.ancestors = [...ancestors, leaf];
    leaves.push(leaf);
    return leaf;
  }

  const root = node(null, []);
  if (root.kind !== 'group') corrupt('the root is not a group', 0);
  if (next !== elements.length) corrupt(`${elements.length - next} elements follow the root's last child`, next);
  return { root, leaves };
}

/** The dotted path of a leaf, as errors and projections name columns. */
export function pathString(node: { path: string[] }): string {
  return node.path.join('.');
}

/** The leaves at or below `node`, in schema order. */
export function leavesOf(node: SchemaNode, out: LeafNode[] = []): LeafNode[] {
  if (node.kind === 'leaf') out.push(node);
  else for (const child of node.children) leavesOf(child, out);
  return out;
}
