/**
 * The Bicep syntax tree. Every node carries `start`/`end` UTF-16 offsets into its file; a
 * `BicepFile` turns them into line/column spans on demand (see `spanOf`), which keeps parsing cheap.
 */
import { LineMap, type SourceSpan } from '@ztkit/core';

interface NodeBase {
  readonly start: number;
  readonly end: number;
}

// ---- expressions --------------------------------------------------------------------------------

export interface LiteralExpr extends NodeBase {
  readonly kind: 'literal';
  readonly value: string | number | boolean | null;
}

/** `'a${x}b'`: `parts` has one more element than `holes`. */
export interface InterpolatedStringExpr extends NodeBase {
  readonly kind: 'interpolation';
  readonly parts: readonly string[];
  readonly holes: readonly Expr[];
}

export interface IdentExpr extends NodeBase {
  readonly kind: 'ident';
  readonly name: string;
}

export interface SpreadExpr extends NodeBase {
  readonly kind: 'spread';
  readonly value: Expr;
}

export interface ArrayExpr extends NodeBase {
  readonly kind: 'array';
  readonly items: readonly (Expr | SpreadExpr)[];
}

export interface PropertyNode extends NodeBase {
  readonly kind: 'property';
  /** Key text (identifier or decoded string); undefined when the key is an interpolated string. */
  readonly key: string | undefined;
  readonly keyExpr: Expr;
  readonly value: Expr;
  readonly decorators: readonly Decorator[];
}

export interface ObjectExpr extends NodeBase {
  readonly kind: 'object';
  readonly properties: readonly (PropertyNode | SpreadExpr)[];
  /** Child resources declared inside a resource body (`resource subnet 'subnets' = {...}`). */
  readonly resources?: readonly ResourceDecl[];
}

/** `a.b` and `a.?b`. */
export interface MemberExpr extends NodeBase {
  readonly kind: 'member';
  readonly object: Expr;
  readonly name: string;
  readonly safe: boolean;
}

/** `a[i]` and `a[?i]`. */
export interface IndexExpr extends NodeBase {
  readonly kind: 'index';
  readonly object: Expr;
  readonly index: Expr;
  readonly safe: boolean;
}

/** `parent::child`. */
export interface ChildAccessExpr extends NodeBase {
  readonly kind: 'childAccess';
  readonly object: Expr;
  readonly name: string;
}

/** `f(x)`, `sys.f(x)`, `az.f(x)`, `imported.f(x)` and method-style `storage.listKeys()`. */
export interface CallExpr extends NodeBase {
  readonly kind: 'call';
  readonly receiver: Expr | undefined;
  readonly name: string;
  readonly args: readonly Expr[];
}

export interface UnaryExpr extends NodeBase {
  readonly kind: 'unary';
  readonly op: '!' | '-' | '+';
  readonly operand: Expr;
}

/** `x!`: asserts non-null; a no-op for evaluation. */
export interface NonNullExpr extends NodeBase {
  readonly kind: 'nonNull';
  readonly operand: Expr;
}

export type BinaryOp =
  | '??'
  | '||'
  | '&&'
  | '=='
  | '!='
  | '=~'
  | '!~'
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%';

