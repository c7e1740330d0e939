import type { Finding, FindingLocation, Rule } from '@ztkit/core';
import type { ScanResult } from '@ztkit/engine';
import { descriptorFromFinding, descriptorFromMeta } from './rules.js';
import { sarifLevel, securitySeverity } from './severity.js';
import type {
  SarifLocation,
  SarifLog,
  SarifNotification,
  SarifPhysicalLocation,
  SarifReportingDescriptor,
  SarifResult,
} from './types.js';

export interface SarifOptions {
  /** ztkit's version, written as the driver version. */
  readonly toolVersion: string;
  /** Every rule that ran: all become descriptors, so GitHub can close alerts of rules that now pass. */
  readonly rules?: readonly Rule[];
  /** Code-scanning category (`runAutomationDetails.id`), to keep several ztkit uploads apart. */
  readonly category?: string;
}

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';
const INFORMATION_URI = 'https://github.com/ztkit/ztkit';

/** SARIF 2.1.0 for GitHub code scanning: one run, every finding a result with a stable fingerprint. */
export function toSarif(result: ScanResult, options: SarifOptions): SarifLog {
  const descriptors = collectDescriptors(result.findings, options.rules);
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ztkit',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            informationUri: INFORMATION_URI,
            rules: descriptors,
          },
        },
        ...(options.category && { automationDetails: { id: automationId(options.category) } }),
        invocations: [
          {
            // Files that failed to parse are reported, not fatal; a rule that threw is a ztkit bug.
            executionSuccessful: result.ruleErrors.length === 0,
            toolExecutionNotifications: notifications(result),
          },
        ],
        results: result.findings.map((f) => toResult(f, index.get(f.ruleId)!)),
        columnKind: 'utf16CodeUnits',
        properties: { files: { ...result.summary.files } },
      },
    ],
  };
}

function collectDescriptors(
  findings: readonly Finding[],
  rules: readonly Rule[] | undefined,
): SarifReportingDescriptor[] {
  const byId = new Map<string, SarifReportingDescriptor>();
  for (const rule of rules ?? []) byId.set(rule.meta.id, descriptorFromMeta(rule.meta));
  for (const f of findings) if (!byId.has(f.ruleId)) byId.set(f.ruleId, descriptorFromFinding(f));
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** GitHub expects `category/` (the part after the slash is a per-run id it does not need). */
function automationId(category: string): string {
  return category.endsWith('/') ? category : `${category}/`;
}

function physical(location: FindingLocation): SarifPhysicalLocation {
  return {
    artifactLocation: { uri: encodeUri(location.file), uriBaseId: SRCROOT },
    region: {
      startLine: location.startLine,
      startColumn: location.startColumn,
      endLine: location.endLine,
      endColumn: location.endColumn,
    },
  };
}

/** Relative paths stay relative; characters a URI may not hold are escaped, slashes kept. */
function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function toResult(f: Finding, ruleIndex: number): SarifResult {
  const logical = {
    name: f.resource.name,
    ...(f.resource.id && { fullyQualifiedName: f.resource.id }),
    kind: 'resource',
  };
  const severity = securitySeverity(f.severity);
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text: f.message },
    // Live-Azure findings have no file: the resource ID (a logical location) is where they are.
    locations: [
      { ...(f.location && { physicalLocation: physical(f.location) }), logicalLocations: [logical] },
    ],
    ...(f.related?.length && {
      relatedLocations: f.related.map((r, i) => ({
        id: i + 1,
        physicalLocation: physical(r.location),
        message: { text: r.message },
      })),
    }),
    // Our fingerprint is rule + resource + property identity, so it survives line moves and
    // reformatting; giving it as primaryLocationLineHash stops upload-sarif from substituting a
    // hash of the line's text, which would not.
    partialFingerprints: { primaryLocationLineHash: f.fingerprint, 'ztkit/v1': f.fingerprint },
    ...(f.suppressed && {
      suppressions: [
        {
          kind: f.suppressed.kind === 'inline' ? ('inSource' as const) : ('external' as const),
          status: 'accepted' as const,
          justification: f.suppressed.justification,
          ...(f.suppressed.location && { location: { physicalLocation: physical(f.suppressed.location) } }),
        },
      ],
    }),
    properties: {
      severity: f.severity,
      catalog: f.catalog,
      principles: f.principles,
      ...(severity && { 'security-severity': severity }),
      ...(f.propertyPath && { propertyPath: f.propertyPath }),
      ...(f.portalUrl && { portalUrl: f.portalUrl }),
    },
  };
}

function notifications(result: ScanResult): SarifNotification[] {
  const out: SarifNotification[] = [];
  for (const file of result.files) {
    if (file.status !== 'failed') continue;
    const diagnostics = result.diagnostics.filter(
      (d) => d.span?.file === file.path && d.severity === 'error',
    );
    const locations: SarifLocation[] = diagnostics.length
      ? diagnostics.map((d) => ({ physicalLocation: physical(d.span!) }))
      : [
          {
            physicalLocation: { artifactLocation: { uri: encodeUri(file.path), uriBaseId: SRCROOT } },
          },
        ];
    const detail = diagnostics.map((d) => d.message).join('; ') || file.reason || 'failed';
    out.push({
      level: 'error',
      message: { text: `${file.path} could not be scanned: ${detail}` },
      locations,
      descriptor: { id: 'ztkit/file-failed' },
    });
  }
  for (const e of result.ruleErrors)
    out.push({
      level: 'error',
      message: { text: `Rule ${e.ruleId} failed: ${e.message.split('\n')[0]}` },
      descriptor: { id: 'ztkit/rule-error' },
    });
  return out;
}
