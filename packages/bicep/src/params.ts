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

/**
 * Values assigned in a `.bicepparam` file (they may use its variables and functions). With
 * `extends 'base.bicepparam'` the base file's assignments apply first and this file's replace them;
 * `base.x` reads the base's value (Bicep's extendable parameter files; the base's variables are
 * not visible here). A base that cannot be read is reported: its values stay unset (the template
 * defaults apply, as they would for a parameter the user did not give) and `base.x` is unknown.
 */
export function bicepparamValues(
  session: Session,
  file: BicepFile,
  chain: readonly string[] = [file.path],
): Map<string, unknown> {
  const base = baseValues(session, file, chain);
  // `base.x` when the base could not be read is not known; the template's default must not stand in for it.
  const baseSymbol =
    base === undefined
      ? undefined
      : base
        ? Object.fromEntries(base)
        : unknown('the base parameter file is not read');
  const t = new Template(session, file, new Map(), [], chain, undefined, baseSymbol);
  const out = new Map<string, unknown>(base || undefined);
  for (const d of file.declarations) if (d.kind === 'param' && d.value) out.set(d.name, t.paramValue(d.name));
  return out;
}

function baseValues(
  session: Session,
  file: BicepFile,
  chain: readonly string[],
): Map<string, unknown> | null | undefined {
  const decl = file.declarations.find((d) => d.kind === 'extends');
  if (decl?.kind !== 'extends') return undefined;
  const span = file.spanOf(decl);
  const written = decl.path.kind === 'literal' ? decl.path.value : undefined;
  if (typeof written !== 'string') {
    session.warn(
      'bicepparam-extends',
      'the base parameter file is not a plain string; its values are not applied',
      span,
    );
    return null;
  }
  const path = resolve(dirname(file.path), written);
  if (chain.includes(path) || chain.length > session.limits.maxModuleDepth) {
    session.warn('bicepparam-extends', `'${written}' extends itself; the cycle is not followed`, span);
    return null;
  }
  const parsed = session.parse(path);
  if (!parsed.ok) {
    session.warn('bicepparam-extends', `base parameter file '${written}': ${parsed.message}`, span);
    return null;
  }
  return bicepparamValues(session, parsed.file, [...chain, path]);
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
