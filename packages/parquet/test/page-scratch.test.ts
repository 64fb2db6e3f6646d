// Data pages whose values are copies decompress into one shared scratch buffer: values that would
// still view it (PLAIN byte arrays with one non-empty value) are copied before the next page
// overwrites it, and dictionary pages never use it.
import { Table, Utf8, vectorFromArray } from 'apache-arrow';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { encodeParquet, memorySource, openParquet, readTable } from '../src/index.js';

test('a page with one non-empty string survives the pages decompressed after it', async () => {
  // Pages of 4 rows: the first holds one non-empty value (a view of its page), the rest long ones.
  const strings = ['', 'only-one-non-empty-value', '', '', ...Array.from({ length: 40 }, (_, i) => `value-${i}-`.repeat(20))];
  for (const encoding of ['PLAIN', 'DELTA_LENGTH_BYTE_ARRAY', 'DELTA_BYTE_ARRAY'] as const) {
    for (const pageVersion of [1, 2] as const) {
      const table = new Table({ s: vectorFromArray(strings, new Utf8()), d: vectorFromArray(strings.map((_, i) => `k${i % 3}`), new Utf8()) });
      const bytes = encodeParquet(table, { pageRows: 4, pageVersion, compression: 'SNAPPY', encodings: { s: encoding } });
      const back = await readTable(await openParquet(memorySource(bytes)));
      assert.equal(back.getChild('s')!.toArray(), strings, `${encoding} v${pageVersion}`);
      assert.equal(back.getChild('d')!.toArray(), strings.map((_, i) => `k${i % 3}`), `dictionary column, ${encoding} v${pageVersion}`);
    }
  }
});

test.run();
