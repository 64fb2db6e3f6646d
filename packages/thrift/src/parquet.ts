// The structs of parquet.thrift (apache/parquet-format), described once as data. Field names and
// ids are the spec's; enums stay numbers here (see parquet-enums.ts for their names).
import { lazyListOf, listOf, optional, required, struct, union, type StructDef } from './schema.js';

const empty = (name: string) => struct(name, {});

export const SizeStatistics = struct('SizeStatistics', {
  unencoded_byte_array_data_bytes: optional(1, 'i64'),
  repetition_level_histogram: optional(2, listOf('i64')),
  definition_level_histogram: optional(3, listOf('i64')),
});

export const BoundingBox = struct('BoundingBox', {
  xmin: required(1, 'double'),
  xmax: required(2, 'double'),
  ymin: required(3, 'double'),
  ymax: required(4, 'double'),
  zmin: optional(5, 'double'),
  zmax: optional(6, 'double'),
  mmin: optional(7, 'double'),
  mmax: optional(8, 'double'),
});

export const GeospatialStatistics = struct('GeospatialStatistics', {
  bbox: optional(1, BoundingBox),
  geospatial_types: optional(2, listOf('i32')),
});

export const Statistics = struct('Statistics', {
  max: optional(1, 'binary'),
  min: optional(2, 'binary'),
  null_count: optional(3, 'i64'),
  distinct_count: optional(4, 'i64'),
  max_value: optional(5, 'binary'),
  min_value: optional(6, 'binary'),
  is_max_value_exact: optional(7, 'bool'),
  is_min_value_exact: optional(8, 'bool'),
  nan_count: optional(9, 'i64'),
});

export const DecimalType = struct('DecimalType', { scale: required(1, 'i32'), precision: required(2, 'i32') });
export const TimeUnit = union('TimeUnit', {
  MILLIS: optional(1, empty('MilliSeconds')),
  MICROS: optional(2, empty('MicroSeconds')),
  NANOS: optional(3, empty('NanoSeconds')),
});
export const TimestampType = struct('TimestampType', { isAdjustedToUTC: required(1, 'bool'), unit: required(2, TimeUnit) });
export const TimeType = struct('TimeType', { isAdjustedToUTC: required(1, 'bool'), unit: required(2, TimeUnit) });
export const IntType = struct('IntType', { bitWidth: required(1, 'i8'), isSigned: required(2, 'bool') });
export const VariantType = struct('VariantType', { specification_version: optional(1, 'i8') });
export const GeometryType = struct('GeometryType', { crs: optional(1, 'string') });
export const GeographyType = struct('GeographyType', { crs: optional(1, 'string'), algorithm: optional(2, 'i32') });

export const LogicalType = union('LogicalType', {
  STRING: optional(1, empty('StringType')),
  MAP: optional(2, empty('MapType')),
  LIST: optional(3, empty('ListType')),
  ENUM: optional(4, empty('EnumType')),
  DECIMAL: optional(5, DecimalType),
  DATE: optional(6, empty('DateType')),
  TIME: optional(7, TimeType),
  TIMESTAMP: optional(8, TimestampType),
  INTEGER: optional(10, IntType),
  UNKNOWN: optional(11, empty('NullType')),
  JSON: optional(12, empty('JsonType')),
  BSON: optional(13, empty('BsonType')),
  UUID: optional(14, empty('UUIDType')),
  FLOAT16: optional(15, empty('Float16Type')),
  VARIANT: optional(16, VariantType),
  GEOMETRY: optional(17, GeometryType),
  GEOGRAPHY: optional(18, GeographyType),
  VECTOR: optional(19, empty('VectorType')),
});

export const SchemaElement = struct('SchemaElement', {
  type: optional(1, 'i32'),
  type_length: optional(2, 'i32'),
  repetition_type: optional(3, 'i32'),
  name: required(4, 'string'),
  num_children: optional(5, 'i32'),
  converted_type: optional(6, 'i32'),
  scale: optional(7, 'i32'),
  precision: optional(8, 'i32'),
  field_id: optional(9, 'i32'),
  logicalType: optional(10, LogicalType),
  vector_length: optional(11, 'i32'),
});

