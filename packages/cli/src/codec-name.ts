import { COMPRESSION_CODEC } from '@parquetry/thrift';

export function compressionCodecName(value: number): string {
  return COMPRESSION_CODEC[value] ?? `CODEC(${value})`;
}
