// A small argument parser: positional arguments, `--flag`, `--name value` and `--name=value`.
import { ParquetryError } from '@parquetry/core';

export interface Args {
  positional: string[];
  options: Map<string, string | true>;
}

export function parseArgs(argv: readonly string[], valued: ReadonlySet<string>): Args {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--') || arg === '--') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (eq >= 0) options.set(name, arg.slice(eq + 1));
    else if (valued.has(name)) {
      if (i + 1 >= argv.length) throw new ParquetryError('INVALID_ARGUMENT', `--${name} needs a value`);
      options.set(name, argv[++i]);
    } else options.set(name, true);
  }
  return { positional, options };
}

export function optionString(args: Args, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function optionInteger(args: Args, name: string): number | undefined {
  const v = optionString(args, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 0) throw new ParquetryError('INVALID_ARGUMENT', `--${name} must be a non-negative integer, not ${v}`);
  return n;
}
