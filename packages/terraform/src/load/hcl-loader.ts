/**
 * Loads `.tf` folders: every folder of candidate files is one root module, unless another scanned
 * folder calls it as a local module (then its files are scanned as part of the caller, once).
 * Resources of all roots are translated together; association resources patch targets of their own
 * root only (see `translateAll`), as the engine reasons per root folder.
 */
import { dirname, resolve } from 'node:path';
import type { CandidateFile, Diagnostic, FileOutcome, LoadContext, LoadResult, Resource } from '@ztkit/core';
import type { TfFile } from '../eval/blocks.js';
import { ModuleRun, type ResourceInstance } from '../eval/module.js';
import { HclNode } from '../translate/node.js';
import { type TranslationInput, translateAll } from '../translate/translate.js';
import { FileCache } from './files.js';
import { LoaderHost } from './host.js';
import { isTfvars, readVarFiles, varFilesFor } from './tfvars.js';

export function loadHcl(candidates: readonly CandidateFile[], ctx: LoadContext): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const cache = new FileCache(ctx, (d) => diagnostics.push(d));
  const host = new LoaderHost(ctx, cache, diagnostics);
  const paths = candidates.map((c) => c.path);
  const tfPaths = paths.filter((p) => p.toLowerCase().endsWith('.tf'));

  const byDir = new Map<string, TfFile[]>();
  // Binary and non-UTF-8 files are not Terraform a user wrote: skipped with the guard's reason, not failed.
  const skipped = new Map<string, string>();
  for (const p of tfPaths) {
    const parsed = cache.get(p);
    const list = byDir.get(dirname(p)) ?? [];
    byDir.set(dirname(p), list);
    if (parsed.ok) list.push(parsed.file);
    else if (parsed.status === 'skipped') skipped.set(p, parsed.reason);
    else host.failFile(p, parsed.reason);
  }

  // A folder another scanned folder calls as a local module is evaluated through its caller only.
  const called = new Set<string>();
  for (const [dir, files] of byDir)
    for (const f of files)
      for (const b of f.body.blocks) {
        if (b.type !== 'module') continue;
        const src = b.body.attributes.find((a) => a.name === 'source')?.expr;
        const text =
          src?.kind === 'template' && src.parts.length === 1 && src.parts[0]!.kind === 'literal'
            ? src.parts[0]!.text
            : undefined;
        if (text && (text.startsWith('./') || text.startsWith('../'))) {
          const target = resolve(dir, text);
          if (target !== dir) called.add(target);
        }
      }

  const instances: ResourceInstance[] = [];
  const evaluate = (dir: string): void => {
    host.visited.add(dir);
    host.resetBudget();
    const files = byDir.get(dir) ?? [];
    const tfvars = readVarFiles(varFilesFor(dir, paths, ctx.parameterFiles), cache, ctx, host.report);
    const run = new ModuleRun({ dir, files }, host, { tfvars, prefix: '', via: [], chain: [dir] });
    try {
      const found = run.instances();
      if (found.length > ctx.limits.maxResourcesPerFile) {
        const message = `${found.length} resource instances, over the cap of ${ctx.limits.maxResourcesPerFile} (limits.maxResourcesPerFile)`;
        diagnostics.push({ severity: 'error', code: 'cap-resources', message: `${dir}: ${message}` });
        for (const f of files) host.failFile(f.path, message);
        return;
      }
      instances.push(...found);
    } catch (e) {
      // A cap breach that escaped a resource (e.g. the step budget in a local) or a bug: the module fails, the scan goes on.
      const message = e instanceof Error ? e.message : String(e);
      diagnostics.push({ severity: 'error', code: 'terraform-evaluation', message: `${dir}: ${message}` });
      for (const f of files) host.failFile(f.path, message);
    }
  };
  const dirs = [...byDir.keys()].sort();
  for (const dir of dirs) if (!called.has(dir)) evaluate(dir);
  // Folders only reachable through a cycle of callers still get evaluated once.
  for (const dir of dirs) if (!host.visited.has(dir)) evaluate(dir);

  const inputs: TranslationInput[] = instances
    .filter((i) => i.mode === 'managed')
    .map((i) => ({
      type: i.type,
      address: i.address,
      node: new HclNode(i.block, i.binding),
      via: i.via,
      condition: i.condition,
    }));
  const translated = translateAll(inputs, 'terraform');
  diagnostics.push(...translated.diagnostics);
  if (translated.untranslated.size) {
    const list = [...translated.untranslated].map(([t, n]) => `${t} (${n})`).join(', ');
    diagnostics.push({
      severity: 'info',
      code: 'terraform-untranslated',
      message: `${[...translated.untranslated.values()].reduce((a, b) => a + b, 0)} resource instances of types ztkit does not model were not translated: ${list}`,
    });
  }

  return {
    resources: translated.resources,
    outcomes: outcomesOf(candidates, host, translated.resources, paths, skipped),
    diagnostics,
  };
}

function outcomesOf(
  candidates: readonly CandidateFile[],
  host: LoaderHost,
  resources: readonly Resource[],
  paths: readonly string[],
  skipped: ReadonlyMap<string, string>,
): FileOutcome[] {
  const perFile = new Map<string, number>();
  for (const r of resources) {
    const file = r.origin?.file;
    if (file) perFile.set(file, (perFile.get(file) ?? 0) + 1);
  }
  const outcomes: FileOutcome[] = [];
  const seen = new Set<string>();
  const outcome = (path: string, reasonIfScanned?: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    const skip = skipped.get(path);
    if (skip) {
      outcomes.push({ path, status: 'skipped', reason: skip, language: 'terraform' });
      return;
    }
    const failed = host.failed.get(path);
    if (failed) {
      outcomes.push({ path, status: 'failed', reason: failed, language: 'terraform' });
      return;
    }
    outcomes.push({
      path,
      status: 'scanned',
      language: 'terraform',
      resources: perFile.get(path) ?? 0,
      ...(reasonIfScanned ? { reason: reasonIfScanned } : {}),
    });
  };
  for (const c of candidates) {
    if (isTfvars(c.path)) {
      outcome(c.path, `variable values for ${host.displayDir(dirname(c.path))}`);
      continue;
    }
    const caller = host.moduleFiles.get(c.path);
    outcome(c.path, caller ? `module of ${host.displayDir(caller)}` : undefined);
  }
  // Module files outside the candidate set were read too: they get an outcome of their own.
  for (const [path, caller] of host.moduleFiles)
    if (!paths.includes(path)) outcome(path, `module of ${host.displayDir(caller)}`);
  return outcomes;
}
