// Predicates over columns, as data: what `filter` takes. Values are JS values of the column's type:
// number or bigint for integers (bigint for 64-bit), number for floats, string for text, Uint8Array
// for binary, boolean. Leaves are named by their dotted path (a top-level column by its name).
export type Scalar = number | bigint | string | boolean | Uint8Array;

export type Predicate =
  | { op: 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge'; column: string; value: Scalar }
  | { op: 'in'; column: string; values: readonly Scalar[] }
  | { op: 'between'; column: string; low: Scalar; high: Scalar }
  | { op: 'isNull' | 'isNotNull'; column: string }
  | { op: 'and' | 'or'; predicates: readonly Predicate[] }
  | { op: 'not'; predicate: Predicate };

export const eq = (column: string, value: Scalar): Predicate => ({ op: 'eq', column, value });
export const ne = (column: string, value: Scalar): Predicate => ({ op: 'ne', column, value });
export const lt = (column: string, value: Scalar): Predicate => ({ op: 'lt', column, value });
export const le = (column: string, value: Scalar): Predicate => ({ op: 'le', column, value });
export const gt = (column: string, value: Scalar): Predicate => ({ op: 'gt', column, value });
export const ge = (column: string, value: Scalar): Predicate => ({ op: 'ge', column, value });
export const isIn = (column: string, values: readonly Scalar[]): Predicate => ({ op: 'in', column, values });
export const between = (column: string, low: Scalar, high: Scalar): Predicate => ({ op: 'between', column, low, high });
export const isNull = (column: string): Predicate => ({ op: 'isNull', column });
export const isNotNull = (column: string): Predicate => ({ op: 'isNotNull', column });
export const and = (...predicates: Predicate[]): Predicate => ({ op: 'and', predicates });
export const or = (...predicates: Predicate[]): Predicate => ({ op: 'or', predicates });
export const not = (predicate: Predicate): Predicate => ({ op: 'not', predicate });
