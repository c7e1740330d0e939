import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS, ROOT } from './harness.js';

describe('committed bundles', () => {
  it.each(ACTIONS)('%s: dist/index.js is one self-contained file under 2 MB', (name) => {
    const size = statSync(join(ROOT, 'actions', name, 'dist', 'index.js')).size;
    expect(size).toBeGreaterThan(10_000);
    expect(size).toBeLessThan(2 * 1024 * 1024);
  });
});
