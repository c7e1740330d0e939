/**
 * What a translator reads: one azurerm resource (or nested block) as attribute values with spans,
 * whether it came from HCL or from plan JSON. `get` returns undefined for attributes that are not
 * set (null counts as not set); values known only after apply are `Unknown`.
 */
import { type JsonDocument, type ParameterBinding, type SourceSpan, unknown } from '@ztkit/core';
import type { EvaluatedBlock } from '../eval/blocks.js';
import { isObject } from '../eval/values.js';

export interface TfNode {
  /** Span of the whole block (the resource's or nested block's declaration). */
  readonly span: SourceSpan;
  get(name: string): unknown;
  has(name: string): boolean;
  spanOf(name: string): SourceSpan | undefined;
  /** Nested blocks of one type (also the attribute form `name = [{...}]`). */
  blocks(name: string): TfNode[];
  /** The variable an attribute was bound to (`= var.x`), for rules that report variables. */
  binding(name: string): ParameterBinding | undefined;
}

/** A node over an evaluated HCL block. */
export class HclNode implements TfNode {
  constructor(
    private readonly block: EvaluatedBlock,
    private readonly bindingOf: (variable: string) => ParameterBinding | undefined = () => undefined,
  ) {}
  get span(): SourceSpan {
    return this.block.span;
  }
  get(name: string): unknown {
    const v = this.block.attrs.get(name)?.value;
    return v === null ? undefined : v;
  }
  has(name: string): boolean {
    return this.get(name) !== undefined;
  }
  spanOf(name: string): SourceSpan | undefined {
    return this.block.attrs.get(name)?.span;
  }
  blocks(name: string): TfNode[] {
    const out: TfNode[] = this.block.blocks
      .filter((b) => b.type === name)
      .map((b) => new HclNode(b, this.bindingOf));
    const attr = this.block.attrs.get(name);
    if (attr && Array.isArray(attr.value))
      for (const item of attr.value) if (isObject(item)) out.push(new ValueNode(item, attr.span));
    return out;
  }
  binding(name: string): ParameterBinding | undefined {
    const variable = this.block.attrs.get(name)?.variable;
    return variable ? this.bindingOf(variable) : undefined;
  }
}

/** A node over a plain object value (attribute-as-block syntax, or a value without its own spans). */
export class ValueNode implements TfNode {
  constructor(
    private readonly value: Record<string, unknown>,
    readonly span: SourceSpan,
  ) {}
  get(name: string): unknown {
    const v = this.value[name];
    return v === null ? undefined : v;
  }
  has(name: string): boolean {
    return this.get(name) !== undefined;
  }
  spanOf(name: string): SourceSpan | undefined {
    return this.has(name) ? this.span : undefined;
  }
  blocks(name: string): TfNode[] {
    const v = this.value[name];
    const list = Array.isArray(v) ? v : isObject(v) ? [v] : [];
    return list.filter(isObject).map((x) => new ValueNode(x, this.span));
  }
  binding(): undefined {
    return undefined;
  }
}

/**
 * A node over a `terraform show -json` value: spans point into the plan JSON, and the parallel
 * `after_unknown` structure turns attributes known only after apply into Unknown.
 */
export class PlanNode implements TfNode {
  constructor(
    private readonly value: Record<string, unknown>,
    private readonly unknowns: unknown,
    private readonly document: JsonDocument,
    private readonly pointer: readonly (string | number)[],
    private readonly address: string,
  ) {}
  get span(): SourceSpan {
    return this.document.locate(this.pointer) ?? this.document.locate([])!;
  }
  get(name: string): unknown {
    const u = isObject(this.unknowns) ? this.unknowns[name] : undefined;
    if (u === true) return unknown('known after apply', `${this.address}.${name}`);
    const v = this.value[name];
    // A known list with elements known only after apply (`[null]` with after_unknown `[true]`).
    if (Array.isArray(v) && Array.isArray(u) && u.includes(true))
      return v.map((item, i) =>
        u[i] === true ? unknown('known after apply', `${this.address}.${name}[${i}]`) : item,
      );
    return v === null ? undefined : v;
  }
  has(name: string): boolean {
    return this.get(name) !== undefined;
  }
  spanOf(name: string): SourceSpan | undefined {
    return this.document.locateKey([...this.pointer, name]) ?? this.document.locate([...this.pointer, name]);
  }
  blocks(name: string): TfNode[] {
    const v = this.value[name];
    const u = isObject(this.unknowns) ? this.unknowns[name] : undefined;
    const list = Array.isArray(v) ? v : [];
    const out: TfNode[] = [];
    list.forEach((item, i) => {
      if (isObject(item))
        out.push(
          new PlanNode(
            item,
            Array.isArray(u) ? u[i] : undefined,
            this.document,
            [...this.pointer, name, i],
            this.address,
          ),
        );
    });
    return out;
  }
  binding(): undefined {
    return undefined;
  }
}
