import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Rule } from '@ztkit/core';
import type { ScanResult } from '@ztkit/engine';
import { toJsonReport, toSarif } from '@ztkit/reporters';
import type { Runner } from './runner.js';
import { ZTKIT_VERSION } from './version.js';

/** Writes the SARIF and JSON files the inputs ask for and names them in the outputs. */
export function writeReports(
  runner: Runner,
  result: ScanResult,
  cwd: string,
  options: {
    readonly rules: readonly Rule[];
    readonly category: string;
    /** Members added to the JSON report (contract version 1 only ever grows), e.g. `diff`. */
    readonly jsonExtra?: Readonly<Record<string, unknown>>;
  },
): void {
  const sarifFile = runner.input('sarif-file');
  if (sarifFile) {
    const sarif = toSarif(result, {
      toolVersion: ZTKIT_VERSION,
      rules: options.rules,
      category: options.category,
    });
    writeJson(resolve(cwd, sarifFile), sarif);
    runner.output('sarif-file', sarifFile);
  }
  const jsonFile = runner.input('json-file');
  if (jsonFile) {
    writeJson(resolve(cwd, jsonFile), { ...toJsonReport(result), ...options.jsonExtra });
    runner.output('json-file', jsonFile);
  }
}

function writeJson(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}
