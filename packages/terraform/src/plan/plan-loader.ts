/**
 * Plan JSON (`terraform show -json plan.out`, or of a state): planned values are translated like
 * HCL resources, values known only after apply become Unknown, and references in the
 * configuration recover the ids of resources not yet created. Spans point at the `.tf` lines when
 * the plan sits beside its configuration, else into the plan JSON.
 */
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import {
  type CandidateFile,
  type Diagnostic,
  type FileOutcome,
  type LoadContext,
  type LoadResult,
  parseJsonc,
  type Resource,
} from '@ztkit/core';
import type { TfFile } from '../eval/blocks.js';
import { isObject } from '../eval/values.js';
import { FileCache, isInsideRoots, tfFilesIn } from '../load/files.js';
import { PlanNode, type TfNode } from '../translate/node.js';
import { type TranslationInput, translateAll } from '../translate/translate.js';
import { plannedResources, resolveReferences } from './plan-model.js';
import { type HclBlockRef, resourceBlocks, SourceMappedNode } from './source-map.js';

/** A file as messages name it: relative to the scan root that holds it (reports never show absolute paths). */
function shown(file: string, ctx: LoadContext): string {
  for (const root of ctx.roots) {
    const rel = relative(root, file);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  }
  return file;
}

export function isPlanJson(head: string): boolean {
  return /"format_version"/.test(head) && /"(planned_values|terraform_version)"/.test(head);
}

export interface PlanLoadResult extends LoadResult {
  /**
   * Folders whose `.tf` files a loaded plan stands for: its own folder, and the local module
   * folders its configuration calls (they are modules of the planned root, not roots of their own).
   * Folder -> the plan file.
   */
  readonly covered: ReadonlyMap<string, string>;
}

export function loadPlans(files: readonly CandidateFile[], ctx: LoadContext): PlanLoadResult {
  const covered = new Map<string, string>();
  const resources: Resource[] = [];
  const outcomes: FileOutcome[] = [];
  const diagnostics: Diagnostic[] = [];
  const cache = new FileCache(ctx, () => {});
  for (const file of files) {
    const read = ctx.readFile(file.path);
    if (!read.ok) {
      outcomes.push({
        path: file.path,
        status: read.status,
        reason: read.reason,
        language: 'terraform-plan',
      });
      continue;
    }
    const parsed = parseJsonc(read.text, file.path, { maxDepth: ctx.limits.maxDepth });
    if (!parsed.ok) {
      const { span, message } = parsed.error;
      // The span carries the file; messages must not repeat its absolute path (reports are relative).
      const reason = `syntax error at line ${span.startLine}, column ${span.startColumn}: ${message}`;
      diagnostics.push({ severity: 'error', code: 'json-syntax', message: reason, span });
      outcomes.push({
        path: file.path,
        status: 'failed',
        reason,
        language: 'terraform-plan',
      });
      continue;
    }
    if (!isObject(parsed.value)) {
      outcomes.push({
        path: file.path,
        status: 'failed',
        reason: 'plan JSON is not an object',
        language: 'terraform-plan',
      });
      continue;
    }
    const plan = parsed.value;
    const planned = plannedResources(plan);
    if (planned.length > ctx.limits.maxResourcesPerFile) {
      const reason = `${planned.length} resource instances, over the cap of ${ctx.limits.maxResourcesPerFile} (limits.maxResourcesPerFile)`;
      diagnostics.push({
        severity: 'error',
        code: 'cap-resources',
        message: `${shown(file.path, ctx)}: ${reason}`,
      });
      outcomes.push({ path: file.path, status: 'failed', reason, language: 'terraform-plan' });
      continue;
    }
    resolveReferences(planned, plan);
    const sources = new ModuleSources(plan, dirname(file.path), ctx, cache);
    const inputs: TranslationInput[] = planned
      .filter((r) => r.mode === 'managed')
      .map((r) => {
        const node: TfNode = new PlanNode(r.values, r.unknowns, parsed.document, r.pointer, r.address);
        const hcl = sources.blockFor(r.module, `${r.type}.${r.name}`);
        return { type: r.type, address: r.address, node: hcl ? new SourceMappedNode(node, hcl) : node };
      });
    const translated = translateAll(inputs, 'terraform-plan');
    resources.push(...translated.resources);
    diagnostics.push(...translated.diagnostics);
    if (translated.untranslated.size)
      diagnostics.push({
        severity: 'info',
        code: 'terraform-untranslated',
        message: `${shown(file.path, ctx)}: resource types ztkit does not model were not translated: ${[...translated.untranslated].map(([t, n]) => `${t} (${n})`).join(', ')}`,
      });
    outcomes.push({
      path: file.path,
      status: 'scanned',
      language: 'terraform-plan',
      resources: translated.resources.length,
    });
    for (const dir of [dirname(file.path), ...localModuleDirs(plan, dirname(file.path), ctx)])
      if (!covered.has(dir)) covered.set(dir, file.path);
  }
  return { resources, outcomes, diagnostics, covered };
}

/** The local module folders the plan's configuration calls, at any depth, inside the scan roots. */
function localModuleDirs(plan: Record<string, unknown>, planDir: string, ctx: LoadContext): string[] {
  const out: string[] = [];
  const walk = (mod: unknown, dir: string, depth: number): void => {
    if (!isObject(mod) || !isObject(mod.module_calls) || depth >= ctx.limits.maxModuleDepth) return;
    for (const call of Object.values(mod.module_calls)) {
      if (!isObject(call) || typeof call.source !== 'string' || !/^\.\.?\//.test(call.source)) continue;
      const target = resolve(dir, call.source.replace(/\/\/.*$/, ''));
      if (!isInsideRoots(target, ctx.roots)) continue;
      out.push(target);
      walk(call.module, target, depth + 1);
    }
  };
  walk(isObject(plan.configuration) ? plan.configuration.root_module : undefined, planDir, 0);
  return out;
}

/** The `.tf` folder of each module of the plan (root: the plan's folder; local module calls: their source). */
class ModuleSources {
  private readonly blocks = new Map<string, Map<string, HclBlockRef> | undefined>();

  constructor(
    private readonly plan: Record<string, unknown>,
    private readonly planDir: string,
    private readonly ctx: LoadContext,
    private readonly cache: FileCache,
  ) {}

  blockFor(module: string, key: string): HclBlockRef | undefined {
    const path = module
      .replace(/\[[^\]]*\]/g, '')
      .split('.')
      .filter((p, i) => i % 2 === 1 && p !== '');
    const id = path.join('.');
    if (!this.blocks.has(id)) this.blocks.set(id, this.load(path));
    return this.blocks.get(id)?.get(key);
  }

  private load(path: readonly string[]): Map<string, HclBlockRef> | undefined {
    let dir = this.planDir;
    let mod: unknown = isObject(this.plan.configuration) ? this.plan.configuration.root_module : undefined;
    for (const call of path) {
      const calls = isObject(mod) && isObject(mod.module_calls) ? mod.module_calls : undefined;
      const next = calls?.[call];
      if (!isObject(next) || typeof next.source !== 'string' || !/^\.\.?\//.test(next.source))
        return undefined;
      dir = resolve(dir, next.source);
      mod = next.module;
    }
    if (!isInsideRoots(dir, this.ctx.roots)) return undefined;
    const files: TfFile[] = [];
    for (const p of tfFilesIn(dir) ?? []) {
      const parsed = this.cache.get(p);
      if (parsed.ok) files.push(parsed.file);
    }
    return files.length ? resourceBlocks(files) : undefined;
  }
}
