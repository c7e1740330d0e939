/** The contract of one azurerm translator and what it may do while translating. */
import type { Diagnostic, Resource } from '@ztkit/core';
import type { ArmObject, Attrs } from './arm.js';
import type { TfNode } from './node.js';

export interface ResourceSpec {
  readonly type: string;
  readonly name: string;
  readonly id: string;
  /** The block the resource was declared in: its span is the resource's location. */
  readonly node: TfNode;
  readonly properties: ArmObject;
  readonly location?: unknown;
  readonly sku?: ArmObject | Record<string, unknown>;
  readonly kind?: unknown;
  readonly identity?: unknown;
  readonly tags?: unknown;
  readonly zones?: unknown;
  readonly apiVersion?: string;
  /** Extension resources (diagnostic settings): the id of the resource they attach to. */
  readonly scope?: unknown;
}

/** Resources of the scan by ARM id (case-insensitive), for association resources that patch their target. */
export interface TranslatedIndex {
  /** A resource, or an inline child object (a VNet's subnet item), by ARM id. */
  properties(id: unknown): Record<string, unknown> | undefined;
}

export interface TranslateOutput {
  emit(spec: ResourceSpec): Resource;
  /** Run after every resource is translated (associations patch the resource they name). */
  link(patch: (index: TranslatedIndex) => void): void;
  report(d: Diagnostic): void;
  /** The Terraform address being translated, for messages. */
  readonly address: string;
}

export interface Translator {
  /** azurerm resource types this translator handles. */
  readonly types: readonly string[];
  /** The ARM id `<type>.<name>.id` evaluates to, or undefined when Terraform's id is not an ARM id. */
  id?(type: string, attrs: Attrs): string | undefined;
  /** Extra computed attributes references may read (e.g. inline subnet ids of a VNet). */
  enrich?(type: string, value: Record<string, unknown>): void;
  translate(type: string, node: TfNode, out: TranslateOutput): void;
}
