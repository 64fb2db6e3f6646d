/**
 * The one error class of Parquetry. `code` says what went wrong in a word a program can switch on;
 * the location fields say where, as precisely as the layer that threw (or re-threw) knows it.
 */
export type ErrorCode =
  /** The input ends before a structure it declares is complete. */
  | 'TRUNCATED'
  /** The input is malformed: a value, length or header the spec does not allow. */
  | 'CORRUPT'
  /** Valid input that this build cannot handle (an encoding, codec or feature). */
  | 'UNSUPPORTED'
  /** A configured safety cap (size, count, memory) would be exceeded. */
  | 'LIMIT'
  /** The caller passed an argument outside the API's contract. */
  | 'INVALID_ARGUMENT';

export const ERROR_CODES: readonly ErrorCode[] = ['TRUNCATED', 'CORRUPT', 'UNSUPPORTED', 'LIMIT', 'INVALID_ARGUMENT'];

export interface ErrorLocation {
  /** Byte offset in the buffer (or file) being decoded. */
  offset?: number;
  /** Dotted column path, e.g. `a.b.list.element`. */
  columnPath?: string;
  rowGroup?: number;
  page?: number;
}

export class ParquetryError extends Error {
  override readonly name = 'ParquetryError';
  readonly code: ErrorCode;
  readonly offset: number | undefined;
  readonly columnPath: string | undefined;
  readonly rowGroup: number | undefined;
  readonly page: number | undefined;
  /** The message without the code and location, as the thrower wrote it. */
  readonly detail: string;

  constructor(code: ErrorCode, detail: string, where: ErrorLocation = {}, options?: { cause?: unknown }) {
    super(formatMessage(code, detail, where), options);
    this.code = code;
    this.detail = detail;
    this.offset = where.offset;
    this.columnPath = where.columnPath;
    this.rowGroup = where.rowGroup;
    this.page = where.page;
  }

  /** The same error with more location filled in by an outer layer; what the inner layer knew wins. */
  withLocation(where: ErrorLocation): ParquetryError {
    const merged: ErrorLocation = {
      offset: this.offset ?? where.offset,
      columnPath: this.columnPath ?? where.columnPath,
      rowGroup: this.rowGroup ?? where.rowGroup,
      page: this.page ?? where.page,
    };
    return new ParquetryError(this.code, this.detail, merged, { cause: this.cause });
  }

  /** True for a ParquetryError even when two copies of this package are loaded. */
  static is(value: unknown): value is ParquetryError {
    return value instanceof ParquetryError || (value instanceof Error && value.name === 'ParquetryError' && 'code' in value);
  }
}

function formatMessage(code: ErrorCode, detail: string, where: ErrorLocation): string {
  const parts: string[] = [];
  if (where.rowGroup !== undefined) parts.push(`row group ${where.rowGroup}`);
  if (where.columnPath !== undefined) parts.push(`column ${where.columnPath}`);
  if (where.page !== undefined) parts.push(`page ${where.page}`);
  if (where.offset !== undefined) parts.push(`offset ${where.offset}`);
  return parts.length ? `${code}: ${detail} at ${parts.join(', ')}` : `${code}: ${detail}`;
}

/**
 * `error` with its offset moved by `by` when it is a ParquetryError that has one: a decoder given a
 * slice reports offsets within the slice, and its caller knows where the slice starts.
 */
export function rebaseErrorOffset(error: unknown, by: number): unknown {
  if (!ParquetryError.is(error) || error.offset === undefined || by === 0) return error;
  const where = { offset: error.offset + by, columnPath: error.columnPath, rowGroup: error.rowGroup, page: error.page };
  return new ParquetryError(error.code, error.detail, where, { cause: error.cause ?? error });
}
