import { backend } from '@parquetry/core';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { testEnvironment } from '../lib/env.js';

const test = suite('backend');

test('the backend in force is the one this run was asked for', () => {
  assert.is(backend(), testEnvironment().expectedBackend);
});

test.run();
