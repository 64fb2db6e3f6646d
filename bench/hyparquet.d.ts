// Deep imports of the peers' single functions: their packages ship no types for these paths.
declare module 'hyparquet/src/encoding.js' {
  export function readRleBitPackedHybrid(reader: { view: DataView; offset: number }, width: number, output: Int32Array, length?: number): void;
  export function byteStreamSplit(reader: { view: DataView; offset: number }, count: number, type: string, typeLength: number | undefined): ArrayLike<unknown>;
}
declare module 'hyparquet-writer/src/encoding.js' {
  export function writeRleBitPackedHybrid(writer: unknown, values: ArrayLike<number>, bitWidth: number): void;
}
declare module 'hyparquet-writer/src/bytewriter.js' {
  export class ByteWriter {
    constructor(initialSize?: number);
    buffer: ArrayBuffer;
    offset: number;
    index: number;
  }
}
declare module 'hyparquet/src/delta.js' {
  type Reader = { view: DataView; offset: number };
  export function deltaBinaryUnpack(reader: Reader, count: number, output: Int32Array | BigInt64Array): void;
  export function deltaLengthByteArray(reader: Reader, count: number, output: Uint8Array[]): void;
  export function deltaByteArray(reader: Reader, count: number, output: Uint8Array[]): void;
}
declare module 'hyparquet/src/plain.js' {
  export function readPlain(reader: { view: DataView; offset: number }, type: string, count: number, fixedLength: number | undefined): ArrayLike<unknown>;
}
