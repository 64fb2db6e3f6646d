// The Parquet schema of an Arrow schema, as a writer needs it: the flattened SchemaElement list of
// the footer, and a tree that says how each field is shredded (its definition and repetition
// levels) down to the leaves, which are the column chunks. Lists and maps take the layout
// LogicalTypes.md asks for (`<name> (LIST) { repeated group list { element } }`, `<name> (MAP) {
// repeated group key_value { required key; value } }`), as Arrow C++ writes them.
import { ParquetryError } from '@parquetry/core';
import { PARQUET_TYPE, type SchemaElement } from '@parquetry/thrift';
import { Type, type DataType, type Dictionary, type Field, type Schema } from 'apache-arrow';
import { CONVERTED, writeLeafType, type TypeOptions, type WriteLeafType } from './parquet-type.js';

export interface WriteLeaf {
  /** Position among the leaves: the column chunk's index in a row group. */
  index: number;
  path: string[];
  element: SchemaElement;
  type: WriteLeafType;
  maxDef: number;
  maxRep: number;
}

/** `defAbove`: the definition level of a slot that reaches this node present (before its own). */
interface NodeBase {
  name: string;
  nullable: boolean;
  defAbove: number;
}

export type WriteNode =
  | (NodeBase & { kind: 'leaf'; leaf: WriteLeaf })
  | (NodeBase & { kind: 'struct'; children: WriteNode[] })
  /** Lists and maps (a map is a list of key/value structs); `repLevel` is the level its elements repeat at. */
  | (NodeBase & { kind: 'list'; element: WriteNode; repLevel: number });

export interface WriteSchema {
  elements: SchemaElement[];
  fields: WriteNode[];
  leaves: WriteLeaf[];
}

export interface SchemaOptions extends TypeOptions {
  /** Write a field_id on every field (default true): the Arrow field's `PARQUET:field_id` metadata, else the next free id in schema order. */
  fieldIds?: boolean;
}

const REQUIRED = 0;
const OPTIONAL = 1;
const REPEATED = 2;

function typeId(type: DataType): Type {
  return (type as unknown as { typeId: Type }).typeId;
}

/** A dictionary-typed field is written as its value type (the writer builds its own dictionary). */
function valueType(type: DataType): DataType {
  return typeId(type) === Type.Dictionary ? (type as unknown as Dictionary).dictionary : type;
}

function explicitId(field: Field): number | undefined {
  const text = field.metadata.get('PARQUET:field_id');
  if (text === undefined) return undefined;
  const id = Number(text);
  if (!Number.isSafeInteger(id) || id < 0 || id > 2 ** 31 - 1) throw new ParquetryError('INVALID_ARGUMENT', `field ${field.name}: PARQUET:field_id ${JSON.stringify(text)} is not an int32`);
  return id;
}

function collectIds(fields: readonly Field[], out: number[]): void {
  for (const field of fields) {
    const id = explicitId(field);
    if (id !== undefined) out.push(id);
    collectIds(valueType(field.type).children ?? [], out);
  }
}

/** A `PARQUET:logical_type` annotation (as the reader reports it) applied to the leaf's type. */
function annotated(type: WriteLeafType, annotation: string | undefined, path: string): WriteLeafType {
  if (annotation === undefined) return type;
  const bytes = type.physical === 'BYTE_ARRAY' && (type.conversion === 'binary' || type.conversion === 'large-binary');
  const fixed = (n: number) => type.physical === 'FIXED_LEN_BYTE_ARRAY' && type.typeLength === n && type.conversion === 'fixed';
  switch (annotation) {
    case 'UUID':
      if (fixed(16)) return { ...type, logical: { UUID: {} }, converted: undefined };
      break;
    case 'JSON':
      if (bytes) return { ...type, logical: { JSON: {} }, converted: CONVERTED.JSON };
      break;
    case 'BSON':
      if (bytes) return { ...type, logical: { BSON: {} }, converted: CONVERTED.BSON };
      break;
    case 'ENUM':
      if (bytes) return { ...type, logical: { ENUM: {} }, converted: CONVERTED.ENUM };
      break;
    case 'INTERVAL':
      if (fixed(12)) return { ...type, logical: undefined, converted: CONVERTED.INTERVAL, conversion: 'fixed' };
      break;
    case 'INT96':
      if (fixed(12)) return { physical: 'INT96', conversion: 'fixed' };
      break;
  }
  throw new ParquetryError('INVALID_ARGUMENT', `field ${path}: PARQUET:logical_type ${annotation} does not apply to ${type.physical}${type.typeLength ? `(${type.typeLength})` : ''}`);
}

