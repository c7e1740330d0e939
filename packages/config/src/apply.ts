import { relative, sep } from 'node:path';
import type { Rule, RuleOptions, Severity } from '@ztkit/core';
import picomatch from 'picomatch';
import type { LoadedConfig, RuleSetting } from './config.js';

export interface RuleSelection {
  readonly rules: readonly Rule[];
  readonly ruleOptions: Readonly<Record<string, RuleOptions>>;
  readonly globalOptions: RuleOptions;
}

/**
 * Apply `rules:` and `options:` of the config to the registry: drop disabled rules, override
 * severities (the rule keeps its id and metadata otherwise) and collect per-rule options. A rule id
 * setting wins over a catalogue-key setting.
 */
export function selectRules(all: readonly Rule[], loaded: LoadedConfig): RuleSelection {
  const settings = loaded.config.rules ?? {};
  const ruleOptions: Record<string, RuleOptions> = {};
  const rules: Rule[] = [];
  for (const rule of all) {
    const bySetting = [...rule.meta.catalog.map((k) => settings[k]), settings[rule.meta.id]].filter(
      (s): s is RuleSetting => s !== undefined,
    );
    let enabled = true;
    let severity: Severity | undefined;
    let options: RuleOptions | undefined;
    for (const s of bySetting) {
      if (s === 'off') enabled = false;
      else if (s === 'on') enabled = true;
      else if (typeof s === 'string') {
        enabled = true;
        severity = s;
      } else {
        if (s.enabled !== undefined) enabled = s.enabled;
        if (s.severity) severity = s.severity;
        if (s.options) options = { ...options, ...s.options };
      }
    }
    if (!enabled) continue;
    if (options) ruleOptions[rule.meta.id] = options;
    rules.push(severity && severity !== rule.meta.severity ? withSeverity(rule, severity) : rule);
  }
  return { rules, ruleOptions, globalOptions: loaded.config.options ?? {} };
}

function withSeverity(rule: Rule, severity: Severity): Rule {
  const check = rule.check?.bind(rule);
  const summarize = rule.summarize?.bind(rule);
  return {
    meta: { ...rule.meta, severity },
    ...(check ? { check } : {}),
    ...(summarize ? { summarize } : {}),
  };
}

/** A predicate telling whether a file (absolute path) is excluded by `paths:`, and why. */
export function pathFilter(loaded: LoadedConfig): (file: string) => string | undefined {
  const { include, exclude } = loaded.config.paths ?? {};
  const inc = include?.length ? picomatch(include as string[], { dot: true }) : undefined;
  const exc = exclude?.length ? picomatch(exclude as string[], { dot: true }) : undefined;
  return (file) => {
    const rel = relative(loaded.directory, file).split(sep).join('/');
    if (exc?.(rel)) return `excluded by paths.exclude in ${loaded.file ?? 'config'}`;
    if (inc && !inc(rel)) return `not matched by paths.include in ${loaded.file ?? 'config'}`;
    return undefined;
  };
}
