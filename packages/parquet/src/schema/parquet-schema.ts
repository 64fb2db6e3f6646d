// The Parquet schema as a tree, built from the footer's flat, depth-first SchemaElement list:
// every node knows its path and, for leaves, the maximum definition and repetition levels that
// level decoding needs. The list is checked as it is walked: child counts that run past the list,
// leaves without a type, groups without children, and nesting deeper than any real schema.
import { ParquetryError, type PhysicalType } from '@parquetry/core';
import { FIELD_REPETITION_TYPE, PARQUET_TYPE, type LogicalType, type SchemaElement } from '@parquetry/thrift';

export type Repetition = 'REQUIRED' | 'OPTIONAL' | 'REPEATED';

interface NodeBase {
  readonly name: string;
  /** The enclosing group; null for the root, the root for top-level fields. */
  readonly parent: GroupNode | null;
  /** Names from the root's child down to this node. */
  readonly path: string[];
  readonly repetition: Repetition;
  /** Definition and repetition levels at which this node is present (counting itself). */
  readonly definitionLevel: number;
  readonly repetitionLevel: number;
  readonly element: SchemaElement;
  readonly logicalType: LogicalType | undefined;
  /** ConvertedType name (UTF8, LIST, MAP, DECIMAL, ...), if any. */
  readonly convertedType: string | undefined;
  readonly fieldId: number | undefined;
}

export interface GroupNode extends NodeBase {
  readonly kind: 'group';
  readonly children: SchemaNode[];
}

export interface LeafNode extends NodeBase {
  readonly kind: 'leaf';
  readonly physicalType: PhysicalType;
  readonly typeLength: number | undefined;
  /** Position among the leaves: the column chunk index in each row group. */
  readonly columnIndex: number;
  /** Every node from the root's child to this leaf. */
  readonly ancestors: SchemaNode[];
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

// Nodes are class instances whose path, ancestors and element-derived fields are computed when
// first asked for: a 10,000-column file mostly reads a few columns, and a path and an ancestor
// array per node were most of the memory (and, through the collector, the time) that opening one
// took.
abstract class Node {
  private cachedPath: string[] | undefined;

  constructor(
    readonly name: string,
    readonly parent: GroupNode | null,
    readonly repetition: Repetition,
    readonly definitionLevel: number,
    readonly repetitionLevel: number,
    readonly element: SchemaElement,
  ) {}

  get path(): string[] {
    if (this.cachedPath === undefined) {
      const parent = this.parent;
      this.cachedPath = parent === null ? [] : [...parent.path, this.name];
    }
    return this.cachedPath;
  }

  get logicalType(): LogicalType | undefined {
    return this.element.logicalType;
  }

  get convertedType(): string | undefined {
    const converted = this.element.converted_type;
    return converted === undefined ? undefined : (CONVERTED[converted] ?? `UNKNOWN(${converted})`);
  }

  get fieldId(): number | undefined {
    return this.element.field_id;
  }
}

class Group extends Node implements GroupNode {
  get kind(): 'group' {
    return 'group';
  }

  readonly children: SchemaNode[] = [];
}

class Leaf extends Node implements LeafNode {
  get kind(): 'leaf' {
    return 'leaf';
  }

  private cachedAncestors: SchemaNode[] | undefined;

  constructor(
    name: string,
    parent: GroupNode,
    repetition: Repetition,
    definitionLevel: number,
    repetitionLevel: number,
    element: SchemaElement,
    readonly physicalType: PhysicalType,
    readonly typeLength: number | undefined,
    readonly columnIndex: number,
  ) {
    super(name, parent, repetition, definitionLevel, repetitionLevel, element);
  }

  get ancestors(): SchemaNode[] {
    if (this.cachedAncestors === undefined) {
      const chain: SchemaNode[] = [this];
      for (let node = this.parent; node !== null && node.parent !== null; node = node.parent) chain.push(node);
      this.cachedAncestors = chain.reverse();
    }
    return this.cachedAncestors;
  }
}

function corrupt(detail: string, index: number): never {
  throw new ParquetryError('CORRUPT', `schema element ${index}: ${detail}`);
}

export function buildSchema(elements: readonly SchemaElement[]): ParquetSchema {
  if (elements.length === 0) corrupt('the schema is empty', 0);
  const leaves: LeafNode[] = [];
  let next = 0;

  function node(parent: GroupNode | null, depth: number): SchemaNode {
    const index = next++;
    if (index >= elements.length) corrupt('a group declares more children than the schema lists', index);
    if (depth > MAX_SCHEMA_DEPTH) corrupt(`nesting deeper than ${MAX_SCHEMA_DEPTH}`, index);
    const element = elements[index];
    const isRoot = parent === null;
    const repetitionValue = element.repetition_type ?? 0;
    const repetitionName = FIELD_REPETITION_TYPE[repetitionValue];
    if (!isRoot && (repetitionName === undefined || repetitionName === 'VECTOR')) {
      throw new ParquetryError('UNSUPPORTED', `schema element ${index} (${element.name}): repetition ${repetitionName ?? repetitionValue}`);
    }
    const repetition: Repetition = isRoot ? 'REQUIRED' : (repetitionName as Repetition);
    const definitionLevel = (parent?.definitionLevel ?? 0) + (repetition === 'REQUIRED' ? 0 : 1);
    const repetitionLevel = (parent?.repetitionLevel ?? 0) + (repetition === 'REPEATED' ? 1 : 0);
    const children = element.num_children;
    // A group: num_children set (the root always is one, even with a type set by odd writers).
    if (isRoot || (children !== undefined && children > 0) || (children === 0 && element.type === undefined)) {
      if (children === undefined || children < 0) corrupt(`group ${element.name} has ${children} children`, index);
      if (children > elements.length - next) corrupt(`group ${element.name} declares ${children} children, more than remain`, index);
      const group = new Group(element.name, parent, repetition, definitionLevel, repetitionLevel, element);
      for (let i = 0; i < children; i++) group.children.push(node(group, isRoot ? 0 : depth + 1));
      return group;
    }
    if (element.type === undefined) corrupt(`leaf ${element.name} has no physical type`, index);
    const physicalType = PARQUET_TYPE[element.type];
    if (physicalType === undefined) corrupt(`leaf ${element.name} has physical type ${element.type}`, index);
    if (physicalType === 'FIXED_LEN_BYTE_ARRAY' && !(element.type_length !== undefined && element.type_length > 0)) {
      corrupt(`FIXED_LEN_BYTE_ARRAY leaf ${element.name} has type_length ${element.type_length}`, index);
    }
    const typeLength = physicalType === 'FIXED_LEN_BYTE_ARRAY' ? element.type_length : undefined;
    const leaf = new Leaf(element.name, parent, repetition, definitionLevel, repetitionLevel, element, physicalType, typeLength, leaves.length);
    leaves.push(leaf);
    return leaf;
  }

  const root = node(null, 0);
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
