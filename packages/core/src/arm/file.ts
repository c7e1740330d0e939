/**
 * Evaluates one ARM template file: its parameters (defaults, parameter-file values), its resources
 * and, recursively, its nested (`properties.template`) and local linked (`templateLink.relativePath`)
 * deployments. Nested templates with `expressionEvaluationOptions.scope: inner` (and all linked
 * templates) get their own parameters from the deployment's `parameters`; with the default `outer`
 * scope they see the parent's parameters and variables, as ARM evaluates them.
 */

import {
  type DeploymentScope,
  type FunctionContext,
  FunctionError,
  SYMBOLIC_SCOPE,
} from '../functions/types.js';
import { isObject, type JsonObject } from '../functions/values.js';
import type { JsonDocument } from '../json/jsonc.js';
import type { Limits } from '../loaders/limits.js';
import type { Diagnostic } from '../loaders/types.js';
import type { Resource } from '../model/resource.js';
import { isUnknown, unknown } from '../model/unknown.js';
import type { EvalEnv } from './evaluate.js';
import { type JsonPathOrigin, lazySpan, rootOrigin } from './origin.js';
import { collectResources, type FileRun, type TemplateInstance } from './resources.js';
import { LazyInput, lower, TemplateSymbolTable } from './symbols.js';
import { type FileSink, TemplateFailure, ValueWalker } from './walk.js';

export type LinkedRead =
  | {
      readonly ok: true;
      readonly template: JsonObject;
      readonly document: JsonDocument;
      readonly file: string;
    }
  | { readonly ok: false; readonly reason: string };

export interface TemplateFileInput {
  readonly file: string;
  readonly template: JsonObject;
  readonly document: JsonDocument;
  /** Parameter values from parameter files, by lower-case name. */
  readonly parameters: ReadonlyMap<string, unknown>;
  readonly limits: Limits;
  readonly display: (file: string) => string;
  /** Read a local linked template, relative to the file that links it (through the guarded reader). */
  readLinked(fromFile: string, relativePath: string): LinkedRead;
}

export interface TemplateFileResult {
  readonly resources: Resource[];
  readonly diagnostics: Diagnostic[];
  readonly failure?: TemplateFailure;
  /** Files read as linked templates. */
  readonly linked: string[];
}

/** The deployment scope a template's `$schema` declares. */
export function targetScopeOf(template: JsonObject): DeploymentScope['targetScope'] {
  const schema = typeof template.$schema === 'string' ? template.$schema.toLowerCase() : '';
  if (schema.includes('subscriptiondeploymenttemplate')) return 'subscription';
  if (schema.includes('managementgroupdeploymenttemplate')) return 'managementGroup';
  if (schema.includes('tenantdeploymenttemplate')) return 'tenant';
  return 'resourceGroup';
}

/** Where a deployment's outputs come from: its template and the symbols they are evaluated with. */
interface OutputSource {
  readonly template: JsonObject;
  readonly origin: JsonPathOrigin;
  readonly symbols: TemplateSymbolTable;
}

export function evaluateTemplateFile(input: TemplateFileInput): TemplateFileResult {
  const run = new FileEvaluation(input);
  const scope: DeploymentScope = { ...SYMBOLIC_SCOPE, targetScope: targetScopeOf(input.template) };
  try {
    run.runTemplate(input.template, rootOrigin(input.document), input.parameters, scope, [], 0, input.file);
  } catch (e) {
    if (e instanceof TemplateFailure) return { ...run.result(), failure: e };
    if (e instanceof RangeError)
      return {
        ...run.result(),
        failure: new TemplateFailure(
          'cap-depth',
          'template evaluation recursed too deeply',
          rootOrigin(input.document),
        ),
      };
    throw e;
  }
  return run.result();
}

class FileEvaluation implements FileRun {
  readonly sink: FileSink;
  readonly resources: Resource[] = [];
  private readonly linked: string[] = [];
  private readonly reads = new Map<string, LinkedRead>();
  private steps = 0;

