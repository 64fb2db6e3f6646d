// Deep imports of the peers' single functions: their packages ship no types for these paths.
declare module 'hyparquet/src/encoding.js' {
  export function readRleBitPackedHybrid(reader: { view: DataView; offset: number }, width: number, output: Int32Array, length?: number): void;
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
