import type { Origin, Pointer, SourceSpan } from './source.js';
import type { Unknown } from './unknown.js';

/** The language a resource was read from. */
export type SourceLanguage = 'arm' | 'bicep' | 'terraform' | 'terraform-plan' | 'azure';

/**
 * A parameter or variable that a property value was bound to. Lets a rule report a parameter whose
 * default or `allowedValues` permits an insecure value, on the parameter's own line.
 */
export interface ParameterBinding {
  /** Parameter (or Terraform variable) name. */
  readonly name: string;
  readonly kind: 'parameter' | 'variable';
  /** Values the parameter may take, when the source restricts them (`allowedValues`, `@allowed`, validation). */
  readonly allowedValues?: readonly unknown[];
  readonly defaultValue?: unknown;
  /** Where the parameter is declared. */
  readonly declaration?: SourceSpan;
}

/**
 * One Azure resource in ARM shape, whatever language it was written in. `properties` follows the
 * ARM REST shape of the resource type; objects inside it carry origins (see `setOrigin`) so that any
 * property path can be located in the source.
 */
export interface Resource {
  /** ARM resource type, e.g. `Microsoft.Network/networkSecurityGroups` (compare case-insensitively). */
  readonly type: string;
  /** Full ARM name (`vnet/subnet` for children). Unknown parts are rendered as `<unknown: ...>`. */
  readonly name: string;
  /**
   * ARM resource ID. Statically it is symbolic: `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/...`
   * with braces for values only known at deployment. Live resources carry the real ID.
   */
  readonly id: string;
  readonly apiVersion?: string;
  readonly location?: unknown;
  readonly kind?: unknown;
  readonly sku?: unknown;
  readonly identity?: unknown;
  readonly tags?: unknown;
  readonly zones?: unknown;
  /** Resource-level properties in ARM REST shape. */
  properties: Record<string, unknown>;
  /** The language and file this resource came from. */
  readonly language: SourceLanguage;
  /** Where the resource is declared (the resource object / block). */
  readonly origin?: Origin;
  /**
   * Deployment condition: true (or absent) when deployed unconditionally, false when the condition
   * is statically false (such resources are not in the graph), Unknown when it depends on input.
   */
  readonly condition?: boolean | Unknown;
  /** Parameter bindings by property path (`formatPath`), for rules that report insecure allowed values. */
  readonly bindings?: ReadonlyMap<string, ParameterBinding>;
  /** For resources inside modules / nested deployments: the calling lines, outermost first. */
  readonly via?: readonly SourceSpan[];
  /**
   * Which deployment of its template this resource belongs to, when one template is evaluated
   * several times (a Bicep template with several `.bicepparam` files): the parameter file. Such
   * deployments are judged apart, like templates in different folders.
   */
  readonly deployment?: string;
  /** True for a child resource the graph derived from an inline array of its parent (or vice versa). */
  readonly derived?: boolean;
  /**
   * Set (to the reason) when the whole `properties` object is not known statically, e.g. Bicep
   * `properties: someParam` without a default. `properties` is then `{}`, and the rule runner drops
   * findings on this resource: an absent property here means "cannot tell", not "not set".
   */
  readonly propertiesUnknown?: string;
  /** Live resources: a link to the resource in the Azure portal. */
  readonly portalUrl?: string;
  /** Anything else the source has at the top level (e.g. Terraform address), never read by rules. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** A reference from one resource's property to another resource, e.g. subnet -> NSG. */
export interface Edge {
  readonly from: Resource;
  /** Property path in `from` that holds the reference. */
  readonly path: Pointer;
  readonly to: Resource;
}
