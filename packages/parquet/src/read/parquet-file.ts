// Opening a file: the footer, the schema as a tree, and the plan that maps it onto Arrow.
import { ParquetryError } from '@parquetry/core';
import type { FileMetaData } from '@parquetry/thrift';
import { Schema } from 'apache-arrow';
import { planField, planNode, type Plan } from '../arrow/arrow-plan.js';
import type { Int96Unit } from '../arrow/int96.js';
import { buildSchema, type ParquetSchema } from '../schema/parquet-schema.js';
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
  /** One plan per top-level field, in schema order. */
  plans: Plan[];
  arrowSchema: Schema;
  int96Unit: Int96Unit;
  /** Key/value metadata as a Map. */
  keyValueMetadata: Map<string, string | undefined>;
}

export async function openParquet(source: ByteSource, options: OpenOptions = {}): Promise<ParquetFile> {
  const footer = await readFooter(source);
  const metadata = footer.metadata;
  const schema = buildSchema(metadata.schema);
  const int96Unit = options.int96Unit ?? 'ns';
  const plans = schema.root.children.map((child) => planNode(child, int96Unit));
  const keyValueMetadata = new Map((metadata.key_value_metadata ?? []).map((kv) => [kv.key, kv.value] as const));
  for (const [i, rowGroup] of metadata.row_groups.entries()) {
    if (rowGroup.columns.length !== schema.leaves.length) {
      throw new ParquetryError('CORRUPT', `row group ${i} has ${rowGroup.columns.length} column chunks for ${schema.leaves.length} leaf columns`, { rowGroup: i });
    }
  }
  return { source, metadata, schema, plans, arrowSchema: new Schema(plans.map(planField)), int96Unit, keyValueMetadata };
}
