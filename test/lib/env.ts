/** What the runner promises the suites: set on globalThis before any suite is imported. */
export interface TestEnvironment {
  /** The backend the suites must find in force: a silent fallback would test the wrong code. */
  expectedBackend: 'native' | 'ts';
  /** `node` or `browser`. */
  host: 'node' | 'browser';
}

export function testEnvironment(): TestEnvironment {
  const env = (globalThis as { __PARQUETRY_TEST__?: TestEnvironment }).__PARQUETRY_TEST__;
  if (!env) throw new Error('the test runner did not set __PARQUETRY_TEST__');
  return env;
}
