/**
 * The ARM loader: claims ARM templates and parameter files by their `$schema`, evaluates each
 * template (see file.ts) and accounts for every file. Failure policy, per case:
 * - malformed JSON, an unparsable or over-long expression, a cyclic variable, a copy count or
 *   nesting over the caps, too many resources: the file is `failed`, with an error diagnostic naming
 *   the file and line; other files go on.
 * - an unknown function, a bad argument, a missing property and other evaluation errors make only
 *   that value Unknown: the file stays `scanned` and a warning names the file and line, because the
 *   rest of the template still tells the user something.
 * - reference(), list*(), Key Vault parameter references and parameters without a value: Unknown,
 *   no diagnostic (that is normal input, not a problem).
 * - nesting deeper than the module cap, linked templates at a URI or outside the root: the former
 *   fails the file; the latter leave a `module-not-resolved` warning and the rest is scanned.
 * Parameter values: `X.parameters.json` beside `X.json` when discovery found it (the loader never
 * probes the file system), then every explicit `ctx.parameterFiles` entry on top. Parameter files
 * are `scanned` ("parameters for main.json") when their template is in the scan, `skipped` with a
 * reason otherwise. A local linked template read through another template is accounted as scanned
 * through it and its resources are not counted twice.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { isObject, type JsonObject } from '../functions/values.js';
import { type JsonDocument, parseJsonc } from '../json/jsonc.js';
import { rootHolding } from '../loaders/roots.js';
import type {
  CandidateFile,
  Diagnostic,
  FileOutcome,
  LoadContext,
  Loader,
  LoadResult,
} from '../loaders/types.js';
import type { Resource } from '../model/resource.js';
import { unknown } from '../model/unknown.js';
import { evaluateTemplateFile, type LinkedRead } from './file.js';

const SCHEMA_IN_HEAD = /"\$schema"\s*:\s*"([^"]*)"/;
const TEMPLATE_SCHEMA = /deploymenttemplate\.json/i;
const PARAMETERS_SCHEMA = /deploymentparameters\.json/i;

export type ArmFileKind = 'template' | 'parameters';

/** What an ARM-looking file is, from its name and head; undefined when it is not ARM. */
export function armFileKind(file: Pick<CandidateFile, 'path' | 'head'>): ArmFileKind | undefined {
  const lower = file.path.toLowerCase();
  if (!lower.endsWith('.json') && !lower.endsWith('.jsonc')) return undefined;
  const schema = SCHEMA_IN_HEAD.exec(file.head)?.[1];
  if (!schema) return undefined;
  if (PARAMETERS_SCHEMA.test(schema)) return 'parameters';
  if (TEMPLATE_SCHEMA.test(schema)) return 'template';
  return undefined;
}

/**
 * `main.parameters.json` -> `main.json`: the template a parameter file applies to by convention.
 * `main.parameters.prod.json` names its template too, but applies only when given explicitly.
 */
export function templateForParameterFile(
  path: string,
): { template: string; conventional: boolean } | undefined {
  const m = /^(.*)\.parameters(\.[^.]+)?\.jsonc?$/i.exec(path);
  return m ? { template: `${m[1]}.json`, conventional: m[2] === undefined } : undefined;
}

export const armLoader: Loader = {
  language: 'arm',
  claims(file: CandidateFile): boolean {
    return armFileKind(file) !== undefined;
  },
  load(files: readonly CandidateFile[], ctx: LoadContext): LoadResult {
    return new ArmLoad(ctx).run(files);
  },
};

interface Parsed {
  readonly value: JsonObject;
  readonly document: JsonDocument;
}

