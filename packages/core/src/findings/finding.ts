import type { SourceLanguage } from '../model/resource.js';
import type { Principle, Severity } from '../rules/types.js';

export interface FindingLocation {
  /** Path relative to the working directory, forward slashes. */
  readonly file: string;
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface Suppression {
  readonly kind: 'inline' | 'config' | 'baseline';
  readonly justification: string;
  readonly expires?: string;
  readonly location?: FindingLocation;
}

/** A finding as every reporter and the JSON contract see it. */
export interface Finding {
  readonly ruleId: string;
  readonly title: string;
  readonly catalog: readonly string[];
  readonly principles: readonly Principle[];
  readonly severity: Severity;
  readonly message: string;
  readonly resource: { readonly type: string; readonly name: string; readonly id?: string };
  readonly language: SourceLanguage;
  readonly location?: FindingLocation;
  /** Property path inside the resource, dotted (`properties.securityRules[0]`). */
  readonly propertyPath?: string;
  /** Stable across line moves, reformatting and file renames: rule + resource identity + property identity. */
  readonly fingerprint: string;
  readonly related?: readonly { readonly message: string; readonly location: FindingLocation }[];
  readonly portalUrl?: string;
  suppressed?: Suppression;
}
