// Statistics min/max (PLAIN bytes without a length prefix) as readable values, by the leaf's type.
import type { LeafNode } from '@parquetry/parquet';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isText(leaf: LeafNode): boolean {
  const l = leaf.logicalType;
  return !!(l?.STRING || l?.ENUM || l?.JSON) || leaf.convertedType === 'UTF8' || leaf.convertedType === 'ENUM' || leaf.convertedType === 'JSON';
}

export function statisticValue(leaf: LeafNode, bytes: Uint8Array | undefined): string | number | boolean | null {
  if (!bytes) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    switch (leaf.physicalType) {
      case 'BOOLEAN':
        return bytes.length >= 1 ? bytes[0] !== 0 : null;
      case 'INT32':
        return bytes.length === 4 ? (leaf.convertedType?.startsWith('UINT') || leaf.logicalType?.INTEGER?.isSigned === false ? view.getUint32(0, true) : view.getInt32(0, true)) : null;
      case 'INT64': {
        if (bytes.length !== 8) return null;
        const unsigned = leaf.convertedType === 'UINT_64' || leaf.logicalType?.INTEGER?.isSigned === false;
        const v = unsigned ? view.getBigUint64(0, true) : view.getBigInt64(0, true);
        return v >= -(2n ** 53n) && v <= 2n ** 53n ? Number(v) : v.toString();
      }
      case 'FLOAT':
        return bytes.length === 4 ? view.getFloat32(0, true) : null;
      case 'DOUBLE':
        return bytes.length === 8 ? view.getFloat64(0, true) : null;
      default:
        if (isText(leaf)) return utf8.decode(bytes);
        return Buffer.from(bytes).toString('base64');
    }
  } catch {
    return Buffer.from(bytes).toString('base64');
  }
}
