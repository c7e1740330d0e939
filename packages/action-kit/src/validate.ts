import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ScanResult } from '@ztkit/engine';
import { diagnosticAnnotation, emitAnnotations } from './annotations.js';
import { scanForAction } from './iac-scan.js';
import { writeReports } from './reports.js';
import { createRunner, type Runner } from './runner.js';

/** What validate-iac writes to `inventory-file`: every file's outcome and what the model holds. */
export interface Inventory {
  readonly version: 1;
  readonly files: ScanResult['files'];
  readonly model: {
    readonly resources: number;
    readonly byType: Readonly<Record<string, number>>;
    readonly byLanguage: Readonly<Record<string, number>>;
  };
  readonly diagnostics: { readonly errors: number; readonly warnings: number };
}

export function inventoryOf(result: ScanResult): Inventory {
  const byType: Record<string, number> = {};
  const byLanguage: Record<string, number> = {};
  for (const r of result.graph.resources) {
    byType[r.type] = (byType[r.type] ?? 0) + 1;
    byLanguage[r.language] = (byLanguage[r.language] ?? 0) + 1;
  }
  return {
    version: 1,
    files: result.files,
    model: {
      resources: result.summary.resources,
      byType: sortKeys(byType),
      byLanguage: sortKeys(byLanguage),
    },
    diagnostics: {
      errors: result.diagnostics.filter((d) => d.severity === 'error').length,
      warnings: result.diagnostics.filter((d) => d.severity === 'warning').length,
    },
  };
}

/** validate-iac: discover, parse and resolve; every problem annotated on its line. No rules run. */
export async function runValidation(runner: Runner = createRunner()): Promise<void> {
  try {
    const { result, cwd } = await scanForAction(runner, () => false);
    const inventory = inventoryOf(result);
    const plan = emitAnnotations(runner, result.diagnostics.map(diagnosticAnnotation));
    writeReports(runner, result, cwd, { rules: [], category: 'ztkit/validate-iac' });
    const inventoryFile = runner.input('inventory-file', 'ztkit-inventory.json');
    mkdirSync(dirname(resolve(cwd, inventoryFile)), { recursive: true });
    writeFileSync(resolve(cwd, inventoryFile), `${JSON.stringify(inventory, null, 2)}\n`);

    const { files } = result.summary;
    runner.output('inventory-file', inventoryFile);
    runner.output('files-total', files.total);
    runner.output('files-scanned', files.scanned);
    runner.output('files-skipped', files.skipped);
    runner.output('files-failed', files.failed);
    runner.output('resources', result.summary.resources);
    runner.output('errors', inventory.diagnostics.errors);
    runner.output('warnings', inventory.diagnostics.warnings);
    runner.summary(validationSummary(result, inventory, plan.hidden.length));

    const failOnError = runner.input('fail-on-error', 'true') !== 'false';
    if (failOnError && (inventory.diagnostics.errors || files.failed))
      runner.fail(
        `IaC validation: ${inventory.diagnostics.errors} error(s), ${files.failed} file(s) could not be scanned.`,
      );
  } catch (e) {
    runner.fail(`IaC validation: ${(e as Error).message}`);
  }
}

function validationSummary(result: ScanResult, inventory: Inventory, hidden: number): string {
  const { files } = result.summary;
  const lines = [
    '## ztkit: IaC validation',
    '',
    `${files.total} file(s) found: ${files.scanned} scanned, ${files.skipped} skipped, ${files.failed} failed; ` +
      `${inventory.model.resources} resource(s) in the model; ${inventory.diagnostics.errors} error(s), ${inventory.diagnostics.warnings} warning(s).`,
  ];
  const types = Object.entries(inventory.model.byType);
  if (types.length)
    lines.push(
      '',
      '| Resource type | Count |',
      '|---|---:|',
      ...types.map(([t, n]) => `| \`${t}\` | ${n} |`),
    );
  const problems = result.diagnostics.filter((d) => d.severity !== 'info');
  if (problems.length) {
    lines.push('', '| Level | Code | Location | Problem |', '|---|---|---|---|');
    for (const d of problems.slice(0, 500))
      lines.push(
        `| ${d.severity} | \`${d.code}\` | ${d.span ? `${d.span.file}:${d.span.startLine}` : '-'} | ${cell(d.message)} |`,
      );
    if (problems.length > 500) lines.push('', `_…and ${problems.length - 500} more in the step log._`);
  }
  const failed = result.files.filter((f) => f.status === 'failed');
  if (failed.length)
    lines.push(
      '',
      '### Files that could not be scanned',
      '',
      ...failed.map((f) => `- \`${f.path}\`: ${cell(f.reason ?? '')}`),
    );
  if (hidden)
    lines.push('', `_${hidden} problem(s) beyond GitHub's annotation limit are listed in the step log._`);
  return `${lines.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;');
}

function sortKeys(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