export interface BinaryExpr extends NodeBase {
  readonly kind: 'binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}

export interface TernaryExpr extends NodeBase {
  readonly kind: 'ternary';
  readonly condition: Expr;
  readonly whenTrue: Expr;
  readonly whenFalse: Expr;
}

export interface LambdaExpr extends NodeBase {
  readonly kind: 'lambda';
  readonly params: readonly string[];
  readonly body: Expr;
}

export interface ParenExpr extends NodeBase {
  readonly kind: 'paren';
  readonly inner: Expr;
}

/** `[for (item, i) in items: body]`. */
export interface ForExpr extends NodeBase {
  readonly kind: 'for';
  readonly item: string | undefined;
  readonly index: string | undefined;
  readonly iterable: Expr;
  readonly body: Expr;
}

/** `if (cond) { ... }`: only as a resource/module body or a loop body. */
export interface IfExpr extends NodeBase {
  readonly kind: 'if';
  readonly condition: Expr;
  readonly body: Expr;
}

/** A construct the evaluator does not model (e.g. a type used as a value); evaluates to Unknown. */
export type Expr =
  | LiteralExpr
  | InterpolatedStringExpr
  | IdentExpr
  | ArrayExpr
  | ObjectExpr
  | MemberExpr
  | IndexExpr
  | ChildAccessExpr
  | CallExpr
  | UnaryExpr
  | NonNullExpr
  | BinaryExpr
  | TernaryExpr
  | LambdaExpr
  | ParenExpr
  | ForExpr
  | IfExpr;

// ---- types (parsed, not checked) ----------------------------------------------------------------

export interface TypeNode extends NodeBase {
  readonly kind: 'type';
  readonly form:
    | 'ref'
    | 'literal'
    | 'union'
    | 'object'
    | 'array'
    | 'tuple'
    | 'nullable'
    | 'resource'
    | 'member'
    | 'paren';
  /** `ref`: the name (`string`, `sys.int`, `myType`); `resource`: the type string; `member`: property. */
  readonly name?: string;
  /** `literal`: the value (`'Enabled'`, `1`, `true`, `null`). */
  readonly value?: unknown;
  /** `union`, `tuple`, `array`/`nullable`/`member`/`paren` (one element) members. */
  readonly members?: readonly TypeNode[];
  /** `object` properties. */
  readonly properties?: readonly TypeProperty[];
}

export interface TypeProperty extends NodeBase {
  readonly name: string;
  readonly type: TypeNode;
  readonly decorators: readonly Decorator[];
}

// ---- declarations -------------------------------------------------------------------------------

export interface Decorator extends NodeBase {
  /** Name without namespace: `description` for `@sys.description(...)`. */
  readonly name: string;
  readonly args: readonly Expr[];
}

interface DeclBase extends NodeBase {
  readonly decorators: readonly Decorator[];
  /** Offsets of the declared name. */
  readonly nameStart: number;
  readonly nameEnd: number;
}

export interface ParamDecl extends DeclBase {
  readonly kind: 'param';
  readonly name: string;
  /** Absent in `.bicepparam` files (`param x = value`). */
  readonly type: TypeNode | undefined;
  readonly value: Expr | undefined;
}

export interface VarDecl extends DeclBase {
  readonly kind: 'var';
  readonly name: string;
  readonly type: TypeNode | undefined;
  readonly value: Expr;
}

export interface ResourceDecl extends DeclBase {
  readonly kind: 'resource';
  readonly name: string;
  /** `Microsoft.Network/virtualNetworks@2023-04-01` (or a relative `subnets` for nested children). */
  readonly typeString: Expr;
  readonly existing: boolean;
  /** Object, `if (...) {...}` or `[for ...]`. */
  readonly body: Expr;
  /** Resources declared inside the body (`resource subnet 'subnets' = {...}`). */
  readonly children: readonly ResourceDecl[];
}

export interface ModuleDecl extends DeclBase {
  readonly kind: 'module';
  readonly name: string;
  readonly path: Expr;
  readonly body: Expr;
}

export interface OutputDecl extends DeclBase {
  readonly kind: 'output';
  readonly name: string;
  readonly type: TypeNode;
  readonly value: Expr;
}

export interface TypeDecl extends DeclBase {
  readonly kind: 'typeDecl';
  readonly name: string;
  readonly value: TypeNode;
}

export interface FuncDecl extends DeclBase {
  readonly kind: 'func';
  readonly name: string;
  readonly params: readonly { readonly name: string; readonly type: TypeNode }[];
  readonly returnType: TypeNode;
  readonly body: Expr;
}

/** `import`, `extension`, `provider` (kept for completeness; contributes no values). */
export interface ImportDecl extends DeclBase {
  readonly kind: 'import';
  readonly keyword: 'import' | 'extension' | 'provider';
  readonly from: string | undefined;
  /** `import { a, b as c } from '...'`: the local names (`a`, `c`). */
  readonly names: readonly string[];
  /** Local name -> name in the imported file, for aliased imports (`c` -> `b`). */
  readonly originals?: ReadonlyMap<string, string>;
  readonly alias: string | undefined;
}

export interface MetadataDecl extends DeclBase {
  readonly kind: 'metadata';
  readonly name: string;
  readonly value: Expr;
}

export interface TargetScopeDecl extends DeclBase {
  readonly kind: 'targetScope';
  readonly value: Expr;
}

export interface UsingDecl extends DeclBase {
  readonly kind: 'using';
  /** Undefined for `using none`. */
  readonly path: Expr | undefined;
}

/** `extends 'base.bicepparam'` in a parameter file: the base's parameter values apply under its own. */
export interface ExtendsDecl extends DeclBase {
  readonly kind: 'extends';
  readonly path: Expr;
}

/** `assert`, `test`: parsed and ignored. */
export interface OtherDecl extends DeclBase {
  readonly kind: 'other';
  readonly keyword: string;
}

export type Declaration =
  | ParamDecl
  | VarDecl
  | ResourceDecl
  | ModuleDecl
  | OutputDecl
  | TypeDecl
  | FuncDecl
  | ImportDecl
  | MetadataDecl
  | TargetScopeDecl
  | UsingDecl
  | ExtendsDecl
  | OtherDecl;

/** A parsed file: declarations plus what is needed to turn offsets into spans. */
export class BicepFile {
  private lineMap?: LineMap;
  constructor(
    readonly path: string,
    readonly text: string,
    readonly declarations: readonly Declaration[],
  ) {}

  span(start: number, end: number): SourceSpan {
    this.lineMap ??= new LineMap(this.text);
    return this.lineMap.span(this.path, start, end);
  }

  spanOf(node: { readonly start: number; readonly end: number }): SourceSpan {
    return this.span(node.start, node.end);
  }

  source(node: { readonly start: number; readonly end: number }): string {
    return this.text.slice(node.start, node.end);
  }
}
