import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { isCollection, isPair, LineCounter, parseDocument, visit } from 'yaml';
import { CONFIG_FILE_NAMES, type LoadedConfig, type ZtkitConfig } from './config.js';
import { CONFIG_SCHEMA } from './schema.js';

export interface ConfigError {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export type ConfigResult = { ok: true; loaded: LoadedConfig } | { ok: false; errors: ConfigError[] };

// Compiled on first use: importing the engine (and so every action's cold start) must not pay for it.
let validator: ReturnType<Ajv['compile']> | undefined;
function validate(value: unknown): boolean {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(CONFIG_SCHEMA);
  return validator(value) as boolean;
}

/**
 * Find the configuration: an explicit `--config` path, else `.ztkit.yml` in `cwd` or the nearest
 * parent holding a `.git` folder (the repository root). No file means the defaults.
 */
export function findConfigFile(cwd: string, explicit?: string): string | undefined {
  if (explicit) return resolve(cwd, explicit);
  let dir = resolve(cwd);
  for (let i = 0; i < 64; i++) {
    for (const name of CONFIG_FILE_NAMES) if (existsSync(join(dir, name))) return join(dir, name);
    if (existsSync(join(dir, '.git'))) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

export function loadConfig(cwd: string, explicit?: string): ConfigResult {
  const file = findConfigFile(cwd, explicit);
  if (!file) return { ok: true, loaded: { config: {}, directory: resolve(cwd) } };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return {
      ok: false,
      errors: [{ file, line: 1, column: 1, message: `cannot read config: ${(e as Error).message}` }],
    };
  }
  return parseConfig(text, file);
}

/** Parse and validate config text; every error carries the line and column it refers to. */
export function parseConfig(text: string, file: string): ConfigResult {
  const lines = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  } catch (e) {
    // yaml's parser recurses per nesting level: thousands of `- - -` overflow the stack.
    if (!(e instanceof RangeError)) throw e;
    return { ok: false, errors: [{ file, line: 1, column: 1, message: 'YAML nested too deeply to read' }] };
  }
  if (doc.errors.length) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({
        file,
        line: e.linePos?.[0].line ?? 1,
        column: e.linePos?.[0].col ?? 1,
        message: e.message.split('\n')[0]!,
      })),
    };
  }
  // `{ a: b }: c` is valid YAML, but a settings key must be a word: say so on its line (yaml would
  // stringify it with a process warning).
  const complexKeys: ConfigError[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (isPair(pair) && isCollection(pair.key)) {
        const pos = lines.linePos(pair.key.range?.[0] ?? 0);
        complexKeys.push({
          file,
          line: pos.line,
          column: pos.col,
          message: 'a key must be a plain name, not a mapping or a list',
        });
      }
    },
  });
  if (complexKeys.length) return { ok: false, errors: complexKeys };
  let value: unknown;
  try {
    value = doc.toJS() ?? {};
  } catch (e) {
    // yaml throws here, not in doc.errors, for an alias without its anchor and for alias bombs.
    const alias = /: (\S+)$/.exec((e as Error).message)?.[1];
    const at = alias ? text.indexOf(`*${alias}`) : -1;
    const pos = lines.linePos(Math.max(at, 0));
    return {
      ok: false,
      errors: [{ file, line: pos.line, column: pos.col, message: (e as Error).message.split('\n')[0]! }],
    };
  }
  if (!validate(value)) {
    const errors = (validator?.errors ?? []).filter(isReportable).map((err) => {
      const path = err.instancePath.split('/').slice(1).map(decodePointer);
      // Errors about a key (unknown setting, bad rule id) belong on the key's own line.
      const key =
        (err.params as { additionalProperty?: string }).additionalProperty ??
        (err.params as { propertyName?: string }).propertyName;
      const node =
        key === undefined
          ? (doc.getIn(path, true) as { range?: [number, number, number] } | undefined)
          : undefined;
      const offset =
        (key !== undefined ? keyOffset(doc, [...path, key]) : node?.range?.[0]) ?? keyOffset(doc, path) ?? 0;
      const pos = lines.linePos(offset);
      return { file, line: pos.line, column: pos.col, message: describe(err) };
    });
    return { ok: false, errors: dedupe(errors) };
  }
  return { ok: true, loaded: { config: value as ZtkitConfig, file, directory: dirname(file) } };
}

function decodePointer(segment: string): string | number {
  const s = segment.replace(/~1/g, '/').replace(/~0/g, '~');
  return /^\d+$/.test(s) ? Number(s) : s;
}

/** The offset of a mapping key when the value has no node (e.g. `propertyNames` errors point at keys). */
function keyOffset(doc: ReturnType<typeof parseDocument>, path: (string | number)[]): number | undefined {
  const parent = doc.getIn(path.slice(0, -1), true) as
    | { items?: { key?: { value?: unknown; range?: number[] } }[] }
    | undefined;
  const item = parent?.items?.find((i) => i.key?.value === path[path.length - 1]);
  return item?.key?.range?.[0];
}

/** `oneOf` failures repeat every branch's complaint; keep the one a person can act on. */
function isReportable(err: ErrorObject): boolean {
  return err.keyword !== 'if';
}

function describe(err: ErrorObject): string {
  const where = err.instancePath ? err.instancePath.slice(1).replace(/\//g, '.') : '(top level)';
  switch (err.keyword) {
    case 'additionalProperties':
      return `${where}: unknown setting '${(err.params as { additionalProperty: string }).additionalProperty}'`;
    case 'enum':
      return `${where}: must be one of ${((err.params as { allowedValues: unknown[] }).allowedValues ?? []).join(', ')}`;
    case 'propertyNames':
      return `${where}: '${(err.params as { propertyName: string }).propertyName}' is not a rule id (ZT-S02-01) or catalogue key (S02)`;
    case 'required':
      return `${where}: missing '${(err.params as { missingProperty: string }).missingProperty}'`;
    case 'oneOf':
      return `${where}: must be off, on, a severity, or { enabled, severity, options }`;
    default:
      return `${where}: ${err.message ?? 'is invalid'}`;
  }
}

function dedupe(errors: { file: string; line: number; column: number; message: string }[]) {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.line}:${e.column}:${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
