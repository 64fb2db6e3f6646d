import type { NativeBinding } from '@parquetry/native';
import { ERROR_CODES, ParquetryError, type ErrorCode } from './error.js';

// The Rust side cannot construct a ParquetryError, so it throws a plain Error whose message is
// `CODE@OFFSET: detail` (OFFSET may be `-`). The wrapper below turns those back into ParquetryErrors.
const NATIVE_MESSAGE = /^([A-Z_]+)@(\d+|-): ([\s\S]*)$/;

export function fromNativeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const match = NATIVE_MESSAGE.exec(error.message);
  if (!match || !ERROR_CODES.includes(match[1] as ErrorCode)) return error;
  const offset = match[2] === '-' ? undefined : Number(match[2]);
  return new ParquetryError(match[1] as ErrorCode, match[3], { offset }, { cause: error });
}

/** The binding with every function's native errors rethrown as ParquetryErrors. */
export function wrapNativeBinding(raw: NativeBinding): NativeBinding {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    wrapped[name] =
      typeof value === 'function'
        ? function (this: unknown, ...args: unknown[]) {
            try {
              return (value as (...a: unknown[]) => unknown).apply(raw, args);
            } catch (error) {
              throw fromNativeError(error);
            }
          }
        : value;
  }
  return wrapped as unknown as NativeBinding;
}