export const DataPageHeader = struct('DataPageHeader', {
  num_values: required(1, 'i32'),
  encoding: required(2, 'i32'),
  definition_level_encoding: required(3, 'i32'),
  repetition_level_encoding: required(4, 'i32'),
  statistics: optional(5, Statistics),
});

export const DictionaryPageHeader = struct('DictionaryPageHeader', {
  num_values: required(1, 'i32'),
  encoding: required(2, 'i32'),
  is_sorted: optional(3, 'bool'),
});

export const DataPageHeaderV2 = struct('DataPageHeaderV2', {
  num_values: required(1, 'i32'),
  num_nulls: required(2, 'i32'),
  num_rows: required(3, 'i32'),
  encoding: required(4, 'i32'),
  definition_levels_byte_length: required(5, 'i32'),
  repetition_levels_byte_length: required(6, 'i32'),
  /** Absent means true. */
  is_compressed: optional(7, 'bool'),
  statistics: optional(8, Statistics),
});

export const BloomFilterHeader = struct('BloomFilterHeader', {
  numBytes: required(1, 'i32'),
  algorithm: required(2, union('BloomFilterAlgorithm', { BLOCK: optional(1, empty('SplitBlockAlgorithm')) })),
  hash: required(3, union('BloomFilterHash', { XXHASH: optional(1, empty('XxHash')) })),
  compression: required(4, union('BloomFilterCompression', { UNCOMPRESSED: optional(1, empty('Uncompressed')) })),
});

export const PageHeader = struct('PageHeader', {
  type: required(1, 'i32'),
  uncompressed_page_size: required(2, 'i32'),
  compressed_page_size: required(3, 'i32'),
  crc: optional(4, 'i32'),
  data_page_header: optional(5, DataPageHeader),
  index_page_header: optional(6, empty('IndexPageHeader')),
  dictionary_page_header: optional(7, DictionaryPageHeader),
  data_page_header_v2: optional(8, DataPageHeaderV2),
});

export const KeyValue = struct('KeyValue', { key: required(1, 'string'), value: optional(2, 'string') });

export const SortingColumn = struct('SortingColumn', {
  column_idx: required(1, 'i32'),
  descending: required(2, 'bool'),
  nulls_first: required(3, 'bool'),
});

export const PageEncodingStats = struct('PageEncodingStats', {
  page_type: required(1, 'i32'),
  encoding: required(2, 'i32'),
  count: required(3, 'i32'),
});

export const ColumnMetaData = struct('ColumnMetaData', {
  type: required(1, 'i32'),
  encodings: required(2, listOf('i32')),
  path_in_schema: required(3, listOf('string')),
  codec: required(4, 'i32'),
  num_values: required(5, 'i64'),
  total_uncompressed_size: required(6, 'i64'),
  total_compressed_size: required(7, 'i64'),
  key_value_metadata: optional(8, listOf(KeyValue)),
  data_page_offset: required(9, 'i64'),
  index_page_offset: optional(10, 'i64'),
  dictionary_page_offset: optional(11, 'i64'),
  statistics: optional(12, Statistics),
  encoding_stats: optional(13, listOf(PageEncodingStats)),
  bloom_filter_offset: optional(14, 'i64'),
  bloom_filter_length: optional(15, 'i32'),
  size_statistics: optional(16, SizeStatistics),
  geospatial_statistics: optional(17, GeospatialStatistics),
});

export const ColumnCryptoMetaData = union('ColumnCryptoMetaData', {
  ENCRYPTION_WITH_FOOTER_KEY: optional(1, empty('EncryptionWithFooterKey')),
  ENCRYPTION_WITH_COLUMN_KEY: optional(
    2,
    struct('EncryptionWithColumnKey', { path_in_schema: required(1, listOf('string')), key_metadata: optional(2, 'binary') }),
  ),
});

export const ColumnChunk = struct('ColumnChunk', {
  file_path: optional(1, 'string'),
  /** Required by the spec, but deprecated and left out by some writers: not checked here. */
  file_offset: optional(2, 'i64'),
  meta_data: optional(3, ColumnMetaData),
  offset_index_offset: optional(4, 'i64'),
  offset_index_length: optional(5, 'i32'),
  column_index_offset: optional(6, 'i64'),
  column_index_length: optional(7, 'i32'),
  crypto_metadata: optional(8, ColumnCryptoMetaData),
  encrypted_column_metadata: optional(9, 'binary'),
});

