/** HCL2 syntax tree. Every node keeps its start/end offsets in the file text. */

export interface Node {
  readonly start: number;
  readonly end: number;
}

export interface Body {
  readonly attributes: Attribute[];
  readonly blocks: Block[];
}

export interface Attribute extends Node {
  readonly name: string;
  readonly nameEnd: number;
  readonly expr: Expr;
}

export interface Block extends Node {
  readonly type: string;
  readonly labels: string[];
  readonly body: Body;
  /** Offset just after the opening brace (the block header's end). */
  readonly headerEnd: number;
}

/** One step of a traversal after a splat: `.name` or `[expr]`. */
export type TraversalStep =
  | { readonly kind: 'attr'; readonly name: string }
  | { readonly kind: 'index'; readonly key: Expr };

export type TemplatePart =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'interp'; readonly expr: Expr }
  | {
      readonly kind: 'if';
      readonly cond: Expr;
      readonly whenTrue: TemplatePart[];
      readonly whenFalse?: TemplatePart[];
    }
  | {
      readonly kind: 'for';
      readonly keyVar?: string;
      readonly valueVar: string;
      readonly collection: Expr;
      readonly body: TemplatePart[];
    };

export type Expr = Node &
  (
    | { readonly kind: 'literal'; readonly value: string | number | boolean | null }
    | { readonly kind: 'template'; readonly parts: TemplatePart[]; readonly heredoc: boolean }
    | { readonly kind: 'variable'; readonly name: string }
    | { readonly kind: 'getattr'; readonly object: Expr; readonly name: string }
    | { readonly kind: 'index'; readonly object: Expr; readonly key: Expr }
    | {
        readonly kind: 'splat';
        readonly source: Expr;
        readonly steps: TraversalStep[];
      }
    | { readonly kind: 'call'; readonly name: string; readonly args: Expr[]; readonly expandFinal: boolean }
    | { readonly kind: 'tuple'; readonly items: Expr[] }
    | { readonly kind: 'object'; readonly items: ObjectItem[] }
    | {
        readonly kind: 'for';
        readonly keyVar?: string;
        readonly valueVar: string;
        readonly collection: Expr;
        readonly keyExpr?: Expr;
        readonly valueExpr: Expr;
        readonly cond?: Expr;
        readonly grouping: boolean;
      }
    | { readonly kind: 'conditional'; readonly cond: Expr; readonly whenTrue: Expr; readonly whenFalse: Expr }
    | { readonly kind: 'binary'; readonly op: string; readonly left: Expr; readonly right: Expr }
    | { readonly kind: 'unary'; readonly op: '!' | '-'; readonly operand: Expr }
    | { readonly kind: 'parens'; readonly expr: Expr }
  );

export interface ObjectItem {
  readonly key: Expr;
  readonly value: Expr;
  /** A bare identifier key (`name = ...`) is a literal string, not a variable. */
  readonly bareKey?: string;
}

export type ExprOf<K extends Expr['kind']> = Extract<Expr, { kind: K }>;
