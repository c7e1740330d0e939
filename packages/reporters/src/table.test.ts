import { describe, expect, it } from 'vitest';
import { visibleLength } from './ansi.js';
import { sampleResult } from './fixtures/sample-result.js';
import { renderTable } from './table.js';

describe('renderTable', () => {
  it('groups findings by file, most severe first, and ends with the accounting line', () => {
    const text = renderTable(sampleResult(), { color: false });
    const lines = text.split('\n');
    const network = lines.indexOf('infra/network.json');
    const storage = lines.indexOf('infra/storage.json');
    expect(network).toBeGreaterThanOrEqual(0);
    expect(storage).toBeGreaterThan(network);
    // In network.json the critical finding (line 42) precedes the low one (line 80).
    const critical = lines.findIndex((l) => l.includes('CRITICAL') && l.includes('42:9'));
    const low = lines.findIndex((l) => l.includes('LOW') && l.includes('80:7'));
    expect(critical).toBeGreaterThan(network);
    expect(low).toBeGreaterThan(critical);
    expect(text).toContain('(suppressed: tested separately)');
    expect(text).toContain('(no source file)');
    expect(text).toContain('Files: 4 (2 scanned, 1 skipped, 1 failed) · Resources: 4 · Rules: 3');
    expect(text).toContain('Findings: 3 (1 critical, 1 high, 1 medium), 1 suppressed');
  });

  it('shows catalogue keys in brackets, and no empty brackets for policy findings', () => {
    const result = sampleResult();
    const text = renderTable(result, { color: false, width: 400 });
    expect(text).toContain(`[${result.findings[0]!.catalog.join(', ')}]`);
    const policy = { ...result, findings: result.findings.map((f) => ({ ...f, catalog: [] })) };
    expect(renderTable(policy, { color: false, width: 400 })).not.toContain('[]');
  });

  it('lists failed files with the diagnostic line', () => {
    const text = renderTable(sampleResult(), { color: false });
    expect(text).toContain("infra/broken.json:7:3: Expected ',' or '}' after property value");
  });

  it('writes ANSI escapes only when colour is asked for', () => {
    expect(renderTable(sampleResult(), { color: false })).not.toContain('\u001b[');
    const coloured = renderTable(sampleResult(), { color: true });
    expect(coloured).toContain('\u001b[');
    expect(visibleLength(coloured)).toBeLessThan(coloured.length);
  });

  it('wraps messages to the width', () => {
    const text = renderTable(sampleResult(), { color: false, width: 60 });
    // Only a single word longer than the width may overflow.
    for (const line of text.split('\n').filter((l) => l.startsWith('  ')))
      if (line.trim().includes(' ')) expect(line.length).toBeLessThanOrEqual(60 + 40);
    expect(text.split('\n').length).toBeGreaterThan(
      renderTable(sampleResult(), { color: false }).split('\n').length,
    );
  });

  it('says so when there are no findings', () => {
    const text = renderTable(sampleResult([]), { color: false });
    expect(text).toContain('Findings: none');
  });
});
