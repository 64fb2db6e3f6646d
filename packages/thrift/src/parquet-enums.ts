// The enums of parquet.thrift, by value: index i is the name of value i (undefined where a value
// is unused, e.g. Encoding 1, the never-used GROUP_VAR_INT).
export const PARQUET_TYPE = ['BOOLEAN', 'INT32', 'INT64', 'INT96', 'FLOAT', 'DOUBLE', 'BYTE_ARRAY', 'FIXED_LEN_BYTE_ARRAY'] as const;
export const CONVERTED_TYPE = [
  'UTF8', 'MAP', 'MAP_KEY_VALUE', 'LIST', 'ENUM', 'DECIMAL', 'DATE', 'TIME_MILLIS', 'TIME_MICROS', 'TIMESTAMP_MILLIS',
  'TIMESTAMP_MICROS', 'UINT_8', 'UINT_16', 'UINT_32', 'UINT_64', 'INT_8', 'INT_16', 'INT_32', 'INT_64', 'JSON', 'BSON', 'INTERVAL',
] as const;
export const FIELD_REPETITION_TYPE = ['REQUIRED', 'OPTIONAL', 'REPEATED', 'VECTOR'] as const;
export const ENCODING = [
  'PLAIN', undefined, 'PLAIN_DICTIONARY', 'RLE', 'BIT_PACKED', 'DELTA_BINARY_PACKED', 'DELTA_LENGTH_BYTE_ARRAY', 'DELTA_BYTE_ARRAY',
  'RLE_DICTIONARY', 'BYTE_STREAM_SPLIT',
] as const;
export const COMPRESSION_CODEC = ['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'LZO', 'BROTLI', 'LZ4', 'ZSTD', 'LZ4_RAW'] as const;
export const PAGE_TYPE = ['DATA_PAGE', 'INDEX_PAGE', 'DICTIONARY_PAGE', 'DATA_PAGE_V2'] as const;
export const BOUNDARY_ORDER = ['UNORDERED', 'ASCENDING', 'DESCENDING'] as const;
