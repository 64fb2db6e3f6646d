export { cat, type CatOptions } from './cat.js';
export { describeFile, formatDescription } from './inspect.js';
export { compileFormat, decimalString, jsonRows, jsonText, type Json } from './json-values.js';
export { isoDate, isoTime, isoTimestamp } from './civil.js';
export { sampleTable, writeSample } from './sample.js';
export { parseWhere } from './where.js';
