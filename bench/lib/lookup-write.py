# Writes the lookup table with pyarrow (row groups of 1M rows, page index on, default data page
# size, snappy): the same columns as lookup-data.ts, one row group at a time to bound memory.
# Usage: python lookup-write.py OUT.parquet ROWS. Needs the venv: bash scripts/setup-venv.sh
import sys

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

TS_START_US = 1_700_000_000_000_000
TAGS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta']
ROW_GROUP = 1_000_000

path, rows = sys.argv[1], int(sys.argv[2])
schema = pa.schema([('id', pa.int64()), ('ts', pa.timestamp('us')), ('value', pa.float64()), ('tag', pa.string())])
tags = pa.array(TAGS)
with pq.ParquetWriter(path, schema, compression='snappy', write_page_index=True) as writer:
    for start in range(0, rows, ROW_GROUP):
        # pyarrow.compute only (the venv has no numpy)
        ids = pa.array(range(start, min(start + ROW_GROUP, rows)), pa.int64())
        table = pa.table({
            'id': ids,
            'ts': pc.add(pc.multiply(ids, 1000), TS_START_US).cast(pa.timestamp('us')),
            'value': pc.divide(pc.modulo(pc.multiply(ids, 7919), 1000003).cast(pa.float64()), 8.0),
            'tag': tags.take(pc.modulo(ids, len(TAGS))),
        }, schema=schema)
        writer.write_table(table, row_group_size=ROW_GROUP)