  constructor(private readonly input: TemplateFileInput) {
    this.sink = { limits: input.limits, diagnostics: [], seenWarnings: new Set(), display: input.display };
  }

  result(): TemplateFileResult {
    return { resources: this.resources, diagnostics: this.sink.diagnostics, linked: this.linked };
  }

  functionContext(scope: DeploymentScope): FunctionContext {
    const limits = this.input.limits;
    return {
      scope,
      limits,
      step: () => {
        if (++this.steps > limits.maxEvaluationSteps)
          throw new FunctionError(
            `evaluation took more than ${limits.maxEvaluationSteps} steps (limits.maxEvaluationSteps)`,
            'cap-evaluation-steps',
          );
      },
    };
  }

  runTemplate(
    template: JsonObject,
    origin: JsonPathOrigin,
    inputs: ReadonlyMap<string, unknown>,
    scope: DeploymentScope,
    via: TemplateInstance['via'],
    depth: number,
    file: string,
  ): TemplateSymbolTable {
    const symbols = new TemplateSymbolTable(
      template,
      origin,
      inputs,
      this.functionContext(scope),
      this.sink,
      depth > 0,
    );
    const instance: TemplateInstance = { symbols, scope, via, depth, file };
    this.registerLaterDeployments(template.resources, origin.child('resources'), instance);
    collectResources(template.resources, origin.child('resources'), instance, symbols.env(), this);
    return symbols;
  }

  /**
   * `reference()` may name a deployment declared further down: ARM orders deployments by dependsOn,
   * not by position. For deployments outside loops, register their outputs up front: an inner-scope
   * or linked one's computed from a symbol table of its own (parameters and outputs only; a linked
   * file is read only when its outputs are asked for), an outer-scope one's from the parent's
   * symbols. The resources are collected when the deployment is reached, and that registration then
   * replaces this one.
   */
  private registerLaterDeployments(raw: unknown, origin: JsonPathOrigin, parent: TemplateInstance): void {
    const entries: [string | number, unknown][] = Array.isArray(raw)
      ? raw.map((r, i) => [i, r])
      : isObject(raw)
        ? Object.entries(raw)
        : [];
    const env = parent.symbols.env();
    // Quiet: a deployment whose condition turns out false must not leave warnings behind.
    const quiet: FileSink = { ...this.sink, diagnostics: [], seenWarnings: new Set() };
    const walker = new ValueWalker(quiet, env);
    for (const [key, r] of entries) {
      if (!isObject(r) || 'copy' in r || typeof r.type !== 'string') continue;
      if (r.type.toLowerCase() !== 'microsoft.resources/deployments') continue;
      const props = isObject(r.properties) ? r.properties : undefined;
      const options = isObject(props?.expressionEvaluationOptions)
        ? props.expressionEvaluationOptions
        : undefined;
      if (!props) continue;
      const link = isObject(props.templateLink) ? props.templateLink : undefined;
      if (!isObject(props.template) && !(link && 'relativePath' in link)) continue;
      const inner = String(options?.scope ?? 'outer').toLowerCase() === 'inner';
      const at = origin.child(key);
      const propsOrigin = at.child('properties');
      const inputs = () =>
        this.deploymentParameters(props.parameters, propsOrigin.child('parameters'), walker);
      let name: unknown;
      try {
        name = walker.value(r.name, at.child('name'));
      } catch (e) {
        if (e instanceof TemplateFailure) continue; // reported when the deployment itself is reached
        throw e;
      }
      if (typeof name !== 'string' && !isUnknown(name)) continue;
      const ownSymbols = (template: JsonObject, templateOrigin: JsonPathOrigin): OutputSource => ({
        template,
        origin: templateOrigin,
        symbols: new TemplateSymbolTable(
          template,
          templateOrigin,
          inputs(),
          this.functionContext(parent.scope),
          quiet,
          true,
        ),
      });
      if (isObject(props.template)) {
        const template = props.template;
        const templateOrigin = propsOrigin.child('template');
        this.registerOutputs(parent, String(name), key, () =>
          inner
            ? ownSymbols(template, templateOrigin)
            : { template, origin: templateOrigin, symbols: parent.symbols },
        );
        continue;
      }
      let relative: unknown;
      try {
        relative = walker.value(link!.relativePath, propsOrigin.child('templateLink').child('relativePath'));
      } catch (e) {
        if (e instanceof TemplateFailure) continue;
        throw e;
      }
      if (typeof relative !== 'string') continue;
      const path = relative;
      this.registerOutputs(parent, String(name), key, () => {
        const read = this.readLinked(parent.file, path);
        return read.ok ? ownSymbols(read.template, rootOrigin(read.document)) : undefined;
      });
    }
  }

