// Fails when the hand-kept index.d.ts and the types napi-rs generated from the Rust code
// (binding.generated.d.ts) name different functions or signatures.
import { readFileSync } from 'node:fs';

const signatures = (text, pattern) =>
  new Map([...text.matchAll(pattern)].map((m) => [m[1], `(${m[2].replace(/\s+/g, ' ')}): ${m[3].trim().replace(/;$/, '')}`]));

const generated = signatures(readFileSync(new URL('../binding.generated.d.ts', import.meta.url), 'utf8'), /export declare function (\w+)\(([^)]*)\): ([^\n]+)/g);
const kept = signatures(readFileSync(new URL('../index.d.ts', import.meta.url), 'utf8'), /^ {2}(\w+)\(([^)]*)\): ([^\n]+)/gm);
const problems = [];
for (const [name, sig] of generated) {
  if (!kept.has(name)) problems.push(`index.d.ts lacks ${name}${sig}`);
  else if (kept.get(name) !== sig) problems.push(`${name}: index.d.ts says ${kept.get(name)}, the binding ${sig}`);
}
for (const name of kept.keys()) if (!generated.has(name)) problems.push(`index.d.ts declares ${name}, which the binding does not export`);
if (problems.length) {
  console.error(`native/index.d.ts is out of date:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`native/index.d.ts matches the binding (${generated.size} functions)`);
