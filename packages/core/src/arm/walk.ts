/**
 * Turns a raw template value (as JSON.parse gave it) into a model value: expression strings are
 * evaluated, `[[` strings unescaped, property `copy` loops expanded, and every object or array built
 * gets an origin. Errors: a fatal one (syntax, caps, cycles) aborts the file as a TemplateFailure; any
 * other evaluation error makes just that value Unknown and leaves a warning naming file and line.
 */
import { FunctionError } from '../functions/types.js';
import { type JsonObject, setKey } from '../functions/values.js';
import type { Limits } from '../loaders/limits.js';
import type { Diagnostic } from '../loaders/types.js';
import type { ParameterBinding } from '../model/resource.js';
import { formatPath, setOrigin } from '../model/source.js';
import { isUnknown, type Unknown, unknown } from '../model/unknown.js';
import { type CopyFrame, type EvalEnv, evaluateExpr, FATAL_CODES } from './evaluate.js';
import { type Expr, parseTemplateString } from './expression.js';
import { type JsonPathOrigin, lazyDiagnostic } from './origin.js';

/** A file-level failure: the template cannot be evaluated as a whole. */
export class TemplateFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly origin: JsonPathOrigin,
  ) {
    super(message);
  }
}

/** Where a resource's property values come from, recorded while walking (see ParameterBinding). */
export interface BindingRecorder {
  readonly path: (string | number)[];
  readonly bindings: Map<string, ParameterBinding>;
  /** The parameter a `[parameters('x')]` or `[variables('v')]` string stands for, if any. */
  bindingFor(expr: Expr): ParameterBinding | undefined;
}

/** Everything a walk needs that is fixed for a file. */
export interface FileSink {
  readonly limits: Limits;
  readonly diagnostics: Diagnostic[];
  readonly seenWarnings: Set<string>;
  /** How messages name a file (relative to the scan root). */
  readonly display: (file: string) => string;
}

const MAX_WARNINGS_PER_FILE = 200;

export class ValueWalker {
  private depth = 0;
  constructor(
    readonly sink: FileSink,
    readonly env: EvalEnv,
    private readonly recorder?: BindingRecorder,
  ) {}

  with(env: EvalEnv): ValueWalker {
    return new ValueWalker(this.sink, env, this.recorder);
  }

  /** Evaluate `raw`, found at `origin` in the source. */
  value(raw: unknown, origin: JsonPathOrigin): unknown {
    if (typeof raw === 'string') return this.string(raw, origin);
    if (typeof raw !== 'object' || raw === null) return raw;
    // The JSON was parsed without a depth pre-check: the walk is where nesting is bounded.
    if (++this.depth > this.sink.limits.maxDepth) {
      throw new TemplateFailure(
        'cap-depth',
        `value nested deeper than ${this.sink.limits.maxDepth} levels (limits.maxDepth)`,
        origin,
      );
    }
    try {
      return Array.isArray(raw) ? this.array(raw, origin) : this.object(raw as JsonObject, origin);
    } finally {
      this.depth--;
    }
  }

  private array(raw: unknown[], origin: JsonPathOrigin): unknown[] {
    {
      const out: unknown[] = new Array(raw.length);
      const rec = this.recorder;
      for (let i = 0; i < raw.length; i++) {
        const item = raw[i];
        rec?.path.push(i);
        out[i] =
          typeof item === 'object' && item !== null
            ? this.value(item, origin.child(i))
            : typeof item === 'string'
              ? this.stringAt(item, origin, i)
              : item;
        rec?.path.pop();
      }
      return setOrigin(out, origin);
    }
  }

  private object(raw: JsonObject, origin: JsonPathOrigin): JsonObject {
    // Cloning keeps the source's key order and hidden class; values are then replaced in place.
    const out: JsonObject = { ...raw };
    const rec = this.recorder;
    for (const k in raw) {
      const item = raw[k];
      if (typeof item === 'object' && item !== null) {
        if (k === 'copy' && isPropertyCopy(item)) {
          delete out.copy;
          this.expandPropertyCopy(item, origin.child(k), out);
          continue;
        }
        rec?.path.push(k);
        const v = this.value(item, origin.child(k));
        rec?.path.pop();
        if (k === '__proto__') setKey(out, k, v);
        else out[k] = v;
      } else if (typeof item === 'string' && item.charCodeAt(0) === 91) {
        rec?.path.push(k);
        const v = this.string(item, origin.child(k));
        rec?.path.pop();
        if (v === undefined) delete out[k];
        else if (k === '__proto__') setKey(out, k, v);
        else out[k] = v;
      }
    }
    return setOrigin(out, origin);
  }

