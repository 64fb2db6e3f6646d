#!/usr/bin/env node
// The `parquetry` command. Errors print one line and exit 1; --debug adds the stack.
import { ParquetryError, type CompressionCodecName } from '@parquetry/core';
import { emptyReadStats, openParquet } from '@parquetry/parquet';
import { optionInteger, optionString, parseArgs } from './args.js';
import { cat } from './cat.js';
import { convert, CONVERT_USAGE } from './convert.js';
import { describeFile, formatDescription } from './inspect.js';
import { openSource } from './open-source.js';
import { writeSample } from './sample.js';
import { formatRate, scan } from './scan.js';
import { parseWhere } from './where.js';

const USAGE = `usage:
  parquetry inspect FILE [--json]
  parquetry cat FILE [--columns a,b] [--limit N] [--format jsonl|csv] [--where EXPR] [--stats]
  parquetry scan FILE [--columns a,b] [--where EXPR]   (read into Arrow, print throughput)
  parquetry sample FILE [--rows N] [--compression SNAPPY|ZSTD|GZIP|LZ4_RAW|BROTLI|UNCOMPRESSED]
${CONVERT_USAGE}
options: --int96 ns|us|ms (Arrow unit of INT96 timestamps; cat formats them exactly) --no-crc --debug`;

function write(text: string): Promise<void> | void {
  if (process.stdout.write(text)) return;
  return new Promise((resolve) => process.stdout.once('drain', () => resolve()));
}

async function main(argv: string[]): Promise<void> {
  // convert parses its own options (--encoding repeats).
  if (argv[0] === 'convert') return convert(argv.slice(1));
  const args = parseArgs(argv, new Set(['columns', 'limit', 'format', 'int96', 'rows', 'compression', 'where']));
  const [command, location, ...rest] = args.positional;
  if (!command || command === 'help' || args.options.has('help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (command === 'sample') {
    if (!location || rest.length) throw new ParquetryError('INVALID_ARGUMENT', `sample needs one FILE\n${USAGE}`);
    const rows = optionInteger(args, 'rows') ?? 1_000_000;
    const written = await writeSample(location, rows, { compression: (optionString(args, 'compression') ?? 'SNAPPY').toUpperCase() as CompressionCodecName });
    process.stdout.write(`wrote ${written.rows} rows to ${location} (${(written.fileBytes / 1e6).toFixed(1)} MB file): ${formatRate(written.arrowBytes, written.seconds)} of Arrow data\n`);
    return;
  }
  if (command !== 'inspect' && command !== 'cat' && command !== 'scan') throw new ParquetryError('INVALID_ARGUMENT', `unknown command ${command}\n${USAGE}`);
  if (rest.length) throw new ParquetryError('INVALID_ARGUMENT', `unexpected arguments: ${rest.join(' ')}`);
  if (!location) throw new ParquetryError('INVALID_ARGUMENT', `${command} needs a FILE\n${USAGE}`);
  const source = await openSource(location);
  try {
    if (command === 'scan') {
      const file = await openParquet(source);
      const whereText = optionString(args, 'where');
      const columns = optionString(args, 'columns')?.split(',').map((s) => s.trim()).filter(Boolean);
      const result = await scan(file, { columns, where: whereText === undefined ? undefined : parseWhere(whereText, file) });
      process.stdout.write(
        `read ${result.rows} rows of ${columns ? columns.join(', ') : 'every column'} in ${result.batches} batches: ${formatRate(result.arrowBytes, result.seconds)} of Arrow data; ${(source.bytesRead / 1e6).toFixed(1)} MB read of a ${(source.size / 1e6).toFixed(1)} MB file\n`,
      );
    } else if (command === 'inspect') {
      const file = await openParquet(source);
      const description = describeFile(file);
      process.stdout.write(args.options.has('json') ? `${JSON.stringify(description, null, 2)}\n` : `${formatDescription(description as Record<string, never>)}\n`);
    } else {
      // INT96 stays raw so it formats exactly, whatever its range.
      const file = await openParquet(source, { int96Unit: 'raw' });
      const whereText = optionString(args, 'where');
      const stats = emptyReadStats();
      const started = source.bytesRead;
      const rows = await cat(
        file,
        {
          columns: optionString(args, 'columns')?.split(',').map((s) => s.trim()).filter(Boolean),
          limit: optionInteger(args, 'limit'),
          format: (optionString(args, 'format') ?? 'jsonl') as 'jsonl' | 'csv',
          where: whereText === undefined ? undefined : parseWhere(whereText, file),
          stats,
        },
        write,
      );
      if (args.options.has('stats')) {
        const groups = file.metadata.row_groups.length;
        process.stderr.write(
          `bytes read: ${source.bytesRead} (${source.bytesRead - started} after the footer) of ${source.size}\n` +
            `row groups skipped: ${whereText === undefined ? 0 : stats.rowGroupsSkipped} of ${groups}\n` +
            `pages skipped: ${stats.pagesSkipped} (read ${stats.pagesRead})\n` +
            `rows: ${rows}\n`,
        );
      }
    }
  } finally {
    await source.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const debug = process.argv.includes('--debug');
  if (ParquetryError.is(error)) process.stderr.write(`parquetry: ${error.message}\n`);
  else if ((error as { code?: string }).code === 'ENOENT') process.stderr.write(`parquetry: ${(error as Error).message}\n`);
  else if ((error as { code?: string }).code === 'EPIPE') process.exit(0);
  else process.stderr.write(`parquetry: error: ${error instanceof Error ? error.message : String(error)}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
