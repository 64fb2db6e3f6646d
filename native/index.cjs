'use strict';
// Loads the addon for this platform: an explicit path (PARQUETRY_NATIVE_PATH, and then nothing
// else: an override that fails must not silently load another binary), else the .node file built
// beside this loader, then the per-platform package published as @parquetry/native-<platform>.
// Throws with every attempt's error attached as the cause.
const { join } = require('node:path');

function isMusl() {
  if (process.platform !== 'linux') return false;
  try {
    return !process.report.getReport().header.glibcVersionRuntime;
  } catch {
    return false;
  }
}

function platformTag() {
  const { platform, arch } = process;
  if (platform === 'linux') return `linux-${arch}-${isMusl() ? 'musl' : 'gnu'}`;
  if (platform === 'win32') return `win32-${arch}-msvc`;
  return `${platform}-${arch}`;
}

function load() {
  const tag = platformTag();
  const candidates = process.env.PARQUETRY_NATIVE_PATH
    ? [process.env.PARQUETRY_NATIVE_PATH]
    : [join(__dirname, `parquetry.${tag}.node`), `@parquetry/native-${tag}`];
  const errors = [];
  for (const candidate of candidates) {
    try {
      return require(candidate);
    } catch (error) {
      errors.push(error);
    }
  }
  throw new Error(
    `no Parquetry native addon for ${tag} (tried ${candidates.join(', ')})`,
    { cause: new AggregateError(errors, 'every load attempt failed') },
  );
}

module.exports = load();
