/**
 * What module evaluation needs from the loader: guarded file reads relative to a module folder,
 * local module folders (inside the scan roots, no cycles), the id of references, diagnostics.
 */
import { basename, relative, resolve, sep } from 'node:path';
import { type Diagnostic, type LoadContext, rootHolding, type SourceSpan } from '@ztkit/core';
import type { TfFile } from '../eval/blocks.js';
import { type Budget, childScope, Evaluator } from '../eval/evaluator.js';
import type { FunctionEnv } from '../eval/functions/index.js';
import type { ModuleHost, ModuleSource } from '../eval/module.js';
import { TfEvalError } from '../eval/values.js';
import { parseTemplate } from '../hcl/parser.js';
import { attrsOfValue } from '../translate/arm.js';
import { enrichReference, referenceId } from '../translate/registry.js';
import { type FileCache, isInsideRoots, tfFilesIn } from './files.js';

/** Most `templatefile` renders nested inside one another (a template calling templatefile). */
const MAX_TEMPLATE_NESTING = 8;

export class LoaderHost implements ModuleHost {
  readonly limits: LoadContext['limits'];
  readonly budget: Budget;
  /** Files read as part of a local module: path -> the folder that called it. */
  readonly moduleFiles = new Map<string, string>();
  /** Folders evaluated (as root or module). */
  readonly visited = new Set<string>();
  readonly failed = new Map<string, string>();
  private templateDepth = 0;

  constructor(
    private readonly ctx: LoadContext,
    private readonly cache: FileCache,
    private readonly diagnostics: Diagnostic[],
  ) {
    this.limits = ctx.limits;
    this.budget = { steps: 0, maxSteps: ctx.limits.maxEvaluationSteps };
  }

  /** A fresh step budget for each root module (the budget is per file set, as Limits says). */
  resetBudget(): void {
    this.budget.steps = 0;
  }

  report = (d: Diagnostic): void => {
    this.diagnostics.push(d);
  };

  describeDir(dir: string): string {
    // Used inside unknown names, which are id segments: no slashes.
    return this.displayDir(dir).split('/').join(':');
  }

  /** A folder relative to the scan root that holds it (its own name when it is the root). */
  displayDir(dir: string): string {
    const root = rootHolding(this.ctx.roots, dir);
    const rel = root ? relative(root, dir) : '';
    return (rel === '' ? basename(dir) || '.' : rel).split(sep).join('/');
  }

  failFile(path: string, reason: string): void {
    if (!this.failed.has(path)) this.failed.set(path, reason);
  }

  referenceId(type: string, value: Record<string, unknown>): string | undefined {
    return referenceId(type, attrsOfValue(value));
  }

  enrichReference(type: string, value: Record<string, unknown>): void {
    enrichReference(type, value);
  }

  functionEnv(dir: string): FunctionEnv {
    const readFile = (p: string): string | undefined => {
      const path = resolve(dir, p);
      if (!isInsideRoots(path, this.ctx.roots)) return undefined;
      const r = this.ctx.readFile(path);
      return r.ok ? r.text : undefined;
    };
    const env: FunctionEnv = {
      maxItems: this.limits.maxCopyCount,
      readFile,
      // path.module is absolute here; the user wrote a path relative to the module.
      showPath: (p) => relative(dir, resolve(dir, p)).split(sep).join('/') || '.',
      renderTemplate: (text, vars, file) => {
        if (this.templateDepth >= MAX_TEMPLATE_NESTING)
          throw new TfEvalError('templatefile: templates nested too deep', 'cap-template-depth');
        const parsed = parseTemplate(text, this.limits.maxDepth);
        if (!parsed.ok) throw new TfEvalError(`templatefile: ${file}: ${parsed.message}`);
        const scope = childScope(
          {
            lookup: (name) => {
              throw new TfEvalError(`templatefile: variable "${name}" is not given`);
            },
          },
          vars,
        );
        this.templateDepth++;
        try {
          const v = new Evaluator(env, this.budget).eval(parsed.expr, scope);
          return typeof v === 'string' && !text.endsWith('\n') ? v.replace(/\n$/, '') : v;
        } finally {
          this.templateDepth--;
        }
      },
    };
    return env;
  }

  loadLocalModule(
    fromDir: string,
    source: string,
    span: SourceSpan,
    chain: readonly string[],
  ): ModuleSource | undefined {
    const dir = resolve(fromDir, source.replace(/\/\/.*$/, ''));
    if (!isInsideRoots(dir, this.ctx.roots)) {
      this.report({
        severity: 'warning',
        code: 'module-outside-root',
        message: `module source ${JSON.stringify(source)} is outside the scanned root; its resources are not scanned`,
        span,
      });
      return undefined;
    }
    if (chain.includes(dir)) {
      this.report({
        severity: 'error',
        code: 'module-cycle',
        message: `module source ${JSON.stringify(source)} calls itself (${[...chain, dir].map((d) => relative(chain[0]!, d) || '.').join(' -> ')})`,
        span,
      });
      return undefined;
    }
    const paths = tfFilesIn(dir);
    if (!paths) {
      this.report({
        severity: 'warning',
        code: 'module-not-found',
        message: `module folder ${JSON.stringify(source)} does not exist`,
        span,
      });
      return undefined;
    }
    const files: TfFile[] = [];
    for (const p of paths) {
      if (!this.moduleFiles.has(p)) this.moduleFiles.set(p, fromDir);
      const parsed = this.cache.get(p);
      if (parsed.ok) files.push(parsed.file);
      else this.failFile(p, parsed.reason);
    }
    this.visited.add(dir);
    return { dir, files };
  }
}
