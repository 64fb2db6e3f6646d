// Opening a file: the footer, the schema as a tree, and the plan that maps it onto Arrow.
import { ParquetryError } from '@parquetry/core';
import type { FileMetaData } from '@parquetry/thrift';
import { Schema } from 'apache-arrow';
import { planField, planNode, type Plan } from '../arrow/arrow-plan.js';
import type { Int96Unit } from '../arrow/int96.js';
import { buildSchema, type ParquetSchema, type SchemaNode } from '../schema/parquet-schema.js';
import type { ByteSource } from '../source/byte-source.js';
import { readFooter } from './footer.js';

export interface OpenOptions {
  /** The Arrow unit INT96 timestamps become (default 'ns'; a value outside its range is LIMIT). */
  int96Unit?: Int96Unit;
}

export interface ParquetFile {
  source: ByteSource;
  metadata: FileMetaData;
  schema: ParquetSchema;
  /** One plan per top-level field, in schema order (built on first use: wide files pay only for what they read). */
  readonly plans: Plan[];
  /** The plan of one top-level field, by name; undefined when there is none. */
  planOf(name: string): Plan | undefined;
  readonly arrowSchema: Schema;
  int96Unit: Int96Unit;
  /** Key/value metadata as a Map. */
  keyValueMetadata: Map<string, string | undefined>;
}

export async function openParquet(source: ByteSource, options: OpenOptions = {}): Promise<ParquetFile> {
  const footer = await readFooter(source);
  const metadata = footer.metadata;
  const schema = buildSchema(metadata.schema);
  const int96Unit = options.int96Unit ?? 'ns';
  const keyValueMetadata = new Map((metadata.key_value_metadata ?? []).map((kv) => [kv.key, kv.value] as const));
  for (const [i, rowGroup] of metadata.row_groups.entries()) {
    if (rowGroup.columns.length !== schema.leaves.length) {
      throw new ParquetryError('CORRUPT', `row group ${i} has ${rowGroup.columns.length} column chunks for ${schema.leaves.length} leaf columns`, { rowGroup: i });
    }
  }
  const children = schema.root.children;
  const indexOf = fieldFinder(children);
  const planCache: Array<Plan | undefined> = new Array(children.length);
  const planAt = (i: number) => (planCache[i] ??= planNode(children[i], int96Unit));
  let plans: Plan[] | undefined;
  let arrowSchema: Schema | undefined;
  const file: ParquetFile = {
    source,
    metadata,
    schema,
    get plans() {
      return (plans ??= children.map((_, i) => planAt(i)));
    },
    planOf(name: string) {
      const i = indexOf(name);
      return i === undefined ? undefined : planAt(i);
    },
    get arrowSchema() {
      return (arrowSchema ??= new Schema(file.plans.map(planField)));
    },
    int96Unit,
    keyValueMetadata,
  };
  return file;
}

/** Lookups by linear scan before a name map is built: a projection of a few columns of a wide file. */
const SCANNED_LOOKUPS = 32;

/**
 * The position of the top-level field called `name` (the last one, should a file repeat a name).
 * The first lookups scan the fields; after SCANNED_LOOKUPS of them a Map is built, which for
 * 10,000 fields costs more than a few scans do.
 */
function fieldFinder(children: readonly SchemaNode[]): (name: string) => number | undefined {
  let byName: Map<string, number> | undefined;
  let lookups = 0;
  return (name) => {
    if (byName === undefined && ++lookups > SCANNED_LOOKUPS) {
      byName = new Map();
      for (let i = 0; i < children.length; i++) byName.set(children[i].name, i);
    }
    if (byName !== undefined) return byName.get(name);
    for (let i = children.length - 1; i >= 0; i--) if (children[i].name === name) return i;
    return undefined;
  };
}