class ArmLoad {
  private readonly outcomes: FileOutcome[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly parameterCache = new Map<string, Map<string, unknown> | null>();
  private parameterCandidates: ReadonlySet<string> = new Set();

  constructor(private readonly ctx: LoadContext) {}

  display = (file: string): string => {
    const root = rootHolding(this.ctx.roots, file);
    const rel = root === undefined ? '' : relative(root, file);
    return rel ? rel.split(sep).join('/') : file;
  };

  run(files: readonly CandidateFile[]): LoadResult {
    const templates = files.filter((f) => armFileKind(f) === 'template');
    const templatePaths = new Set(templates.map((f) => f.path));
    this.parameterCandidates = new Set(
      files.filter((f) => armFileKind(f) === 'parameters').map((f) => f.path),
    );
    const explicit = this.explicitParameters();
    const perFile = new Map<string, Resource[]>();
    const linkedBy = new Map<string, string>();
    for (const file of templates) {
      const result = this.loadTemplate(file.path, explicit);
      if (!result) continue;
      perFile.set(file.path, result.resources);
      for (const l of result.linked) if (!linkedBy.has(l)) linkedBy.set(l, file.path);
    }
    const resources: Resource[] = [];
    for (const [path, list] of perFile) {
      // A template linked from another one is scanned through it, not a second time on its own.
      if (linkedBy.has(path) && linkedBy.get(path) !== path) continue;
      for (const r of list) resources.push(r);
    }
    for (const [path, by] of linkedBy) {
      if (path === by) continue;
      const outcome: FileOutcome = {
        path,
        status: 'scanned',
        language: 'arm',
        reason: `linked template of ${this.display(by)}`,
      };
      const standalone = this.outcomes.findIndex((o) => o.path === path && o.status === 'scanned');
      if (standalone >= 0) this.outcomes[standalone] = outcome;
      else if (!this.outcomes.some((o) => o.path === path)) this.outcomes.push(outcome);
    }
    for (const file of files) {
      const kind = armFileKind(file);
      if (kind === undefined)
        this.outcomes.push({
          path: file.path,
          status: 'skipped',
          reason: 'not an ARM template or parameter file',
        });
      if (kind !== 'parameters') continue;
      const owner = templateForParameterFile(file.path);
      let status: FileOutcome['status'] = 'skipped';
      let reason: string;
      if (this.ctx.parameterFiles.includes(file.path)) {
        status = 'scanned';
        reason = 'parameters for every template (given explicitly)';
      } else if (owner?.conventional && templatePaths.has(owner.template)) {
        status = 'scanned';
        reason = `parameters for ${this.display(owner.template)}`;
      } else if (owner?.conventional)
        reason = `ARM parameter file whose template ${this.display(owner.template)} is not in the scan`;
      else if (owner)
        reason = `ARM parameter file for ${this.display(owner.template)}; applied only when given with --parameters`;
      else reason = 'ARM parameter file not named <template>.parameters.json and not given with --parameters';
      this.outcomes.push({ path: file.path, status, language: 'arm', reason });
    }
    return { resources, outcomes: this.outcomes, diagnostics: this.diagnostics };
  }

  /** The context's guarded reader; a reader that throws (e.g. a missing file in a test harness) is a refusal. */
  private readFile(path: string): ReturnType<LoadContext['readFile']> {
    try {
      return this.ctx.readFile(path);
    } catch {
      return { ok: false, reason: 'file not found', status: 'failed' };
    }
  }

  private fail(path: string, code: string, message: string, span?: Diagnostic['span']): void {
    this.diagnostics.push({ severity: 'error', code, message, ...(span ? { span } : {}) });
    this.outcomes.push({ path, status: 'failed', language: 'arm', reason: message });
  }

  private parse(path: string, text: string): Parsed | { error: string; span: Diagnostic['span'] } {
    // Twice the cap: the walk enforces limits.maxDepth, and a value just over it must still be locatable.
    const parsed = parseJsonc(text, path, {
      maxDepth: this.ctx.limits.maxDepth * 2,
      skipDepthPrecheck: true,
    });
    if (!parsed.ok)
      return {
        error: `Malformed JSON in ${this.display(path)}: ${parsed.error.message}`,
        span: parsed.error.span,
      };
    if (!isObject(parsed.value))
      return { error: `${this.display(path)}:1: an ARM template must be a JSON object`, span: undefined };
    return { value: parsed.value, document: parsed.document };
  }

  private loadTemplate(path: string, explicit: Map<string, unknown>) {
    const read = this.readFile(path);
    if (!read.ok) {
      const message = `${this.display(path)}:1: ${read.reason}`;
      if (read.status === 'failed') this.fail(path, 'file-unreadable', message);
      else this.outcomes.push({ path, status: read.status, language: 'arm', reason: read.reason });
      return undefined;
    }
    const parsed = this.parse(path, read.text);
    if ('error' in parsed) {
      this.fail(path, 'json-syntax', parsed.error, parsed.span);
      return undefined;
    }
    const parameters = new Map(this.conventionParameters(path));
    for (const [k, v] of explicit) parameters.set(k, v);
    const result = evaluateTemplateFile({
      file: path,
      template: parsed.value,
      document: parsed.document,
      parameters,
      limits: this.ctx.limits,
      display: this.display,
      readLinked: (from, rel) => this.readLinked(from, rel),
    });
    for (const d of result.diagnostics) this.diagnostics.push(d);
    if (result.failure) {
      const span = result.failure.origin.span();
      this.fail(
        path,
        result.failure.code,
        `${result.failure.message} (${this.display(span.file)}:${span.startLine})`,
        span,
      );
      return undefined;
    }
    this.outcomes.push({ path, status: 'scanned', language: 'arm', resources: result.resources.length });
    return result;
  }

  private readLinked(from: string, rel: string): LinkedRead {
    if (/^[a-z][a-z0-9+.-]*:/i.test(rel)) return { ok: false, reason: 'not a local path' };
    const path = resolve(dirname(from), rel);
    const read = this.readFile(path);
    if (!read.ok) return { ok: false, reason: read.reason };
    const parsed = this.parse(path, read.text);
    if ('error' in parsed) {
      this.fail(path, 'json-syntax', parsed.error, parsed.span);
      return { ok: false, reason: 'its JSON is malformed' };
    }
    return { ok: true, template: parsed.value, document: parsed.document, file: path };
  }

  private explicitParameters(): Map<string, unknown> {
    const out = new Map<string, unknown>();
    for (const path of this.ctx.parameterFiles) {
      const values = this.parameterFile(path, true);
      if (values) for (const [k, v] of values) out.set(k, v);
    }
    return out;
  }

  /** The `X.parameters.json` beside `X.json`, when discovery found it (no probing of the file system). */
  private conventionParameters(templatePath: string): Map<string, unknown> {
    const m = /^(.*)\.jsonc?$/i.exec(templatePath);
    if (!m) return new Map();
    for (const candidate of [`${m[1]}.parameters.json`, `${m[1]}.parameters.jsonc`]) {
      if (!this.parameterCandidates.has(candidate) || this.ctx.parameterFiles.includes(candidate)) continue;
      const values = this.parameterFile(candidate, false);
      if (values) return values;
    }
    return new Map();
  }

  /** Values of a parameter file by lower-case name; Key Vault references become Unknown. */
  private parameterFile(path: string, required: boolean): Map<string, unknown> | undefined {
    const cached = this.parameterCache.get(path);
    if (cached !== undefined) return cached ?? undefined;
    let values: Map<string, unknown> | null = null;
    const read = this.readFile(path);
    if (read.ok) {
      const parsed = this.parse(path, read.text);
      if ('error' in parsed) this.fail(path, 'json-syntax', parsed.error, parsed.span);
      else {
        values = new Map();
        const params = isObject(parsed.value.parameters) ? parsed.value.parameters : {};
        for (const k of Object.keys(params)) {
          const entry = params[k];
          if (!isObject(entry)) continue;
          if ('value' in entry) values.set(k.toLowerCase(), entry.value);
          else if ('reference' in entry)
            values.set(
              k.toLowerCase(),
              unknown(`parameter '${k}' is a Key Vault secret reference`, `parameters('${k}')`),
            );
        }
      }
    } else if (required && read.reason !== 'file not found')
      this.fail(path, 'file-unreadable', `${this.display(path)}:1: ${read.reason}`);
    else if (required)
      this.fail(path, 'file-unreadable', `${this.display(path)}:1: parameter file not found`);
    this.parameterCache.set(path, values);
    return values ?? undefined;
  }
}
