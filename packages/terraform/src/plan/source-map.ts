/**
 * When a plan sits next to the `.tf` files it came from, findings should land on the `.tf` lines:
 * this node reads values from the plan and takes spans from the matching HCL block (by resource
 * address, and nested blocks by position), falling back to the plan JSON where HCL has no node.
 */
import type { ParameterBinding, SourceSpan } from '@ztkit/core';
import { fileOf, spanOf, type TfFile } from '../eval/blocks.js';
import { declarationsOf } from '../eval/declarations.js';
import type { Block } from '../hcl/ast.js';
import type { TfNode } from '../translate/node.js';

export interface HclBlockRef {
  readonly block: Block;
  readonly file: TfFile;
}

export class SourceMappedNode implements TfNode {
  constructor(
    private readonly plan: TfNode,
    private readonly hcl: HclBlockRef,
  ) {}
  get span(): SourceSpan {
    return spanOf(this.hcl.file, this.hcl.block.start, this.hcl.block.end);
  }
  get(name: string): unknown {
    return this.plan.get(name);
  }
  has(name: string): boolean {
    return this.plan.has(name);
  }
  spanOf(name: string): SourceSpan | undefined {
    const a = this.hcl.block.body.attributes.find((x) => x.name === name);
    if (a) return spanOf(fileOf(a, this.hcl.file), a.start, a.end);
    const b = this.hcl.block.body.blocks.find((x) => x.type === name);
    if (b) return spanOf(fileOf(b, this.hcl.file), b.start, b.end);
    return this.plan.spanOf(name);
  }
  blocks(name: string): TfNode[] {
    const hclBlocks = this.hcl.block.body.blocks.filter((b) => b.type === name);
    return this.plan
      .blocks(name)
      .map((p, i) =>
        hclBlocks[i]
          ? new SourceMappedNode(p, { block: hclBlocks[i]!, file: fileOf(hclBlocks[i]!, this.hcl.file) })
          : p,
      );
  }
  binding(): ParameterBinding | undefined {
    return undefined;
  }
}

/** `resource "type" "name"` blocks of a folder's files, by `type.name`, with override files merged in. */
export function resourceBlocks(files: readonly TfFile[]): Map<string, HclBlockRef> {
  // Duplicates and overrides without a base are reported when the folder is evaluated as HCL.
  return declarationsOf(files, () => {}).resources;
}