  /** A string property: builds a child origin only when it is an expression. */
  private stringAt(s: string, parent: JsonPathOrigin, key: string | number): unknown {
    if (s.charCodeAt(0) !== 91) return s;
    return this.string(s, parent.child(key));
  }

  string(s: string, origin: JsonPathOrigin): unknown {
    if (s.length < 2 || s.charCodeAt(0) !== 91 || s.charCodeAt(s.length - 1) !== 93) return s;
    if (s.charCodeAt(1) === 91) return s.slice(1);
    const limits = this.sink.limits;
    const parsed = parseTemplateString(s, limits.maxExpressionLength, limits.maxDepth);
    if (!parsed.ok)
      throw new TemplateFailure(
        parsed.code,
        `${parsed.code === 'expression-syntax' ? 'Invalid template expression' : 'Template expression refused'}: ${parsed.message} (at character ${parsed.offset + 1} of "${clip(s)}")`,
        origin,
      );
    if (this.recorder) {
      const binding = this.recorder.bindingFor(parsed.expr);
      if (binding) this.recorder.bindings.set(formatPath(this.recorder.path), binding);
    }
    return this.expression(parsed.expr, parsed.text, origin);
  }

  /** Evaluate a parsed expression, turning errors into a TemplateFailure or a warning + Unknown. */
  expression(expr: Expr, text: string, origin: JsonPathOrigin): unknown {
    try {
      return evaluateExpr(expr, text, this.env);
    } catch (e) {
      if (e instanceof FunctionError) {
        if (FATAL_CODES.has(e.code)) throw new TemplateFailure(e.code, e.message, origin);
        this.warn(e.code, `${e.message} in "[${clip(text)}]"; the value is treated as unknown`, origin);
        return unknown(e.message, text);
      }
      if (e instanceof RangeError)
        throw new TemplateFailure('cap-depth', 'expression evaluation recursed too deeply', origin);
      throw e;
    }
  }

  warn(code: string, message: string, origin: JsonPathOrigin): void {
    const key = `${code}|${message}`;
    const seen = this.sink.seenWarnings;
    if (seen.has(key) || seen.size >= MAX_WARNINGS_PER_FILE) return;
    seen.add(key);
    this.sink.diagnostics.push(lazyDiagnostic('warning', code, message, origin, this.sink.display));
  }

  /** Evaluate a loop count: a non-negative integer under the cap, or Unknown. */
  count(raw: unknown, origin: JsonPathOrigin, loop: string): number | Unknown {
    const v = this.value(raw, origin);
    if (isUnknown(v)) return v;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      this.warn(
        'bad-copy-count',
        `copy loop '${loop}' has a count that is not a non-negative integer`,
        origin,
      );
      return unknown(`copy loop '${loop}' has an invalid count`);
    }
    const cap = this.sink.limits.maxCopyCount;
    if (v > cap)
      throw new TemplateFailure(
        'cap-copy-count',
        `copy loop '${loop}' has count ${v}, over the cap of ${cap} (limits.maxCopyCount)`,
        origin,
      );
    return v;
  }

  private expandPropertyCopy(loops: readonly JsonObject[], origin: JsonPathOrigin, out: JsonObject): void {
    loops.forEach((loop, i) => {
      const loopOrigin = origin.child(i);
      const name = loop.name as string;
      const count = this.count(loop.count, loopOrigin.child('count'), name);
      this.recorder?.path.push(name);
      if (isUnknown(count)) setKey(out, name, count);
      else {
        const items: unknown[] = [];
        for (let n = 0; n < count; n++) {
          const frame: CopyFrame = { name, index: n, resource: false, parent: this.env.copy };
          this.recorder?.path.push(n);
          items.push(this.with({ ...this.env, copy: frame }).value(loop.input, loopOrigin.child('input')));
          this.recorder?.path.pop();
        }
        setKey(out, name, setOrigin(items, loopOrigin));
      }
      this.recorder?.path.pop();
    });
  }
}

function isPropertyCopy(v: unknown): v is JsonObject[] {
  return (
    Array.isArray(v) &&
    v.length > 0 &&
    v.every(
      (l) =>
        typeof l === 'object' &&
        l !== null &&
        typeof (l as JsonObject).name === 'string' &&
        'count' in l &&
        'input' in l,
    )
  );
}

function clip(s: string): string {
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}
