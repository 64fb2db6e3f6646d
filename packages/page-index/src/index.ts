export { RowRanges, type RowRange } from './row-ranges.js';
export {
  checkColumnIndex,
  checkOffsetIndex,
  decodeColumnIndex,
  decodeOffsetIndex,
  encodeColumnIndex,
  encodeOffsetIndex,
  pageRows,
  rowsOfPages,
  type ColumnIndex,
  type OffsetIndex,
  type PageLocation,
} from './page-index.js';
