import { readFileSync } from 'node:fs';
import { type Finding, ResourceGraph, SEVERITIES, type Severity } from '@ztkit/core';
import type { FileReport, ScanResult } from '@ztkit/engine';
import type { JsonReport } from '@ztkit/reporters';

export interface MergedResults {
  readonly result: ScanResult;
  /** Files read, and files that were not a ztkit JSON report (with why). */
  readonly read: string[];
  readonly rejected: { readonly file: string; readonly reason: string }[];
}

/**
 * Merges the JSON reports (contract version 1) of the other actions into one result the Markdown
 * reporter can draw. A finding seen by two checks counts once (same fingerprint); a file keeps its
 * most telling status. There is no model behind a JSON report, so the graph is empty.
 */
export function mergeReports(files: readonly string[]): MergedResults {
  const findings = new Map<string, Finding>();
  const inventory = new Map<string, FileReport>();
  const diagnostics = new Map<string, ScanResult['diagnostics'][number]>();
  const read: string[] = [];
  const rejected: { file: string; reason: string }[] = [];
  let rules = 0;
  let resources = 0;
  let durationMs = 0;
  for (const file of files) {
    let report: JsonReport;
    try {
      report = JSON.parse(readFileSync(file, 'utf8')) as JsonReport;
    } catch (e) {
      rejected.push({ file, reason: (e as Error).message });
      continue;
    }
    if (report?.version !== 1 || !Array.isArray(report.findings) || !Array.isArray(report.files)) {
      rejected.push({ file, reason: 'not a ztkit JSON report (version 1)' });
      continue;
    }
    read.push(file);
    rules += report.summary?.rules ?? 0;
    resources = Math.max(resources, report.summary?.resources ?? 0);
    durationMs += report.summary?.durationMs ?? 0;
    for (const f of report.findings)
      if (!findings.has(f.fingerprint)) findings.set(f.fingerprint, f as unknown as Finding);
    for (const f of report.files) {
      const prev = inventory.get(f.path);
      if (!prev || RANK[f.status as FileReport['status']] > RANK[prev.status])
        inventory.set(f.path, f as FileReport);
    }
    for (const d of report.diagnostics ?? []) {
      const key = `${d.code}|${d.location?.file}|${d.location?.startLine}|${d.message}`;
      if (!diagnostics.has(key))
        diagnostics.set(key, {
          severity: d.severity,
          code: d.code,
          message: d.message,
          ...(d.location ? { span: d.location } : {}),
        });
    }
  }
  const all = [...findings.values()];
  const fileList = [...inventory.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of all) if (!f.suppressed) bySeverity[f.severity]++;
  return {
    read,
    rejected,
    result: {
      version: 1,
      files: fileList,
      findings: all,
      diagnostics: [...diagnostics.values()],
      ruleErrors: [],
      graph: new ResourceGraph([]),
      summary: {
        files: {
          total: fileList.length,
          scanned: fileList.filter((f) => f.status === 'scanned').length,
          skipped: fileList.filter((f) => f.status === 'skipped').length,
          failed: fileList.filter((f) => f.status === 'failed').length,
        },
        resources,
        rules,
        findings: all.filter((f) => !f.suppressed).length,
        suppressed: all.filter((f) => f.suppressed).length,
        bySeverity,
        durationMs,
      },
    },
  };
}

const RANK = { failed: 3, scanned: 2, skipped: 1 } as const;
