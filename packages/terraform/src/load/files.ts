/** Reading and parsing `.tf` / `.tfvars` files through the scan guard, with located syntax errors. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Diagnostic, LineMap, type LoadContext } from '@ztkit/core';
import type { TfFile } from '../eval/blocks.js';
import { parseHcl } from '../hcl/parser.js';

export type ParsedFile =
  | { ok: true; file: TfFile }
  | { ok: false; status: 'failed' | 'skipped'; reason: string };

/** Parses each path once per load, whether it is a candidate or a module folder's file. */
export class FileCache {
  private readonly parsed = new Map<string, ParsedFile>();
  constructor(
    private readonly ctx: LoadContext,
    private readonly report: (d: Diagnostic) => void,
  ) {}

  get(path: string): ParsedFile {
    let p = this.parsed.get(path);
    if (!p) {
      p = this.parse(path);
      this.parsed.set(path, p);
    }
    return p;
  }

  private parse(path: string): ParsedFile {
    const read = this.ctx.readFile(path);
    if (!read.ok) return { ok: false, status: read.status, reason: read.reason };
    const text = read.text;
    const lines = new LineMap(text);
    const r = parseHcl(text, this.ctx.limits.maxDepth);
    if (!r.ok) {
      const span = lines.span(path, r.offset, Math.min(r.offset + 1, text.length));
      const reason = `syntax error at line ${span.startLine}, column ${span.startColumn}: ${r.message}`;
      this.report({
        severity: 'error',
        code: 'hcl-syntax',
        message: reason,
        span,
      });
      return { ok: false, status: 'failed', reason };
    }
    return { ok: true, file: { path, text, body: r.body, lines } };
  }
}

export { isInsideRoots } from '@ztkit/core';

/** The `.tf` files of a folder (sorted, as Terraform reads them), or undefined when it cannot be listed. */
export function tfFilesIn(dir: string): string[] | undefined {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.tf'))
      .map((e) => join(dir, e.name))
      .sort();
  } catch {
    return undefined;
  }
}
