/**
 * Bugs the fuzzing found, pinned with the message and location the user now gets instead of a
 * crash. (Raw crashing inputs saved by `npm run fuzz` replay in fuzz.test.ts.)
 */
import { parseConfig } from '@ztkit/config';
import { DEFAULT_LIMITS } from '@ztkit/core';
import { terraformLoader } from '@ztkit/terraform';
import { describe, expect, it } from 'vitest';
import { memoryContext } from '../../scripts/fuzz/targets.mjs';

describe('.ztkit.yml parser', () => {
  it('reports an alias without its anchor on its line instead of throwing ReferenceError', () => {
    const r = parseConfig('failOn: high\nrules: *missing\n', '/repo/.ztkit.yml');
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          file: '/repo/.ztkit.yml',
          line: 2,
          column: 8,
          message: 'Unresolved alias (the anchor must be set before the alias): missing',
        },
      ],
    });
  });

  it('refuses an alias bomb (billion laughs) with an error, not a hang or a throw', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const started = performance.now();
    const r = parseConfig(`${levels.join('\n')}\n`, '/repo/.ztkit.yml');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.message).toMatch(/Excessive alias count/);
  });

  it('reports block sequences nested thousands deep instead of overflowing the stack', () => {
    // The shape the fuzzer found: a run of `- ` indented under a mapping, which yaml recurses into.
    const r = parseConfig(`x:\n    y: 1\n ${'- '.repeat(4_000)}  z: 2\nw: 3\n`, '/repo/.ztkit.yml');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      // Depending on the stack left when it is called, yaml either reports the overflow itself (with
      // its line) or throws it, which parseConfig now turns into an error at line 1: never a throw.
      const [error] = r.errors;
      expect(error?.file).toBe('/repo/.ztkit.yml');
      expect(error?.line).toBeGreaterThanOrEqual(1);
      expect(error?.column).toBeGreaterThanOrEqual(1);
      expect(error?.message).toBeTruthy();
    }
  });
});

describe('Terraform evaluator', () => {
  it('reports can() without an argument on its line instead of crashing the module', () => {
    const path = '/fuzz/main.tf';
    const text =
      'resource "azurerm_network_security_group" "n" {\n  name = "n"\n  location = "westeurope"\n' +
      '  resource_group_name = "rg"\n  tags = { v = tostring(can()) }\n}\n';
    const result = terraformLoader.load(
      [{ path, size: text.length, head: text }],
      memoryContext({ [path]: text }, DEFAULT_LIMITS),
    );
    if (result instanceof Promise) throw new Error('the Terraform loader is synchronous');
    expect(result.outcomes).toEqual([{ path, status: 'scanned', language: 'terraform', resources: 1 }]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: 'can() takes exactly 1 argument, got 0; the value is treated as unknown',
        span: expect.objectContaining({ file: path, startLine: 5 }),
      }),
    ]);
  });
});
