import { describe, expect, it } from 'vitest';
import { sampleFinding, sampleResult } from './fixtures/sample-result.js';
import { renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('totals by severity and principle and lists findings most severe first', () => {
    const md = renderMarkdown(sampleResult());
    expect(md).toContain('## ztkit Zero Trust network scan');
    expect(md).toContain('**3 findings**');
    expect(md).toMatch(/\| 🟣 Critical \| 1 \|/);
    expect(md).toMatch(/\| Verify explicitly \| 2 \|/);
    const critical = md.indexOf('`ZT-S02-01`');
    const medium = md.indexOf("'stlive'");
    expect(critical).toBeGreaterThan(0);
    expect(medium).toBeGreaterThan(critical);
    // Suppressed findings are counted, not listed.
    expect(md).not.toContain('snet-app');
    expect(md).toContain('1 suppressed');
  });

  it('escapes table breakers in messages', () => {
    const md = renderMarkdown(sampleResult());
    expect(md).toContain('Internet -&gt; tcp/3389 \\| RDP.');
  });

  it('links lines when a link base is given', () => {
    const md = renderMarkdown(sampleResult(), { linkBase: 'https://github.com/o/r/blob/abc123/' });
    expect(md).toContain(
      '[infra/network.json:42](https://github.com/o/r/blob/abc123/infra/network.json#L42-L55)',
    );
    expect(md).toContain(
      '[infra/storage.json:12](https://github.com/o/r/blob/abc123/infra/storage.json#L12)',
    );
    expect(md).toContain('[portal](https://portal.azure.com/');
    expect(renderMarkdown(sampleResult())).not.toContain('](https://github.com');
  });

  it('lists failed files with their line', () => {
    expect(renderMarkdown(sampleResult())).toContain(
      "- `infra/broken.json:7`: Expected ',' or '}' after property value",
    );
  });

  it('draws the diagram in a mermaid block', () => {
    const md = renderMarkdown(sampleResult(), { diagram: 'flowchart LR\n  hub --- spoke\n' });
    expect(md).toContain('```mermaid\nflowchart LR\n  hub --- spoke\n```');
  });

  it('drops rows, least severe first, to fit maxLength and points to the full report', () => {
    const many = Array.from({ length: 400 }, (_, i) =>
      sampleFinding({
        severity: i < 5 ? 'critical' : 'low',
        message: `finding number ${i}`,
        fingerprint: String(i).padStart(32, '0'),
      }),
    );
    const full = renderMarkdown(sampleResult(many), { diagram: 'flowchart LR\n a --- b' });
    const cut = renderMarkdown(sampleResult(many), { maxLength: 8000, diagram: 'flowchart LR\n a --- b' });
    expect(full.length).toBeGreaterThan(8000);
    expect(cut.length).toBeLessThanOrEqual(8000);
    expect(cut).toMatch(/…and \d+ more findings not shown/);
    expect(cut).toContain('finding number 0');
    expect(cut).not.toContain('finding number 399');
    expect(cut).not.toContain('```mermaid');
    expect(cut).toContain('ztkit scan --format json');
  });

  it('never exceeds a tiny maxLength', () => {
    expect(renderMarkdown(sampleResult(), { maxLength: 100 }).length).toBeLessThanOrEqual(100);
  });

  it('says there are no findings', () => {
    expect(renderMarkdown(sampleResult([]))).toContain('**No findings**');
  });
});
