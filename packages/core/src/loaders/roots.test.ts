import { describe, expect, it } from 'vitest';
import { isInsideRoots, rootHolding } from './roots.js';

describe('rootHolding', () => {
  const roots = ['/work/a', '/work/b/c', '/work/a/deep'];

  it('finds the root of a path under it, and the root itself', () => {
    expect(rootHolding(roots, '/work/a')).toBe('/work/a');
    expect(rootHolding(roots, '/work/b/c/z.bicep')).toBe('/work/b/c');
  });

  it('prefers the outermost root when roots nest', () => {
    expect(rootHolding(roots, '/work/a/deep/main.json')).toBe('/work/a');
  });

  it('refuses siblings that only share a prefix, parents and other trees', () => {
    expect(isInsideRoots('/work/ab/x.json', roots)).toBe(false);
    expect(isInsideRoots('/work/b/x.json', roots)).toBe(false);
    expect(isInsideRoots('/work', roots)).toBe(false);
    expect(isInsideRoots('/etc/passwd', roots)).toBe(false);
  });

  it('normalises .. segments before testing', () => {
    expect(isInsideRoots('/work/a/../secret.json', roots)).toBe(false);
    expect(isInsideRoots('/work/a/x/../y.json', roots)).toBe(true);
  });

  it('holds everything when the filesystem root is a root', () => {
    expect(rootHolding(['/'], '/etc/passwd')).toBe('/');
  });
});
