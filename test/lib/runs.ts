/** One run of an RLE/bit-packing hybrid stream, as read independently of the codec under test. */
export interface Run {
  kind: 'rle' | 'bit-packed';
  /** Values in the run (for bit-packed runs, a multiple of 8). */
  values: number;
}

/** Lists the runs of a well-formed stream by walking its headers (Encodings.md grammar). */
export function listRuns(bytes: Uint8Array, bitWidth: number): Run[] {
  const runs: Run[] = [];
  let p = 0;
  while (p < bytes.length) {
    let header = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[p++];
      header += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
    }
    const n = Math.floor(header / 2);
    if (header % 2 === 1) {
      runs.push({ kind: 'bit-packed', values: n * 8 });
      p += n * bitWidth;
    } else {
      runs.push({ kind: 'rle', values: n });
      p += Math.ceil(bitWidth / 8);
    }
  }
  return runs;
}
