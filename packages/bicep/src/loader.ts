/**
 * The Bicep loader: claims `.bicep` and `.bicepparam` files, works out which files are modules of
 * others (those are evaluated through their callers only, so findings are not duplicated), which
 * `.bicepparam` file feeds which template, evaluates each root template and accounts for every file.
 */
import { dirname, relative, resolve } from 'node:path';
import type {
  CandidateFile,
  Diagnostic,
  FileOutcome,
  LoadContext,
  Loader,
  LoadResult,
  Resource,
} from '@ztkit/core';
import { emitTemplate } from './eval/emit.js';
import { EvaluationError, type ReadParsed, Session } from './eval/session.js';
import { Template } from './eval/template.js';
import { rootInputs, usingTarget } from './params.js';
import type { BicepFile } from './syntax/ast.js';

const REMOTE = /^(br|ts)[:/]/i;

export const bicepLoader: Loader = {
  language: 'bicep',
  claims(file: CandidateFile): boolean {
    const p = file.path.toLowerCase();
    return p.endsWith('.bicep') || p.endsWith('.bicepparam');
  },
  load(files: readonly CandidateFile[], ctx: LoadContext): LoadResult {
    return loadBicep(
      files.map((f) => f.path),
      ctx,
    );
  },
};

export function loadBicep(paths: readonly string[], ctx: LoadContext): LoadResult {
  const session = new Session(ctx);
  const outcomes: FileOutcome[] = [];
  const resources: Resource[] = [];
  const claimed = new Set(paths);
  const parsed = new Map<string, ReadParsed>();
  for (const p of paths) parsed.set(p, session.parse(p));

  // Who calls whom, among the parsed files, and which parameter file feeds which template.
  const callerOf = new Map<string, string>();
  const paramsFor = new Map<string, BicepFile[]>();
  const extraRoots: string[] = [];
  for (const [path, result] of parsed) {
    if (!result.ok) continue;
    if (isParamFile(path)) {
      const target = usingTarget(result.file);
      if (!target) continue;
      const files = paramsFor.get(target);
      if (files) files.push(result.file);
      else {
        paramsFor.set(target, [result.file]);
        if (!claimed.has(target)) extraRoots.push(target);
      }
      continue;
    }
    for (const callee of localModules(result.file))
      if (callee !== path && !callerOf.has(callee)) callerOf.set(callee, path);
  }
  // A template with a parameter file is a deployment of its own, even when another file also calls it as a module.
  const roots = [
    ...paths.filter((p) => !isParamFile(p) && (!callerOf.has(p) || paramsFor.has(p))),
    ...extraRoots,
  ];
  // Files only reachable through a cycle of modules have no root: evaluate them so the cycle is reported.
  const reached = reachable(roots, parsed);
  for (const p of paths) if (!isParamFile(p) && !reached.has(p)) roots.push(p);
  const rootSet = new Set(roots);

  for (const path of paths) {
    const result = parsed.get(path)!;
    if (!result.ok) {
      outcomes.push({ path, status: result.status, reason: result.message, language: 'bicep' });
      if (result.status === 'failed')
        session.diagnostics.push({
          severity: 'error',
          code: 'bicep-syntax',
          message: result.message,
          ...(result.span ? { span: result.span } : {}),
        });
      continue;
    }
    if (isParamFile(path)) {
      const target = usingTarget(result.file);
      const template = target && !claimed.has(target) ? session.parse(target) : undefined;
      if (template && !template.ok && !template.span) {
        // The template it names cannot be read: the parameter file is what the user must fix.
        const message = `${path}: template '${relative(dirname(path), target!)}' cannot be read: ${template.message}`;
        outcomes.push({ path, status: 'failed', reason: message, language: 'bicep' });
        session.diagnostics.push({ severity: 'error', code: 'bicepparam-template', message });
        continue;
      }
      outcomes.push({
        path,
        status: 'scanned',
        reason: target
          ? `parameters for ${relative(dirname(path), target) || target}`
          : 'parameters (no local template)',
        language: 'bicep',
      });
      continue;
    }
    const caller = callerOf.get(path);
    if (caller && !rootSet.has(path))
      outcomes.push({
        path,
        status: 'scanned',
        reason: `module of ${relative(dirname(path), caller)}`,
        language: 'bicep',
        resources: 0,
      });
  }

  for (const root of roots) {
    const result = parsed.get(root) ?? session.parse(root);
    if (!result.ok) {
      // An unclaimed template that failed to parse is a file of its own; a missing one was reported above.
      if (!claimed.has(root) && result.span)
        outcomes.push({ path: root, status: result.status, reason: result.message, language: 'bicep' });
      continue;
    }
    outcomes.push(
      evaluateDeployments(session, result.file, deploymentsOf(session, root, paramsFor), resources),
    );
  }

  // Module files read on the way that were not claimed (or failed to parse) get their own outcome.
  for (const used of session.modulesUsed)
    if (!claimed.has(used) && !rootSet.has(used))
      outcomes.push({ path: used, status: 'scanned', reason: 'module', language: 'bicep', resources: 0 });
  for (const [path, failure] of session.moduleFailures)
    if (!claimed.has(path))
      outcomes.push({ path, status: failure.status, reason: failure.message, language: 'bicep' });

  return { resources, outcomes, diagnostics: session.diagnostics as Diagnostic[] };
}

