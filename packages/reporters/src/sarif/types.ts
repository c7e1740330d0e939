/**
 * The part of SARIF 2.1.0 ztkit writes (OASIS sarif-v2.1.0, the subset GitHub code scanning reads).
 * Hand-written rather than generated from the schema: small, and the test validates real output
 * against the full schema.
 */
export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly SarifRun[];
}

export interface SarifRun {
  readonly tool: { readonly driver: SarifDriver };
  readonly automationDetails?: { readonly id: string };
  readonly invocations: readonly SarifInvocation[];
  readonly results: readonly SarifResult[];
  readonly columnKind: 'utf16CodeUnits';
  /** The file accounting of the scan (`summary.files`), so the totals travel with the log. */
  readonly properties?: {
    readonly files: Readonly<Record<'total' | 'scanned' | 'skipped' | 'failed', number>>;
  };
}

export interface SarifDriver {
  readonly name: string;
  readonly version: string;
  readonly semanticVersion: string;
  readonly informationUri: string;
  readonly rules: readonly SarifReportingDescriptor[];
}

export interface SarifMessage {
  readonly text: string;
  readonly markdown?: string;
}

export interface SarifReportingDescriptor {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: SarifMessage;
  readonly fullDescription: SarifMessage;
  readonly help: SarifMessage;
  readonly helpUri?: string;
  readonly defaultConfiguration: { readonly level: SarifLevel };
  readonly properties: {
    readonly tags: readonly string[];
    /** GitHub reads this numeric string (0.1–10) to rank alerts as low / medium / high / critical. */
    readonly 'security-severity'?: string;
    readonly precision: 'very-high' | 'high' | 'medium' | 'low';
    readonly 'problem.severity': 'error' | 'warning' | 'recommendation';
  };
}

export type SarifLevel = 'none' | 'note' | 'warning' | 'error';

export interface SarifRegion {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface SarifPhysicalLocation {
  readonly artifactLocation: { readonly uri: string; readonly uriBaseId: string };
  /** Absent when the whole file is meant (a file that failed before any line could be blamed). */
  readonly region?: SarifRegion;
}

export interface SarifLogicalLocation {
  readonly name: string;
  readonly fullyQualifiedName?: string;
  readonly kind: string;
}

export interface SarifLocation {
  readonly id?: number;
  readonly physicalLocation?: SarifPhysicalLocation;
  readonly logicalLocations?: readonly SarifLogicalLocation[];
  readonly message?: SarifMessage;
}

export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: SarifLevel;
  readonly message: SarifMessage;
  readonly locations: readonly SarifLocation[];
  readonly relatedLocations?: readonly SarifLocation[];
  readonly partialFingerprints: Readonly<Record<string, string>>;
  readonly suppressions?: readonly SarifSuppression[];
  readonly properties?: Readonly<Record<string, unknown>>;
}

export interface SarifSuppression {
  readonly kind: 'inSource' | 'external';
  readonly status: 'accepted';
  readonly justification: string;
  readonly location?: SarifLocation;
}

export interface SarifNotification {
  readonly level: SarifLevel;
  readonly message: SarifMessage;
  readonly locations?: readonly SarifLocation[];
  readonly descriptor?: { readonly id: string };
}

export interface SarifInvocation {
  readonly executionSuccessful: boolean;
  readonly toolExecutionNotifications: readonly SarifNotification[];
}