  /** A linked template read once per file evaluation, whether for its outputs or its resources. */
  private readLinked(from: string, relative: string): LinkedRead {
    const key = `${from}\0${relative}`;
    let read = this.reads.get(key);
    if (!read) {
      read = this.input.readLinked(from, relative);
      this.reads.set(key, read);
    }
    return read;
  }

  /**
   * Let the parent's `reference()` see this deployment's outputs, evaluated on first use. Without a
   * source (a linked file that cannot be read) reference() stays unknown.
   */
  private registerOutputs(
    parent: TemplateInstance,
    name: string,
    symbolic: string | number | undefined,
    source: () => OutputSource | undefined,
  ): void {
    let value: unknown;
    let done = false;
    const outputs = (): unknown => {
      if (!done) {
        done = true;
        const from = source();
        if (from)
          value = {
            outputs: this.evaluateOutputs(from.template.outputs, from.origin.child('outputs'), from.symbols),
            provisioningState: 'Succeeded',
          };
      }
      return value;
    };
    parent.symbols.deployments.set(lower(name), outputs);
    if (typeof symbolic === 'string') parent.symbols.deployments.set(lower(symbolic), outputs);
  }

  private evaluateOutputs(
    raw: unknown,
    origin: JsonPathOrigin,
    symbols: TemplateSymbolTable,
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (!isObject(raw)) return out;
    const walker = new ValueWalker(this.sink, symbols.env());
    for (const k of Object.keys(raw)) {
      const decl = raw[k];
      if (!isObject(decl)) continue;
      const value =
        'value' in decl
          ? walker.value(decl.value, origin.child(k).child('value'))
          : unknown(`output '${k}' is computed by a copy loop`, `outputs('${k}')`);
      out[k] = { type: decl.type, value };
    }
    return out;
  }

