// The compact protocol's wire types (Thrift's TCompactProtocol): the low nibble of a field header
// and of a list header.
export const WIRE = {
  STOP: 0,
  BOOL_TRUE: 1,
  BOOL_FALSE: 2,
  I8: 3,
  I16: 4,
  I32: 5,
  I64: 6,
  DOUBLE: 7,
  BINARY: 8,
  LIST: 9,
  SET: 10,
  MAP: 11,
  STRUCT: 12,
} as const;

/** Structs nest at most this deep; deeper input is refused rather than recursed into. */
export const MAX_DEPTH = 64;
