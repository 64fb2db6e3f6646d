// scratch: per-column comparison of one interop file (deleted before the report)
import { readFileSync } from 'node:fs';
import { jsonRows, jsonText } from '@parquetry/cli';
import { memorySource, openParquet, readArrow } from '@parquetry/parquet';
import { theirRows } from './lib/rows-compare.js';
(globalThis as Record<string, unknown>).__PARQUETRY_TEST__ = { expectedBackend: process.env.PARQUETRY_BACKEND, host: 'node' };
const [filesDir, dumpDir, ...files] = process.argv.slice(2);
for (const rel of files) {
  const theirs = theirRows(readFileSync(`${dumpDir}/${rel}.json`, 'utf8')).map((t) => JSON.parse(t));
  const file = await openParquet(memorySource(readFileSync(`${filesDir}/${rel}`)), { int96Unit: 'raw' });
  for (const plan of file.plans) {
    const name = plan.node.name;
    const ours: string[] = [];
    try {
      for await (const batch of readArrow(file, { columns: [name] })) for (const row of jsonRows(batch, [plan])) ours.push(jsonText(row[name]));
    } catch (e) { console.log(`${rel} ${name}: THROWS ${(e as Error).message}`); continue; }
    let bad = 0; let first = '';
    for (let r = 0; r < theirs.length; r++) {
      const want = jsonText(theirs[r][name]);
      if (ours[r] !== want) { if (!bad) first = `row ${r}: ours ${ours[r]?.slice(0, 300)} | pyarrow ${want.slice(0, 300)}`; bad++; }
    }
    if (ours.length !== theirs.length) console.log(`${rel} ${name}: ${ours.length} rows vs ${theirs.length}`);
    if (bad) console.log(`${rel} ${name}: ${bad} rows differ, first ${first}`);
  }
}
