/**
 * Parameter values for a root template: from a `.bicepparam` file that `using`s it, or from JSON
 * parameter files given explicitly (`--parameters`), which apply to every root template that
 * declares the parameter (a Key Vault `reference` is Unknown).
 */
import { dirname, resolve } from 'node:path';
import { parseJsonc, unknown } from '@ztkit/core';
import type { Session } from './eval/session.js';
import { Template } from './eval/template.js';
import type { BicepFile } from './syntax/ast.js';

/** The template a `.bicepparam` file is for (absolute), if it names a local one. */
export function usingTarget(file: BicepFile): string | undefined {
  for (const d of file.declarations) {
    if (d.kind !== 'using' || !d.path) continue;
    if (d.path.kind !== 'literal' || typeof d.path.value !== 'string') return undefined;
    if (/^(br|ts)[:/]/i.test(d.path.value)) return undefined;
    return resolve(dirname(file.path), d.path.value);
  }
  return undefined;
}

/** Values assigned in a `.bicepparam` file (they may use its variables and functions). */
export function bicepparamValues(session: Session, file: BicepFile): Map<string, unknown> {
  const t = new Template(session, file, new Map(), [], [file.path]);
  const out = new Map<string, unknown>();
  for (const d of file.declarations) if (d.kind === 'param' && d.value) out.set(d.name, t.paramValue(d.name));
  return out;
}

/**
 * Inputs of a root template, as the ARM loader does it: the sibling `<name>.parameters.json` by
 * convention, then a `.bicepparam` file that `using`s the template, then explicit `--parameters`
 * files (JSON, or `.bicepparam` for this template), later ones overriding earlier ones.
 */
export function rootInputs(
  session: Session,
  template: BicepFile,
  bicepparam: BicepFile | undefined,
): Map<string, unknown> {
  const values = new Map<string, unknown>();
  const convention = template.path.replace(/\.bicep$/i, '.parameters.json');
  if (convention !== template.path && !session.load.parameterFiles.includes(convention))
    for (const [k, v] of jsonParameterValues(session, [convention], false)) values.set(k, v);
  if (bicepparam) for (const [k, v] of bicepparamValues(session, bicepparam)) values.set(k, v);
  for (const path of session.load.parameterFiles) {
    if (path.toLowerCase().endsWith('.bicepparam')) {
      const parsed = session.parse(path);
      if (!parsed.ok) session.warn('parameter-file', parsed.message, parsed.span);
      else if (usingTarget(parsed.file) === template.path)
        for (const [k, v] of bicepparamValues(session, parsed.file)) values.set(k, v);
    } else {
      for (const [k, v] of jsonParameterValues(session, [path], true)) values.set(k, v);
    }
  }
  // ARM matches parameter names case-insensitively: key the values by the template's own spelling.
  const declared = new Map<string, string>();
  for (const d of template.declarations) if (d.kind === 'param') declared.set(d.name.toLowerCase(), d.name);
  const out = new Map<string, unknown>();
  for (const [k, v] of values) out.set(declared.get(k.toLowerCase()) ?? k, v);
  return out;
}

/** Values from ARM JSON parameter files (`{ "parameters": { "x": { "value": ... } } }`). */
export function jsonParameterValues(
  session: Session,
  paths: readonly string[],
  required: boolean,
): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const path of paths) {
    if (!/\.jsonc?$/i.test(path)) continue;
    const read = session.load.readFile(path);
    if (!read.ok) {
      if (required) session.warn('parameter-file', `cannot read parameter file ${path}: ${read.reason}`);
      continue;
    }
    const parsed = parseJsonc(read.text, path, { maxDepth: session.limits.maxDepth });
    if (!parsed.ok) {
      session.warn('parameter-file', parsed.error.message, parsed.error.span);
      continue;
    }
    const params = (parsed.value as { parameters?: unknown })?.parameters;
    if (typeof params !== 'object' || params === null) continue;
    for (const [name, entry] of Object.entries(params as Record<string, unknown>)) {
      if (typeof entry !== 'object' || entry === null) continue;
      if ('value' in entry) out.set(name, (entry as { value: unknown }).value);
      else if ('reference' in entry) out.set(name, unknown('Key Vault reference', name));
    }
  }
  return out;
}
