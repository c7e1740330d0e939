import type { Severity } from '@ztkit/core';

export type RuleSetting =
  | 'off'
  | 'on'
  | Severity
  | {
      readonly enabled?: boolean;
      readonly severity?: Severity;
      readonly options?: Readonly<Record<string, unknown>>;
    };

export interface ConfigSuppression {
  readonly rule: string;
  readonly resource?: string;
  readonly path?: string;
  readonly reason: string;
  readonly expires?: string;
}

/** `.ztkit.yml`, validated. Paths inside it are resolved against `directory`. */
export interface ZtkitConfig {
  readonly failOn?: Severity | 'none';
  readonly paths?: { readonly include?: readonly string[]; readonly exclude?: readonly string[] };
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly options?: Readonly<Record<string, unknown>>;
  readonly baseline?: string;
  readonly suppressions?: readonly ConfigSuppression[];
}

export interface LoadedConfig {
  readonly config: ZtkitConfig;
  /** Absolute path of the file, or undefined for the built-in default. */
  readonly file?: string;
  /** Directory that relative paths in the config are resolved against. */
  readonly directory: string;
}

export const CONFIG_FILE_NAMES = ['.ztkit.yml', '.ztkit.yaml'] as const;
