import { parseJsonc } from '../json/jsonc.js';
import { PointerOrigin } from '../json/pointer-origin.js';
import type {
  CandidateFile,
  Diagnostic,
  FileOutcome,
  LoadContext,
  Loader,
  LoadResult,
} from '../loaders/types.js';
import type { Resource } from '../model/resource.js';
import { buildResourceId } from '../model/resource-id.js';
import { setOrigin } from '../model/source.js';
import { unknown } from '../model/unknown.js';

const TEMPLATE_SCHEMA = /deploymenttemplate\.json/i;

/** Minimal literal loader: placeholder until the expression evaluator lands. */
export const armLoader: Loader = {
  language: 'arm',
  claims(file: CandidateFile): boolean {
    return file.path.toLowerCase().endsWith('.json') && TEMPLATE_SCHEMA.test(file.head);
  },
  load(files: readonly CandidateFile[], ctx: LoadContext): LoadResult {
    const resources: Resource[] = [];
    const outcomes: FileOutcome[] = [];
    const diagnostics: Diagnostic[] = [];
    for (const file of files) {
      const read = ctx.readFile(file.path);
      if (!read.ok) {
        outcomes.push({ path: file.path, status: read.status, reason: read.reason, language: 'arm' });
        continue;
      }
      const parsed = parseJsonc(read.text, file.path, { maxDepth: ctx.limits.maxDepth });
      if (!parsed.ok) {
        diagnostics.push({
          severity: 'error',
          code: 'json-syntax',
          message: parsed.error.message,
          span: parsed.error.span,
        });
        outcomes.push({ path: file.path, status: 'failed', reason: parsed.error.message, language: 'arm' });
        continue;
      }
      const template = parsed.value as { resources?: unknown };
      const before = resources.length;
      const list = Array.isArray(template.resources) ? template.resources : [];
      list.forEach((raw, i) => {
        collect(raw, ['resources', i], undefined, resources, parsed.document);
      });
      outcomes.push({
        path: file.path,
        status: 'scanned',
        language: 'arm',
        resources: resources.length - before,
      });
    }
    return { resources, outcomes, diagnostics };
  },
};

function literal(
  value: unknown,
  doc: import('../json/jsonc.js').JsonDocument,
  ptr: (string | number)[],
): unknown {
  if (typeof value === 'string') {
    if (value.startsWith('[[')) return value.slice(1);
    if (value.startsWith('[') && value.endsWith(']')) return unknown('expression not evaluated', value);
    return value;
  }
  if (Array.isArray(value))
    return setOrigin(
      value.map((v, i) => literal(v, doc, [...ptr, i])),
      new PointerOrigin(doc, ptr),
    );
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = literal(v, doc, [...ptr, k]);
    return setOrigin(out, new PointerOrigin(doc, ptr));
  }
  return value;
}

function collect(
  raw: unknown,
  ptr: (string | number)[],
  parent: Resource | undefined,
  out: Resource[],
  doc: import('../json/jsonc.js').JsonDocument,
): void {
  if (!raw || typeof raw !== 'object') return;
  const r = raw as Record<string, unknown>;
  if (typeof r.type !== 'string' || typeof r.name !== 'string') return;
  const type = parent && !r.type.includes('/') ? `${parent.type}/${r.type}` : r.type;
  const name = parent && !r.name.includes('/') ? `${parent.name}/${r.name}` : r.name;
  const props = literal(r.properties ?? {}, doc, [...ptr, 'properties']) as Record<string, unknown>;
  const resource: Resource = {
    type,
    name,
    id: buildResourceId(type, name.split('/')),
    apiVersion: typeof r.apiVersion === 'string' ? r.apiVersion : undefined,
    location: literal(r.location, doc, [...ptr, 'location']),
    kind: literal(r.kind, doc, [...ptr, 'kind']),
    sku: literal(r.sku, doc, [...ptr, 'sku']),
    identity: literal(r.identity, doc, [...ptr, 'identity']),
    tags: literal(r.tags, doc, [...ptr, 'tags']),
    properties: props,
    language: 'arm',
    origin: new PointerOrigin(doc, ptr),
  };
  out.push(resource);
  if (Array.isArray(r.resources)) {
    r.resources.forEach((c, i) => {
      collect(c, [...ptr, 'resources', i], resource, out, doc);
    });
  }
}