/**
 * The parameter files a template is deployed with: each `.bicepparam` that `using`s it is a
 * deployment of its own (dev, prod), unless `--parameters` names one for it, which says which
 * deployment to judge. `undefined` is the template with its defaults (and any JSON parameters).
 */
function deploymentsOf(
  session: Session,
  template: string,
  paramsFor: ReadonlyMap<string, readonly BicepFile[]>,
): readonly (BicepFile | undefined)[] {
  const explicit = session.load.parameterFiles.some((p) => {
    if (!isParamFile(p)) return false;
    const parsed = session.parse(p);
    return parsed.ok && usingTarget(parsed.file) === template;
  });
  const files = paramsFor.get(template);
  return explicit || !files ? [undefined] : files;
}

/** One outcome for the template, however many parameter files it is evaluated with. */
function evaluateDeployments(
  session: Session,
  file: BicepFile,
  deployments: readonly (BicepFile | undefined)[],
  sink: Resource[],
): FileOutcome {
  let count = 0;
  let scanned = 0;
  const failures: FileOutcome[] = [];
  // Every deployment is evaluated: one parameter file that fails must not hide the others.
  for (const params of deployments) {
    const inputs = rootInputs(session, file, params);
    // Only several deployments need telling apart; one keeps the folder's unit as it was.
    const deployment = deployments.length > 1 ? params?.path : undefined;
    const outcome = evaluateRoot(session, file, inputs, sink, deployment);
    if (outcome.status !== 'scanned') {
      failures.push(
        deployment
          ? { ...outcome, reason: `with ${relative(dirname(file.path), deployment)}: ${outcome.reason}` }
          : outcome,
      );
      continue;
    }
    scanned++;
    count += outcome.resources ?? 0;
  }
  if (scanned === 0 && failures[0]) return failures[0];
  const failed = failures.map((f) => f.reason).join('; ');
  return {
    path: file.path,
    status: 'scanned',
    language: 'bicep',
    resources: count,
    ...(failed ? { reason: `not every parameter file could be evaluated: ${failed}` } : {}),
  };
}

function evaluateRoot(
  session: Session,
  file: BicepFile,
  inputs: ReadonlyMap<string, unknown>,
  sink: Resource[],
  deployment: string | undefined,
): FileOutcome {
  session.resetBudget();
  const path = file.path;
  try {
    const produced = emitTemplate(new Template(session, file, inputs, [], [path]));
    for (const r of produced) sink.push(deployment ? { ...r, deployment } : r);
    return { path, status: 'scanned', language: 'bicep', resources: produced.length };
  } catch (e) {
    let message: string;
    let code = 'bicep-evaluation';
    let span: Diagnostic['span'];
    if (e instanceof EvaluationError) {
      span = e.span;
      code = e.code;
      message = span
        ? `${span.file}:${span.startLine}:${span.startColumn}: ${e.message}`
        : `${path}: ${e.message}`;
    } else if (e instanceof RangeError) {
      code = 'cap-depth';
      message = `${path}: evaluation nested too deeply (${e.message})`;
    } else {
      // A thrown error here is a bug of ours; the file still ends failed and the scan goes on.
      message = `${path}: internal error while evaluating: ${e instanceof Error ? e.message : String(e)}`;
      code = 'internal-error';
    }
    session.diagnostics.push({ severity: 'error', code, message, ...(span ? { span } : {}) });
    return { path, status: 'failed', reason: message, language: 'bicep' };
  }
}

function isParamFile(path: string): boolean {
  return path.toLowerCase().endsWith('.bicepparam');
}

/** Absolute paths of the local modules a file calls (paths written as plain strings). */
function localModules(file: BicepFile): string[] {
  const out: string[] = [];
  for (const d of file.declarations) {
    if (d.kind !== 'module' || d.path.kind !== 'literal' || typeof d.path.value !== 'string') continue;
    if (REMOTE.test(d.path.value)) continue;
    out.push(resolve(dirname(file.path), d.path.value));
  }
  return out;
}

function reachable(roots: readonly string[], parsed: ReadonlyMap<string, ReadParsed>): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const p = queue.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    const r = parsed.get(p);
    if (r?.ok) for (const m of localModules(r.file)) if (!seen.has(m)) queue.push(m);
  }
  return seen;
}