export function writeSchema(schema: Schema, options: SchemaOptions = {}): WriteSchema {
  const elements: SchemaElement[] = [{ name: 'schema', num_children: schema.fields.length }];
  const leaves: WriteLeaf[] = [];
  const used: number[] = [];
  collectIds(schema.fields, used);
  let nextId = used.reduce((m, v) => Math.max(m, v), 0) + 1;
  const fieldId = (field: Field) => (options.fieldIds === false ? undefined : (explicitId(field) ?? nextId++));

  const names = new Set<string>();
  for (const field of schema.fields) {
    if (names.has(field.name)) throw new ParquetryError('INVALID_ARGUMENT', `the schema has two fields named ${field.name}`);
    names.add(field.name);
  }

  function node(field: Field, name: string, nullable: boolean, def: number, rep: number, path: string[]): WriteNode {
    const type = valueType(field.type);
    const repetition = nullable ? OPTIONAL : REQUIRED;
    const defAbove = def;
    const inner = def + (nullable ? 1 : 0);
    const here = [...path, name];
    const id = fieldId(field);
    switch (typeId(type)) {
      case Type.Struct: {
        const children = type.children;
        if (children.length === 0) throw new ParquetryError('UNSUPPORTED', `struct ${here.join('.')} has no fields: Parquet groups need at least one`);
        elements.push({ name, repetition_type: repetition, num_children: children.length, field_id: id });
        return { kind: 'struct', name, nullable, defAbove, children: children.map((c) => node(c, c.name, c.nullable, inner, rep, here)) };
      }
      case Type.List:
      case Type.LargeList:
      case Type.FixedSizeList: {
        const child = type.children[0];
        elements.push({ name, repetition_type: repetition, num_children: 1, converted_type: CONVERTED.LIST, logicalType: { LIST: {} }, field_id: id });
        elements.push({ name: 'list', repetition_type: REPEATED, num_children: 1 });
        const element = node(child, 'element', child.nullable, inner + 1, rep + 1, [...here, 'list']);
        return { kind: 'list', name, nullable, defAbove, element, repLevel: rep + 1 };
      }
      case Type.Map: {
        const entries = type.children[0];
        const [key, value] = entries.type.children as Field[];
        elements.push({ name, repetition_type: repetition, num_children: 1, converted_type: CONVERTED.MAP, logicalType: { MAP: {} }, field_id: id });
        elements.push({ name: 'key_value', repetition_type: REPEATED, num_children: value ? 2 : 1 });
        const at = [...here, 'key_value'];
        const children = [node(key, 'key', false, inner + 1, rep + 1, at), ...(value ? [node(value, 'value', value.nullable, inner + 1, rep + 1, at)] : [])];
        const struct: WriteNode = { kind: 'struct', name: 'key_value', nullable: false, defAbove: inner + 1, children };
        return { kind: 'list', name, nullable, defAbove, element: struct, repLevel: rep + 1 };
      }
      default: {
        const leafType = annotated(writeLeafType(type, options), field.metadata.get('PARQUET:logical_type'), here.join('.'));
        const element: SchemaElement = {
          type: PARQUET_TYPE.indexOf(leafType.physical),
          type_length: leafType.typeLength,
          repetition_type: repetition,
          name,
          converted_type: leafType.converted,
          logicalType: leafType.logical,
          precision: leafType.precision,
          scale: leafType.scale,
          field_id: id,
        };
        elements.push(element);
        const leaf: WriteLeaf = { index: leaves.length, path: here, element, type: leafType, maxDef: inner, maxRep: rep };
        leaves.push(leaf);
        return { kind: 'leaf', name, nullable, defAbove, leaf };
      }
    }
  }

  const fields = schema.fields.map((f) => node(f, f.name, f.nullable, 0, 0, []));
  return { elements, fields, leaves };
}
