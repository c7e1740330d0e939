/**
 * Variable values for a root module, in Terraform's precedence: `terraform.tfvars`, then
 * `*.auto.tfvars` in lexical order, then explicit `-var-file`s (ctx.parameterFiles), later wins.
 * Values are evaluated as literals (tfvars cannot reference anything).
 */
import { basename, dirname } from 'node:path';
import { type Diagnostic, type LoadContext, parseJsonc } from '@ztkit/core';
import { evaluateAt } from '../eval/blocks.js';
import { Evaluator } from '../eval/evaluator.js';
import { isObject, TfEvalError } from '../eval/values.js';
import type { FileCache } from './files.js';

export function isTfvars(path: string): boolean {
  const p = path.toLowerCase();
  return p.endsWith('.tfvars') || p.endsWith('.tfvars.json');
}

const byDir = new WeakMap<readonly string[], Map<string, string[]>>();

/** The candidates' var files grouped by folder, once per candidate list (not once per root module). */
function tfvarsByDir(candidates: readonly string[]): Map<string, string[]> {
  let m = byDir.get(candidates);
  if (!m) {
    m = new Map();
    for (const c of candidates) {
      if (!isTfvars(c)) continue;
      const d = dirname(c);
      const list = m.get(d);
      if (list) list.push(c);
      else m.set(d, [c]);
    }
    byDir.set(candidates, m);
  }
  return m;
}

/** Var files that apply to the root module in `dir`, in precedence order (lowest first). */
export function varFilesFor(
  dir: string,
  candidates: readonly string[],
  explicit: readonly string[],
): string[] {
  const here = tfvarsByDir(candidates).get(dir) ?? [];
  const auto = here.filter((c) => /\.auto\.tfvars(\.json)?$/i.test(basename(c))).sort();
  const main = here.filter((c) => /^terraform\.tfvars(\.json)?$/i.test(basename(c)));
  return [...main, ...auto, ...explicit.filter(isTfvars)];
}

export function readVarFiles(
  paths: readonly string[],
  cache: FileCache,
  ctx: LoadContext,
  report: (d: Diagnostic) => void,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const evaluator = new Evaluator(
    { maxItems: ctx.limits.maxCopyCount, readFile: () => undefined, renderTemplate: () => undefined },
    { steps: 0, maxSteps: ctx.limits.maxEvaluationSteps },
  );
  const literalScope = {
    lookup: (name: string) => {
      throw new TfEvalError(`"${name}" cannot be referenced in a variables file`);
    },
  };
  for (const path of paths) {
    // A var file that cannot be read changes which values are judged: say so, never skip silently.
    const notRead = (reason: string, span?: Diagnostic['span']) =>
      report({
        severity: 'warning',
        code: 'var-file-not-read',
        message: `variables file ${basename(path)} was not applied: ${reason}`,
        ...(span ? { span } : {}),
      });
    if (path.toLowerCase().endsWith('.json')) {
      const read = ctx.readFile(path);
      if (!read.ok) {
        notRead(read.reason);
        continue;
      }
      const parsed = parseJsonc(read.text, path, { maxDepth: ctx.limits.maxDepth });
      if (!parsed.ok) notRead(parsed.error.message, parsed.error.span);
      else if (isObject(parsed.value)) Object.assign(values, parsed.value);
      else notRead('it is not a JSON object');
      continue;
    }
    const parsed = cache.get(path);
    if (!parsed.ok) {
      // Syntax errors were reported with their line when the file was parsed.
      if (!parsed.reason.startsWith('syntax error')) notRead(parsed.reason);
      continue;
    }
    const file = parsed.file;
    for (const a of file.body.attributes)
      values[a.name] = evaluateAt(a.expr, literalScope, {
        evaluator,
        file,
        maxItems: ctx.limits.maxCopyCount,
        report,
      });
  }
  return values;
}
