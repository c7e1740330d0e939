/**
 * Cheap origins for ARM values. The loader builds one origin per object or array it produces; a
 * pointer array per object would cost an allocation per key, so an origin is a link to its
 * parent's origin plus one key, and the JSON pointer is assembled only when a span is asked for.
 * Spans and diagnostics that name a line are likewise computed lazily: locating anything forces
 * one scanner pass over the file, which a scan without findings never needs.
 */
import type { JsonDocument } from '../json/jsonc.js';
import type { Diagnostic } from '../loaders/types.js';
import type { Origin, Pointer, SourceSpan } from '../model/source.js';

export class JsonPathOrigin implements Origin {
  constructor(
    readonly document: JsonDocument,
    readonly parent: JsonPathOrigin | undefined,
    readonly key: string | number | undefined,
  ) {}

  get file(): string {
    return this.document.file;
  }

  child(key: string | number): JsonPathOrigin {
    return new JsonPathOrigin(this.document, this, key);
  }

  pointer(): (string | number)[] {
    const keys: (string | number)[] = [];
    for (let o: JsonPathOrigin | undefined = this; o && o.key !== undefined; o = o.parent) keys.push(o.key);
    return keys.reverse();
  }

  locate(keys: Pointer): SourceSpan | undefined {
    return this.document.locate(keys.length ? [...this.pointer(), ...keys] : this.pointer());
  }

  /** The span of this node, or of the nearest ancestor the source has, or the file's first line. */
  span(): SourceSpan {
    for (let o: JsonPathOrigin | undefined = this; o; o = o.parent) {
      const s = o.locate([]);
      if (s) return s;
    }
    return { file: this.file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
  }
}

export function rootOrigin(document: JsonDocument): JsonPathOrigin {
  return new JsonPathOrigin(document, undefined, undefined);
}

/**
 * A SourceSpan computed on first read. Prototype getters keep it to one small object per span
 * (nesting paths create thousands that nobody reads); toJSON serialises it as a plain span.
 */
class LazySpan implements SourceSpan {
  private cached?: SourceSpan;
  constructor(private readonly origin: JsonPathOrigin) {}
  private get span(): SourceSpan {
    this.cached ??= this.origin.span();
    return this.cached;
  }
  get file(): string {
    return this.origin.file;
  }
  get startLine(): number {
    return this.span.startLine;
  }
  get startColumn(): number {
    return this.span.startColumn;
  }
  get endLine(): number {
    return this.span.endLine;
  }
  get endColumn(): number {
    return this.span.endColumn;
  }
  toJSON(): SourceSpan {
    const { file, startLine, startColumn, endLine, endColumn } = this;
    return { file, startLine, startColumn, endLine, endColumn };
  }
}

export function lazySpan(origin: JsonPathOrigin): SourceSpan {
  return new LazySpan(origin);
}

/** Like lazySpan, but with own enumerable getters, so that `{ ...span }` copies every field. */
function spreadableLazySpan(origin: JsonPathOrigin): SourceSpan {
  let cached: SourceSpan | undefined;
  const get = (): SourceSpan => {
    cached ??= origin.span();
    return cached;
  };
  return {
    file: origin.file,
    get startLine() {
      return get().startLine;
    },
    get startColumn() {
      return get().startColumn;
    },
    get endLine() {
      return get().endLine;
    },
    get endColumn() {
      return get().endColumn;
    },
  };
}

/** A diagnostic whose message ends with "(file:line)"; message and span are computed when first read. */
export function lazyDiagnostic(
  severity: Diagnostic['severity'],
  code: string,
  message: string,
  origin: JsonPathOrigin,
  display: (file: string) => string = (f) => f,
): Diagnostic {
  // Diagnostics are few and the engine spreads their spans: own getters.
  const span = spreadableLazySpan(origin);
  let text: string | undefined;
  return {
    severity,
    code,
    get message() {
      text ??= `${message} (${display(span.file)}:${span.startLine})`;
      return text;
    },
    span,
  };
}
