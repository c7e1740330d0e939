import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ZTKIT_VERSION } from './version.js';

describe('ZTKIT_VERSION', () => {
  it('is the version of the kit (root package.json), which SARIF and comments report', () => {
    const root = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(ZTKIT_VERSION).toBe(root.version);
  });
});
