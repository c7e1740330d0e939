/**
 * Built-ins that exist in Bicep but not in ARM (the compiler inlines or rewrites them): `any`,
 * the `load*Content` family (files read through the guarded reader, relative to the .bicep file,
 * never outside the scan root), and values only known where the deployment runs.
 */
import { dirname, resolve } from 'node:path';
import { type DeploymentScope, parseJsonc, unknown } from '@ztkit/core';
import type { CallExpr } from '../syntax/ast.js';
import type { Env, Template } from './template.js';

const BUILTINS = new Set([
  'any',
  'loadtextcontent',
  'loadjsoncontent',
  'loadyamlcontent',
  'loadfileasbase64',
  'loaddirectoryfileinfo',
  'readenvironmentvariable',
  'externalinput',
  'getsecret',
  // `list(id, apiVersion)` and `fail(message)`: a runtime list call, a deployment-time failure.
  'list',
  'fail',
]);

/**
 * `resourceGroup('rg')`, `resourceGroup('sub', 'rg')`, `subscription('sub')`, `managementGroup('mg')`:
 * Bicep scope values (ARM's own functions take no arguments). Undefined when not such a call.
 */
export function scopeValue(
  name: string,
  args: readonly unknown[],
  source: string,
  current: DeploymentScope,
): unknown {
  if (args.length === 0) return undefined;
  const text = (v: unknown): string => (typeof v === 'string' ? v : String(unknown('scope name', source)));
  switch (name.toLowerCase()) {
    case 'resourcegroup': {
      // One argument: a resource group of the subscription this file is deployed to.
      const sub = args.length > 1 ? text(args[0]) : current.subscriptionId;
      const rg = text(args[args.length - 1]);
      return {
        id: `/subscriptions/${sub}/resourceGroups/${rg}`,
        name: rg,
        type: 'Microsoft.Resources/resourceGroups',
        location: unknown('location of another resource group', source),
      };
    }
    case 'subscription':
      return { id: `/subscriptions/${text(args[0])}`, subscriptionId: text(args[0]), tenantId: '{tenantId}' };
    case 'managementgroup':
      return { id: `/providers/Microsoft.Management/managementGroups/${text(args[0])}`, name: text(args[0]) };
  }
  return undefined;
}

export function isBicepBuiltin(name: string): boolean {
  return BUILTINS.has(name.toLowerCase());
}

export function callBicepBuiltin(t: Template, name: string, call: CallExpr, env: Env | undefined): unknown {
  const source = t.file.source(call);
  const args = call.args.map((a) => t.evaluate(a, env));
  switch (name.toLowerCase()) {
    case 'any':
      return args[0];
    case 'loadtextcontent': {
      const text = readBeside(t, args[0], call);
      return text ?? unknown(`cannot read '${String(args[0])}'`, source);
    }
    case 'loadjsoncontent': {
      const text = readBeside(t, args[0], call);
      if (text === undefined) return unknown(`cannot read '${String(args[0])}'`, source);
      const parsed = parseJsonc(text, String(args[0]), { maxDepth: t.session.limits.maxDepth });
      if (!parsed.ok) {
        t.session.warn('load-json', `loadJsonContent: ${parsed.error.message}`, t.spanOf(call));
        return unknown('file is not valid JSON', source);
      }
      return selectJsonPath(parsed.value, args[1], source);
    }
    case 'readenvironmentvariable':
      // The variable is read on the machine that deploys: the default applies only where it is unset,
      // which a scan cannot tell, so taking it would be a guess.
      return unknown('environment variable of the deploying machine', source);
    default:
      return unknown(`${name}() is only known at deployment`, source);
  }
}

function readBeside(t: Template, path: unknown, call: CallExpr): string | undefined {
  if (typeof path !== 'string') return undefined;
  const full = resolve(dirname(t.file.path), path);
  const read = t.session.load.readFile(full);
  if (read.ok) return read.text;
  t.session.warn('load-content', `cannot read '${path}': ${read.reason}`, t.spanOf(call));
  return undefined;
}

/** The subset of JSONPath Bicep users write: `$.a.b`, `$.a[0]`, `$['a']`. */
function selectJsonPath(value: unknown, path: unknown, source: string): unknown {
  if (path === undefined || path === '$') return value;
  if (typeof path !== 'string') return unknown('JSON path is not a string', source);
  const keys: (string | number)[] = [];
  const re = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['([^']*)'\]/g;
  let rest = path.startsWith('$') ? path.slice(1) : path;
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    if (m.index !== 0) return unknown(`unsupported JSON path '${path}'`, source);
    keys.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : m[3]!));
    rest = rest.slice(m[0].length);
    re.lastIndex = 0;
  }
  if (rest) return unknown(`unsupported JSON path '${path}'`, source);
  let current = value;
  for (const k of keys) {
    if (typeof current !== 'object' || current === null) return unknown(`'${path}' not found`, source);
    current = (current as Record<string | number, unknown>)[k];
  }
  return current === undefined ? unknown(`'${path}' not found`, source) : current;
}
