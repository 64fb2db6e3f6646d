// A FILE argument as a ByteSource: an http(s) URL, else a local path.
import { fileSource, httpSource, type ByteSource } from '@parquetry/parquet';

export async function openSource(location: string): Promise<ByteSource> {
  if (/^https?:\/\//i.test(location)) return httpSource(location);
  return fileSource(location);
}