  deployment(
    raw: JsonObject,
    origin: JsonPathOrigin,
    instance: TemplateInstance,
    env: EvalEnv,
    name: string,
  ): void {
    const props = isObject(raw.properties) ? raw.properties : undefined;
    if (!props) return;
    const depth = instance.depth + 1;
    const max = this.input.limits.maxModuleDepth;
    if (depth > max)
      throw new TemplateFailure(
        'cap-module-depth',
        `nested deployments go deeper than ${max} levels (limits.maxModuleDepth)`,
        origin,
      );
    const walker = new ValueWalker(this.sink, env);
    const propsOrigin = origin.child('properties');
    const via = [...instance.via, lazySpan(origin)];
    const evalScope = isObject(props.expressionEvaluationOptions)
      ? String(props.expressionEvaluationOptions.scope ?? 'outer').toLowerCase()
      : 'outer';
    if (isObject(props.template)) {
      const template = props.template;
      const templateOrigin = propsOrigin.child('template');
      const scope = this.innerScope(raw, template, instance.scope, walker, origin, name);
      if (evalScope === 'inner') {
        const inputs = this.deploymentParameters(props.parameters, propsOrigin.child('parameters'), walker);
        const inner = this.runTemplate(template, templateOrigin, inputs, scope, via, depth, instance.file);
        this.registerOutputs(instance, name, origin.key, () => ({
          template,
          origin: templateOrigin,
          symbols: inner,
        }));
      } else {
        const child: TemplateInstance = { symbols: instance.symbols, scope, via, depth, file: instance.file };
        collectResources(template.resources, templateOrigin.child('resources'), child, env, this);
        // Outer scope: ARM evaluates the outputs too, in the parent's context.
        this.registerOutputs(instance, name, origin.key, () => ({
          template,
          origin: templateOrigin,
          symbols: instance.symbols,
        }));
      }
      return;
    }
    const link = isObject(props.templateLink) ? props.templateLink : undefined;
    if (!link) return;
    const linkOrigin = propsOrigin.child('templateLink');
    const relative =
      'relativePath' in link ? walker.value(link.relativePath, linkOrigin.child('relativePath')) : undefined;
    if (typeof relative !== 'string') {
      const what = 'uri' in link ? 'a URI' : 'id' in link ? 'a template spec' : 'an unknown location';
      walker.warn(
        'module-not-resolved',
        `linked template at ${what} is not resolved: the resources of deployment '${name}' are not scanned`,
        linkOrigin,
      );
      return;
    }
    const read = this.readLinked(instance.file, relative);
    if (!read.ok) {
      walker.warn(
        'module-not-resolved',
        `linked template '${relative}' was not loaded (${read.reason}): the resources of deployment '${name}' are not scanned`,
        linkOrigin,
      );
      return;
    }
    this.linked.push(read.file);
    const inputs = this.deploymentParameters(props.parameters, propsOrigin.child('parameters'), walker);
    const scope = this.innerScope(raw, read.template, instance.scope, walker, origin, name);
    const linkedOrigin = rootOrigin(read.document);
    const inner = this.runTemplate(read.template, linkedOrigin, inputs, scope, via, depth, read.file);
    this.registerOutputs(instance, name, origin.key, () => ({
      template: read.template,
      origin: linkedOrigin,
      symbols: inner,
    }));
  }

  /** Values a deployment passes to its template's parameters, evaluated in the caller's scope. */
  private deploymentParameters(
    raw: unknown,
    origin: JsonPathOrigin,
    walker: ValueWalker,
  ): Map<string, unknown> {
    const out = new Map<string, unknown>();
    if (!isObject(raw)) return out;
    for (const k of Object.keys(raw)) {
      const entry = raw[k];
      if (!isObject(entry)) continue;
      if ('value' in entry) {
        const value = entry.value;
        if (typeof value === 'object' || (typeof value === 'string' && value.charCodeAt(0) === 91)) {
          const at = origin.child(k).child('value');
          out.set(k.toLowerCase(), new LazyInput(() => walker.value(value, at)));
        } else if (value !== null) out.set(k.toLowerCase(), value);
      } else if ('reference' in entry)
        out.set(
          k.toLowerCase(),
          unknown(`parameter '${k}' is a Key Vault secret reference`, `parameters('${k}')`),
        );
    }
    return out;
  }

  private innerScope(
    raw: JsonObject,
    template: JsonObject,
    outer: DeploymentScope,
    walker: ValueWalker,
    origin: JsonPathOrigin,
    name: string,
  ): DeploymentScope {
    const text = (key: string): string | undefined => {
      if (!(key in raw)) return undefined;
      const v = walker.value(raw[key], origin.child(key));
      return typeof v === 'string' && !isUnknown(v) ? v : undefined;
    };
    const declared = targetScopeOf(template);
    const targetScope =
      typeof template.$schema === 'string'
        ? declared
        : 'resourceGroup' in raw
          ? 'resourceGroup'
          : outer.targetScope;
    return {
      ...outer,
      deploymentName: name,
      subscriptionId: text('subscriptionId') ?? outer.subscriptionId,
      resourceGroupName: text('resourceGroup') ?? outer.resourceGroupName,
      targetScope,
    };
  }
}
