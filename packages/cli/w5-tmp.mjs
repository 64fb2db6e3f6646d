import { encodeParquet, readTable, openParquet, fileSource } from '@parquetry/parquet';
const t = await readTable(await openParquet(await fileSource('/work/main/bench/results/reader/full/rec-none.parquet')));
const codec = process.env.CODEC ?? 'SNAPPY';
const runs = Number(process.env.RUNS ?? 3);
let b = encodeParquet(t, { compression: codec });
const s = performance.now();
for (let i = 0; i < runs; i++) b = encodeParquet(t, { compression: codec });
const ms = (performance.now()-s)/runs;
console.log(codec, t.numRows, 'rows', ms.toFixed(0), 'ms per write', (181.5e6/1e6/(ms/1000)).toFixed(0), 'MB/s', (b.length/1e6).toFixed(1), 'MB');
