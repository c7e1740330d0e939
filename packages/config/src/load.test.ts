import { describe, expect, it } from 'vitest';
import { parseConfig } from './load.js';

describe('parseConfig', () => {
  it('accepts a complete configuration', () => {
    const r = parseConfig(
      [
        'failOn: medium',
        'paths:',
        '  exclude: ["**/test/**"]',
        'rules:',
        '  ZT-S02-01: { severity: critical, options: { managementPorts: [22, 2222] } }',
        '  S23: off',
        'options:',
        '  hubVnets: [vnet-hub]',
        '  environments: { tag: env, patterns: { prod: "-prod-" } }',
        'baseline: .ztkit-baseline.json',
        'suppressions:',
        '  - { rule: ZT-E08-01, resource: "stlegacy*", reason: "migration ticket 42", expires: 2030-01-31 }',
      ].join('\n'),
      '/repo/.ztkit.yml',
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.loaded.config.failOn).toBe('medium');
      expect(r.loaded.directory).toBe('/repo');
      expect(r.loaded.config.suppressions?.[0]?.expires).toBe('2030-01-31');
    }
  });

  it('rejects an unknown setting on its line', () => {
    const r = parseConfig('failOn: high\nfailon: low\n', '/repo/.ztkit.yml');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toContainEqual(
        expect.objectContaining({ line: 2, message: "(top level): unknown setting 'failon'" }),
      );
  });

  it('rejects a mapping used as a key, on its line, without a process warning', async () => {
    const warnings: unknown[] = [];
    const listen = (w: unknown) => warnings.push(w);
    process.on('warning', listen);
    try {
      const r = parseConfig('rules:\n  { ZT-E08-01: off }: high\n', '/repo/.ztkit.yml');
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.errors[0]).toMatchObject({ line: 2, message: expect.stringContaining('plain name') });
      // Node emits warnings on a later tick.
      await new Promise((done) => setImmediate(done));
    } finally {
      process.off('warning', listen);
    }
    expect(warnings).toEqual([]);
  });

  it('rejects a bad severity with the value line', () => {
    const r = parseConfig('rules:\n  ZT-S02-01:\n    severity: severe\n', '/repo/.ztkit.yml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.line)).toContain(3);
  });

  it('rejects a rule key that is neither an id nor a catalogue key, on the key line', () => {
    const r = parseConfig('rules:\n  S02: off\n  no-rdp: off\n', '/repo/.ztkit.yml');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const e = r.errors.find((x) => x.message.includes("'no-rdp'"));
      expect(e?.line).toBe(3);
    }
  });

  it('requires a reason on config suppressions', () => {
    const r = parseConfig('suppressions:\n  - rule: S02\n', '/repo/.ztkit.yml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ line: 2, message: "suppressions.0: missing 'reason'" });
  });

  it('reports YAML syntax errors with line and column', () => {
    const r = parseConfig('rules:\n  S02: [off\n', '/repo/.ztkit.yml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it('rejects a malformed expiry date', () => {
    const r = parseConfig(
      'suppressions:\n  - { rule: S02, reason: lab only, expires: "31/01/2030" }\n',
      '/repo/.ztkit.yml',
    );
    expect(r.ok).toBe(false);
  });
});
