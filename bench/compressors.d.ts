// Types for the compression peers that ship none (both are CommonJS; imported as default).
declare module 'snappyjs' {
  const snappyjs: {
    compress(input: Uint8Array): Uint8Array;
    /** Allocates the output; throws when the stream declares more than `maxLength` bytes. */
    uncompress(input: Uint8Array, maxLength?: number): Uint8Array;
  };
  export default snappyjs;
}
declare module 'lz4js' {
  const lz4js: {
    compressBound(n: number): number;
    /** One raw LZ4 block; `hashTable` (65,536 entries) must be zero; returns bytes written, 0 when nothing matched. */
    compressBlock(src: Uint8Array, dst: Uint8Array, sIndex: number, sLength: number, hashTable: Uint32Array): number;
    /** Decodes `sLength` bytes of one raw block from `src[sIndex]` into `dst[dIndex]`; returns the end index in dst. */
    decompressBlock(src: Uint8Array, dst: Uint8Array, sIndex: number, sLength: number, dIndex: number): number;
  };
  export default lz4js;
}