export const RowGroup = struct('RowGroup', {
  /** Decoded on demand: opening a 10,000-column footer builds no ColumnChunk until asked. */
  columns: required(1, lazyListOf(ColumnChunk)),
  total_byte_size: required(2, 'i64'),
  num_rows: required(3, 'i64'),
  sorting_columns: optional(4, listOf(SortingColumn)),
  file_offset: optional(5, 'i64'),
  total_compressed_size: optional(6, 'i64'),
  ordinal: optional(7, 'i16'),
});

export const ColumnOrder = union('ColumnOrder', {
  TYPE_ORDER: optional(1, empty('TypeDefinedOrder')),
  IEEE_754_TOTAL_ORDER: optional(2, empty('IEEE754TotalOrder')),
  INT96_TIMESTAMP_ORDER: optional(3, empty('Int96TimestampOrder')),
});

export const PageLocation = struct('PageLocation', {
  offset: required(1, 'i64'),
  compressed_page_size: required(2, 'i32'),
  first_row_index: required(3, 'i64'),
});

export const OffsetIndex = struct('OffsetIndex', {
  page_locations: required(1, listOf(PageLocation)),
  unencoded_byte_array_data_bytes: optional(2, listOf('i64')),
});

export const ColumnIndex = struct('ColumnIndex', {
  null_pages: required(1, listOf('bool')),
  min_values: required(2, listOf('binary')),
  max_values: required(3, listOf('binary')),
  boundary_order: required(4, 'i32'),
  null_counts: optional(5, listOf('i64')),
  repetition_level_histograms: optional(6, listOf('i64')),
  definition_level_histograms: optional(7, listOf('i64')),
  nan_counts: optional(8, listOf('i64')),
});

const aesFields = {
  aad_prefix: optional(1, 'binary'),
  aad_file_unique: optional(2, 'binary'),
  supply_aad_prefix: optional(3, 'bool'),
} as const;
export const EncryptionAlgorithm = union('EncryptionAlgorithm', {
  AES_GCM_V1: optional(1, struct('AesGcmV1', aesFields)),
  AES_GCM_CTR_V1: optional(2, struct('AesGcmCtrV1', aesFields)),
});

export const FileMetaData = struct('FileMetaData', {
  version: required(1, 'i32'),
  schema: required(2, listOf(SchemaElement)),
  num_rows: required(3, 'i64'),
  row_groups: required(4, listOf(RowGroup)),
  key_value_metadata: optional(5, listOf(KeyValue)),
  created_by: optional(6, 'string'),
  column_orders: optional(7, lazyListOf(ColumnOrder)),
  encryption_algorithm: optional(8, EncryptionAlgorithm),
  footer_signing_key_metadata: optional(9, 'binary'),
});

export const FileCryptoMetaData = struct('FileCryptoMetaData', {
  encryption_algorithm: required(1, EncryptionAlgorithm),
  key_metadata: optional(2, 'binary'),
});

type Of<D> = D extends StructDef<infer T> ? T : never;
export type FileMetaData = Of<typeof FileMetaData>;
export type RowGroup = Of<typeof RowGroup>;
export type ColumnChunk = Of<typeof ColumnChunk>;
export type ColumnMetaData = Of<typeof ColumnMetaData>;
export type SchemaElement = Of<typeof SchemaElement>;
export type LogicalType = Of<typeof LogicalType>;
export type Statistics = Of<typeof Statistics>;
export type PageHeader = Of<typeof PageHeader>;
export type ColumnIndex = Of<typeof ColumnIndex>;
export type OffsetIndex = Of<typeof OffsetIndex>;
export type PageLocation = Of<typeof PageLocation>;
export type BloomFilterHeader = Of<typeof BloomFilterHeader>;
export type KeyValue = Of<typeof KeyValue>;
export type SizeStatistics = Of<typeof SizeStatistics>;
