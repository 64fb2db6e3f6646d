// A text file as a stream of decoded chunks (1 MiB reads), strictly UTF-8: a byte sequence that is
// not UTF-8 is an error, never a silent U+FFFD. A leading byte-order mark is dropped.
import { createReadStream } from 'node:fs';
import { ParquetryError } from '@parquetry/core';

export async function* textChunks(path: string, onBytes?: (n: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let offset = 0;
  const decode = (bytes?: Uint8Array) => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch (error) {
      throw new ParquetryError('CORRUPT', `${path} is not valid UTF-8 (in the bytes ${offset}..${offset + (bytes?.length ?? 0)})`, {}, { cause: error });
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    const text = decode(bytes);
    offset += bytes.length;
    onBytes?.(bytes.length);
    if (text) yield text;
  }
  const rest = decode();
  if (rest) yield rest;
}
