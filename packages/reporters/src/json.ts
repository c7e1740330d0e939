import type { Diagnostic, FileStatus, Finding, Principle, Severity } from '@ztkit/core';
import type { ScanResult } from '@ztkit/engine';
import { countByPrinciple } from './counts.js';

/**
 * The stable JSON contract, version 1 (docs/json-contract.md). Fields are only ever added; a field
 * that changes meaning or goes away means version 2.
 */
export interface JsonReport {
  readonly version: 1;
  readonly files: readonly JsonFile[];
  readonly findings: readonly JsonFinding[];
  readonly diagnostics: readonly JsonDiagnostic[];
  readonly summary: JsonSummary;
}

export interface JsonFile {
  /** Relative to the working directory, forward slashes. */
  readonly path: string;
  readonly status: FileStatus;
  /** Why the file was skipped or failed. */
  readonly reason?: string;
  readonly language?: string;
  readonly resources?: number;
}

export interface JsonLocation {
  readonly file: string;
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface JsonFinding {
  readonly ruleId: string;
  readonly title: string;
  readonly catalog: readonly string[];
  readonly principles: readonly Principle[];
  readonly severity: Severity;
  readonly message: string;
  readonly resource: { readonly type: string; readonly name: string; readonly id?: string };
  /** Absent only for live-Azure findings, which carry `resource.id` and `portalUrl` instead. */
  readonly location?: JsonLocation;
  readonly propertyPath?: string;
  readonly fingerprint: string;
  readonly suppressed?: { readonly kind: string; readonly justification: string; readonly expires?: string };
  readonly related?: readonly { readonly message: string; readonly location: JsonLocation }[];
  readonly portalUrl?: string;
}

export interface JsonDiagnostic {
  readonly severity: Diagnostic['severity'];
  readonly code: string;
  readonly message: string;
  readonly location?: JsonLocation;
}

export interface JsonSummary {
  readonly files: {
    readonly total: number;
    readonly scanned: number;
    readonly skipped: number;
    readonly failed: number;
  };
  readonly resources: number;
  readonly rules: number;
  /** Findings not suppressed. */
  readonly findings: number;
  readonly suppressed: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  readonly byPrinciple: Readonly<Record<Principle, number>>;
  readonly ruleErrors: number;
  readonly durationMs: number;
}

/** Project a scan result onto the JSON contract: fixed key order, no model objects, no absolute paths. */
export function toJsonReport(result: ScanResult): JsonReport {
  const s = result.summary;
  return {
    version: 1,
    files: result.files.map((f) => ({
      path: f.path,
      status: f.status,
      ...(f.reason !== undefined && { reason: f.reason }),
      ...(f.language !== undefined && { language: f.language }),
      ...(f.resources !== undefined && { resources: f.resources }),
    })),
    findings: result.findings.map(toJsonFinding),
    diagnostics: result.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      ...(d.span && { location: { ...d.span } }),
    })),
    summary: {
      files: { ...s.files },
      resources: s.resources,
      rules: s.rules,
      findings: s.findings,
      suppressed: s.suppressed,
      bySeverity: { ...s.bySeverity },
      byPrinciple: countByPrinciple(result.findings),
      ruleErrors: result.ruleErrors.length,
      durationMs: s.durationMs,
    },
  };
}

function toJsonFinding(f: Finding): JsonFinding {
  return {
    ruleId: f.ruleId,
    title: f.title,
    catalog: [...f.catalog],
    principles: [...f.principles],
    severity: f.severity,
    message: f.message,
    resource: { type: f.resource.type, name: f.resource.name, ...(f.resource.id && { id: f.resource.id }) },
    ...(f.location && { location: { ...f.location } }),
    ...(f.propertyPath && { propertyPath: f.propertyPath }),
    fingerprint: f.fingerprint,
    ...(f.suppressed && {
      suppressed: {
        kind: f.suppressed.kind,
        justification: f.suppressed.justification,
        ...(f.suppressed.expires && { expires: f.suppressed.expires }),
      },
    }),
    ...(f.related?.length && {
      related: f.related.map((r) => ({ message: r.message, location: { ...r.location } })),
    }),
    ...(f.portalUrl && { portalUrl: f.portalUrl }),
  };
}
