/**
 * The contract of the one function library that the ARM expression evaluator and the Bicep evaluator
 * share (Bicep compiles to ARM functions, so `concat`, `resourceId`, `uniqueString`, `filter`... have
 * one implementation). Implementations live beside this file, one module per function family.
 */
import type { Unknown } from '../model/unknown.js';

/** A function value: ARM `lambda('x', ...)`, Bicep `x => ...`. `filter`, `map`, `reduce`... call `invoke`. */
export class LambdaValue {
  constructor(
    readonly parameters: readonly string[],
    readonly invoke: (args: readonly unknown[]) => unknown,
  ) {}
}

/**
 * The deployment a template is evaluated for. Values only known at deployment are symbolic:
 * `{subscriptionId}`, `{resourceGroupName}`... so that IDs stay comparable across files.
 */
export interface DeploymentScope {
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  readonly location: string | Unknown;
  readonly tenantId: string;
  readonly deploymentName: string;
  readonly managementGroup?: string;
  /** `resourceGroup`, `subscription`, `managementGroup` or `tenant` (Bicep `targetScope`). */
  readonly targetScope: 'resourceGroup' | 'subscription' | 'managementGroup' | 'tenant';
}

export const SYMBOLIC_SCOPE: DeploymentScope = {
  subscriptionId: '{subscriptionId}',
  resourceGroupName: '{resourceGroupName}',
  location: '{location}',
  tenantId: '{tenantId}',
  deploymentName: '{deploymentName}',
  targetScope: 'resourceGroup',
};

/** The caps the function library reads (a subset of the loaders' Limits). */
export interface FunctionLimits {
  readonly maxCopyCount: number;
  readonly maxDepth: number;
}

export interface FunctionContext {
  readonly scope: DeploymentScope;
  /** Count one evaluation step; throws a FunctionError when the file's step budget is spent. */
  step(): void;
  /** Caps (copy counts, array sizes from `range`, string lengths) come from here. */
  readonly limits: FunctionLimits;
}

/** An evaluation error with a message a person understands; the caller attaches the location. */
export class FunctionError extends Error {
  constructor(
    message: string,
    /** Stable code, e.g. `unknown-function`, `bad-arguments`, `cap-evaluation-steps`. */
    readonly code: string = 'bad-arguments',
  ) {
    super(message);
  }
}

export type TemplateFunction = (args: readonly unknown[], ctx: FunctionContext) => unknown;

export interface FunctionDefinition {
  /** Lower-case name as called (`resourceid`, `sys.concat` resolves to `concat`). */
  readonly name: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  /**
   * When false (the default), a call with an Unknown argument returns Unknown without running;
   * functions that can still answer (`if`, `coalesce`, `contains` on known parts...) set it true.
   */
  readonly acceptsUnknown?: boolean;
  readonly evaluate: TemplateFunction;
}
