// `--where EXPR`: a small SQL-like filter language, parsed into the reader's predicates with each
// literal typed by its column: `id = 42`, `ts >= '2026-01-01' and label = 1`,
// `tag in ('a', 'b')`, `x is null`, `price between 1.5 and 3`, `not (a = 1 or b != 2)`.
import { ParquetryError } from '@parquetry/core';
import type { LeafNode, ParquetFile, Predicate, Scalar } from '@parquetry/parquet';

type Token = { kind: 'word' | 'number' | 'string' | 'op' | 'punct'; text: string; at: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(?<string>'(?:[^']|'')*')|(?<number>-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)|(?<op><=|>=|<>|!=|=|<|>)|(?<punct>[(),])|(?<word>"[^"]+"|[A-Za-z_][\w.]*))/iy;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m?.groups) throw new ParquetryError('INVALID_ARGUMENT', `--where: cannot read "${text.slice(at).trim().slice(0, 20)}" (at character ${at})`);
    const [kind, raw] = Object.entries(m.groups).find(([, v]) => v !== undefined)! as [Token['kind'], string];
    tokens.push({ kind, text: kind === 'string' ? raw.slice(1, -1).replace(/''/g, "'") : kind === 'word' ? raw.replace(/^"|"$/g, '') : raw, at });
    at = re.lastIndex;
  }
  return tokens;
}

type Literal = { kind: 'number' | 'string' | 'bool'; text: string };

function typed(leaf: LeafNode, literal: Literal): Scalar {
  const fail = (): never => {
    throw new ParquetryError('INVALID_ARGUMENT', `--where: ${literal.kind} ${literal.text} does not fit column ${leaf.path.join('.')} (${leaf.physicalType})`);
  };
  const l = leaf.logicalType;
  if (leaf.physicalType === 'BOOLEAN') {
    if (literal.kind === 'bool') return literal.text.toLowerCase() === 'true';
    if (literal.kind === 'number' && (literal.text === '0' || literal.text === '1')) return literal.text === '1';
    return fail();
  }
  if (leaf.physicalType === 'BYTE_ARRAY' || leaf.physicalType === 'FIXED_LEN_BYTE_ARRAY') return literal.kind === 'string' ? literal.text : fail();
  const timestamp = l?.TIMESTAMP ?? (leaf.convertedType === 'TIMESTAMP_MILLIS' ? { unit: { MILLIS: {} } } : leaf.convertedType === 'TIMESTAMP_MICROS' ? { unit: { MICROS: {} } } : undefined);
  if (literal.kind === 'string' && timestamp) {
    const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(literal.text) || !/T/.test(literal.text) ? literal.text : `${literal.text}Z`);
    if (Number.isNaN(ms)) return fail();
    const perMs = timestamp.unit.MILLIS ? 1n : timestamp.unit.MICROS ? 1000n : 1_000_000n;
    return BigInt(ms) * perMs;
  }
  if (literal.kind === 'string' && (l?.DATE || leaf.convertedType === 'DATE')) {
    const ms = Date.parse(literal.text);
    return Number.isNaN(ms) ? fail() : Math.floor(ms / 86_400_000);
  }
  if (literal.kind !== 'number') return fail();
  if (leaf.physicalType === 'INT64') return /[.e]/i.test(literal.text) ? fail() : BigInt(literal.text);
  if (leaf.physicalType === 'INT32') return /[.e]/i.test(literal.text) ? fail() : Number(literal.text);
  return Number(literal.text);
}

export function parseWhere(text: string, file: ParquetFile): Predicate {
  const tokens = tokenize(text);
  let i = 0;
  const peek = () => tokens[i];
  const isWord = (w: string) => peek()?.kind === 'word' && peek()!.text.toLowerCase() === w;
  const fail = (what: string): never => {
    const t = peek();
    throw new ParquetryError('INVALID_ARGUMENT', `--where: expected ${what} ${t ? `at "${t.text}" (character ${t.at})` : 'at the end'}`);
  };
  const expectPunct = (p: string) => (peek()?.text === p && peek()!.kind === 'punct' ? i++ : fail(`"${p}"`));
  const leafOf = (name: string): LeafNode => {
    const leaf = file.schema.leaves.find((l) => l.path.join('.') === name);
    if (!leaf) throw new ParquetryError('INVALID_ARGUMENT', `--where: no column ${name}`);
    return leaf;
  };
  const literal = (): Literal => {
    const t = peek() ?? fail('a value');
    i++;
    if (t.kind === 'number' || t.kind === 'string') return { kind: t.kind, text: t.text };
    if (t.kind === 'word' && /^(true|false)$/i.test(t.text)) return { kind: 'bool', text: t.text };
    return fail('a value');
  };
  const comparison = (): Predicate => {
    const t = peek();
    if (t?.kind !== 'word') return fail('a column');
    i++;
    const column = t.text;
    const leaf = leafOf(column);
    if (isWord('is')) {
      i++;
      const negate = isWord('not') ? (i++, true) : false;
      if (!isWord('null')) fail('NULL');
      i++;
      return { op: negate ? 'isNotNull' : 'isNull', column };
    }
    const negated = isWord('not') ? (i++, true) : false;
    if (isWord('in')) {
      i++;
      expectPunct('(');
      const values = [typed(leaf, literal())];
      while (peek()?.text === ',') {
        i++;
        values.push(typed(leaf, literal()));
      }
      expectPunct(')');
      const p: Predicate = { op: 'in', column, values };
      return negated ? { op: 'not', predicate: p } : p;
    }
    if (isWord('between')) {
      i++;
      const low = typed(leaf, literal());
      if (!isWord('and')) fail('AND');
      i++;
      const p: Predicate = { op: 'between', column, low, high: typed(leaf, literal()) };
      return negated ? { op: 'not', predicate: p } : p;
    }
    if (negated) fail('IN or BETWEEN after NOT');
    const op = peek()?.kind === 'op' ? tokens[i++].text : fail('a comparison (=, !=, <, <=, >, >=)');
    const value = typed(leaf, literal());
    const ops: Record<string, 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge'> = { '=': 'eq', '!=': 'ne', '<>': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };
    return { op: ops[op], column, value };
  };
  const unary = (): Predicate => {
    if (isWord('not')) {
      i++;
      return { op: 'not', predicate: unary() };
    }
    if (peek()?.text === '(' && peek()!.kind === 'punct') {
      i++;
      const inner = or();
      expectPunct(')');
      return inner;
    }
    return comparison();
  };
  const and = (): Predicate => {
    const parts = [unary()];
    while (isWord('and')) {
      i++;
      parts.push(unary());
    }
    return parts.length === 1 ? parts[0] : { op: 'and', predicates: parts };
  };
  const or = (): Predicate => {
    const parts = [and()];
    while (isWord('or')) {
      i++;
      parts.push(and());
    }
    return parts.length === 1 ? parts[0] : { op: 'or', predicates: parts };
  };
  const result = or();
  if (i < tokens.length) fail('the end of the expression');
  return result;
}
