// `parquetry inspect FILE`: what a file holds, for a person or (--json) for tools.
import { compressionCodecName } from './codec-name.js';
import { listAt, ENCODING, PARQUET_TYPE } from '@parquetry/thrift';
import type { LeafNode, ParquetFile, SchemaNode } from '@parquetry/parquet';
import { statisticValue } from './statistics.js';

function logicalName(node: SchemaNode): string | undefined {
  const l = node.logicalType;
  if (l) {
    const [name, value] = (Object.entries(l)[0] ?? []) as [string | undefined, any];
    if (!name) return undefined;
    if (name === 'DECIMAL') return `DECIMAL(${value.precision},${value.scale})`;
    if (name === 'TIMESTAMP' || name === 'TIME') return `${name}(${Object.keys(value.unit)[0]},${value.isAdjustedToUTC ? 'UTC' : 'local'})`;
    if (name === 'INTEGER') return `INT(${value.bitWidth},${value.isSigned ? 'signed' : 'unsigned'})`;
    return name;
  }
  return node.convertedType;
}

export function describeSchema(node: SchemaNode, depth = 0): object {
  const base = {
    name: node.name,
    repetition: node.repetition,
    logicalType: logicalName(node) ?? null,
    fieldId: node.fieldId ?? null,
  };
  if (node.kind === 'leaf') {
    return { ...base, physicalType: node.physicalType, typeLength: node.typeLength ?? null, maxDefinitionLevel: node.definitionLevel, maxRepetitionLevel: node.repetitionLevel };
  }
  return { ...base, children: node.children.map((c) => describeSchema(c, depth + 1)) };
}

function columnInfo(file: ParquetFile, rowGroup: number, leaf: LeafNode): object {
  const chunk = listAt(file.metadata.row_groups[rowGroup].columns, leaf.columnIndex);
  const meta = chunk.meta_data;
  const stats = meta?.statistics;
  return {
    path: leaf.path.join('.'),
    physicalType: meta ? (PARQUET_TYPE[meta.type] ?? meta.type) : leaf.physicalType,
    logicalType: logicalName(leaf) ?? null,
    encodings: meta ? meta.encodings.map((e) => ENCODING[e] ?? `ENCODING(${e})`) : [],
    codec: meta ? compressionCodecName(meta.codec) : null,
    values: meta?.num_values ?? null,
    compressedBytes: meta?.total_compressed_size ?? null,
    uncompressedBytes: meta?.total_uncompressed_size ?? null,
    ratio: meta && meta.total_compressed_size > 0 ? Number((meta.total_uncompressed_size / meta.total_compressed_size).toFixed(3)) : null,
    statistics: stats
      ? {
          min: statisticValue(leaf, stats.min_value ?? stats.min),
          max: statisticValue(leaf, stats.max_value ?? stats.max),
          nullCount: stats.null_count ?? null,
          distinctCount: stats.distinct_count ?? null,
        }
      : null,
    pageIndex: { columnIndex: chunk.column_index_offset !== undefined, offsetIndex: chunk.offset_index_offset !== undefined },
    bloomFilter: meta?.bloom_filter_offset !== undefined,
  };
}

export function describeFile(file: ParquetFile): object {
  const m = file.metadata;
  return {
    size: file.source.size,
    version: m.version,
    createdBy: m.created_by ?? null,
    rows: m.num_rows,
    rowGroupCount: m.row_groups.length,
    columnCount: file.schema.leaves.length,
    keyValueMetadata: Object.fromEntries(file.keyValueMetadata),
    schema: file.schema.root.children.map((c) => describeSchema(c)),
    arrowSchema: file.arrowSchema.fields.map((f) => `${f.name}: ${String(f.type)}${f.nullable ? '' : ' not null'}`),
    rowGroups: m.row_groups.map((rg, i) => ({
      index: i,
      rows: rg.num_rows,
      totalByteSize: rg.total_byte_size,
      compressedBytes: rg.total_compressed_size ?? null,
      columns: file.schema.leaves.map((leaf) => columnInfo(file, i, leaf)),
    })),
  };
}

function schemaLines(node: Record<string, unknown>, indent: string, out: string[]): void {
  const type = node.physicalType ? `${String(node.physicalType)}${node.typeLength ? `(${String(node.typeLength)})` : ''}` : 'group';
  const logical = node.logicalType ? ` ${String(node.logicalType)}` : '';
  const id = node.fieldId !== null ? ` id=${String(node.fieldId)}` : '';
  out.push(`${indent}${String(node.repetition).toLowerCase()} ${type}${logical} ${String(node.name)}${id}`);
  for (const child of (node.children as Array<Record<string, unknown>> | undefined) ?? []) schemaLines(child, `${indent}  `, out);
}

const bytes = (n: unknown) => (typeof n === 'number' ? (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`) : '?');

export function formatDescription(d: Record<string, any>): string {
  const out: string[] = [];
  out.push(`file: ${bytes(d.size)}, ${d.rows} rows, ${d.rowGroupCount} row group(s), ${d.columnCount} column(s), format version ${d.version}`);
  if (d.createdBy) out.push(`created by: ${d.createdBy}`);
  const kv = Object.keys(d.keyValueMetadata);
  if (kv.length) out.push(`key/value metadata: ${kv.join(', ')}`);
  out.push('', 'schema:');
  for (const node of d.schema) schemaLines(node, '  ', out);
  for (const rg of d.rowGroups) {
    out.push('', `row group ${rg.index}: ${rg.rows} rows, ${bytes(rg.totalByteSize)} uncompressed`);
    for (const c of rg.columns) {
      const stats = c.statistics ? `min ${JSON.stringify(c.statistics.min)} max ${JSON.stringify(c.statistics.max)} nulls ${c.statistics.nullCount ?? '?'}` : 'no statistics';
      const extras = [c.pageIndex.columnIndex || c.pageIndex.offsetIndex ? 'page index' : '', c.bloomFilter ? 'bloom filter' : ''].filter(Boolean).join(', ');
      out.push(`  ${c.path}: ${c.physicalType}${c.logicalType ? ` ${c.logicalType}` : ''}, ${c.encodings.join('+')}, ${c.codec}, ${bytes(c.compressedBytes)} / ${bytes(c.uncompressedBytes)} (x${c.ratio ?? '?'}), ${stats}${extras ? `, ${extras}` : ''}`);
    }
  }
  return out.join('\n');
}
