/**
 * What one `load()` call shares across files: the guarded reader, the caps, the parse cache, the
 * diagnostics and the step budget of the root file being evaluated.
 */
import {
  type DeploymentScope,
  type Diagnostic,
  type FunctionContext,
  FunctionError,
  type LoadContext,
  type SourceSpan,
  SYMBOLIC_SCOPE,
} from '@ztkit/core';
import type { BicepFile } from '../syntax/ast.js';
import { type ParseResult, parseBicep } from '../syntax/parser.js';

/** A fatal evaluation error: the root file fails with this message and location. */
export class EvaluationError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly span?: SourceSpan,
  ) {
    super(message);
  }
}

export type ReadParsed =
  | { readonly ok: true; readonly file: BicepFile }
  | {
      readonly ok: false;
      readonly message: string;
      readonly span?: SourceSpan;
      readonly status: 'skipped' | 'failed';
    };

export class Session {
  readonly diagnostics: Diagnostic[] = [];
  private readonly parsed = new Map<string, ReadParsed>();
  private steps = 0;
  private readonly warned = new Set<string>();
  /** Local module files evaluated for some caller (absolute paths). */
  readonly modulesUsed = new Set<string>();
  /** Module files that could not be read or parsed, with why. */
  readonly moduleFailures = new Map<string, Extract<ReadParsed, { ok: false }>>();

  constructor(readonly load: LoadContext) {}

  /**
   * The function library's view of one template: where it is deployed (a module with `scope:` sees
   * its own resource group in `resourceGroup()` and `resourceId()`), sharing the root's step budget.
   */
  functionsFor(scope: DeploymentScope = SYMBOLIC_SCOPE): FunctionContext {
    return {
      scope,
      limits: { maxCopyCount: this.limits.maxCopyCount, maxDepth: this.limits.maxDepth },
      step: () => {
        if (++this.steps > this.limits.maxEvaluationSteps)
          throw new FunctionError(
            `evaluation exceeded ${this.limits.maxEvaluationSteps} steps (limits.maxEvaluationSteps)`,
            'cap-evaluation-steps',
          );
      },
    };
  }

  get limits() {
    return this.load.limits;
  }

  /** Parse a file once per load (modules shared by several callers are parsed once). */
  parse(path: string): ReadParsed {
    const cached = this.parsed.get(path);
    if (cached) return cached;
    const read = this.load.readFile(path);
    let result: ReadParsed;
    if (!read.ok) {
      result = { ok: false, message: read.reason, status: read.status };
    } else {
      const parsed: ParseResult = parseBicep(read.text, path, { maxDepth: this.limits.maxDepth });
      if (parsed.ok) {
        result = { ok: true, file: parsed.file };
      } else {
        const span = parsed.file.span(parsed.error.offset, parsed.error.offset + 1);
        result = {
          ok: false,
          // The span carries the file; the message must not repeat its absolute path (reports are relative).
          message: `syntax error at line ${span.startLine}, column ${span.startColumn}: ${parsed.error.message}`,
          span,
          status: 'failed',
        };
      }
    }
    this.parsed.set(path, result);
    return result;
  }

  /** Start the step budget of a new root file. */
  resetBudget(): void {
    this.steps = 0;
  }

  step(span?: () => SourceSpan): void {
    if (++this.steps > this.limits.maxEvaluationSteps)
      throw new EvaluationError(
        `evaluation exceeded ${this.limits.maxEvaluationSteps} steps (limits.maxEvaluationSteps)`,
        'cap-evaluation-steps',
        span?.(),
      );
  }

  /** A warning reported once per code and location. */
  warn(code: string, message: string, span?: SourceSpan, severity: Diagnostic['severity'] = 'warning'): void {
    const key = `${code}|${span?.file}|${span?.startLine}|${span?.startColumn}|${message}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.diagnostics.push({ severity, code, message, ...(span ? { span } : {}) });
  }
}
