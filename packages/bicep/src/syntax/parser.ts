/**
 * Bicep declarations (`.bicep` and `.bicepparam`): targetScope, metadata, param, var, resource,
 * module, output, type, func, import/extension/provider, using, assert/test. Public entry: `parseBicep`.
 */
import {
  BicepFile,
  type Declaration,
  type Decorator,
  type Expr,
  type ObjectExpr,
  type ResourceDecl,
  type TypeNode,
} from './ast.js';
import { BicepSyntaxError } from './cursor.js';
import { tokenize } from './lexer.js';
import { TypeParser } from './types.js';

export interface ParseError {
  readonly message: string;
  readonly offset: number;
}

export type ParseResult = { ok: true; file: BicepFile } | { ok: false; error: ParseError; file: BicepFile };

export interface ParseOptions {
  /** Deepest nesting of expressions, objects, arrays and types (Limits.maxDepth). */
  readonly maxDepth?: number;
}

export function parseBicep(text: string, path: string, options: ParseOptions = {}): ParseResult {
  const lexed = tokenize(text);
  if (!lexed.ok) return { ok: false, error: lexed.error, file: new BicepFile(path, text, []) };
  const parser = new DeclarationParser(lexed.tokens, options.maxDepth ?? 128);
  try {
    return { ok: true, file: new BicepFile(path, text, parser.parseProgram()) };
  } catch (e) {
    if (e instanceof BicepSyntaxError)
      return {
        ok: false,
        error: { message: e.message, offset: e.offset },
        file: new BicepFile(path, text, []),
      };
    if (e instanceof RangeError)
      return {
        ok: false,
        error: { message: 'the file is nested too deeply to parse', offset: 0 },
        file: new BicepFile(path, text, []),
      };
    throw e;
  }
}

class DeclarationParser extends TypeParser {
  parseProgram(): Declaration[] {
    const out: Declaration[] = [];
    this.skipNewlines();
    while (this.peek().kind !== 'eof') {
      out.push(this.parseDeclaration());
      const t = this.peek();
      if (t.kind !== 'newline' && t.kind !== 'eof')
        throw this.unexpected('expected a new line after the declaration');
      this.skipNewlines();
    }
    return out;
  }

  private parseDeclaration(): Declaration {
    const decorators = this.parseDecorators();
    const keyword = this.peek();
    const start = decorators[0]?.start ?? keyword.start;
    if (keyword.kind !== 'ident')
      throw this.unexpected('expected a declaration (param, var, resource, module, output, type, func...)');
    switch (keyword.value) {
      case 'targetScope': {
        this.next();
        this.expectSymbol('=', "after 'targetScope'");
        const value = this.parseExpression();
        return this.decl({ kind: 'targetScope', value }, decorators, start, keyword);
      }
      case 'metadata':
      case 'assert': {
        this.next();
        const name = this.expectIdent(`a name after '${keyword.value}'`);
        this.expectSymbol('=', `after the ${keyword.value} name`);
        const value = this.parseExpression();
        if (keyword.value === 'assert')
          return this.decl({ kind: 'other', keyword: 'assert' }, decorators, start, name);
        return this.decl({ kind: 'metadata', name: name.value, value }, decorators, start, name);
      }
      case 'param':
        return this.parseParam(decorators, start);
      case 'var': {
        this.next();
        const name = this.expectIdent('a variable name');
        const type = this.isSymbol('=') ? undefined : this.parseType();
        this.expectSymbol('=', `after the variable name '${name.value}'`);
        const value = this.parseExpression();
        return this.decl({ kind: 'var', name: name.value, type, value }, decorators, start, name);
      }
      case 'resource':
        return this.parseResource(decorators, start);
      case 'module': {
        this.next();
        const name = this.expectIdent('a module name');
        const path = this.parseStringExpr('a module path');
        this.expectSymbol('=', `after the module path of '${name.value}'`);
        const body = this.parseForBody();
        return this.decl({ kind: 'module', name: name.value, path, body }, decorators, start, name);
      }
      case 'output': {
        this.next();
        const name = this.expectIdent('an output name');
        const type = this.parseType();
        this.expectSymbol('=', `after the type of output '${name.value}'`);
        const value = this.parseExpression();
        return this.decl({ kind: 'output', name: name.value, type, value }, decorators, start, name);
      }
      case 'type': {
        this.next();
        const name = this.expectIdent('a type name');
        this.expectSymbol('=', `after the type name '${name.value}'`);
        const value = this.parseType();
        return this.decl({ kind: 'typeDecl', name: name.value, value }, decorators, start, name);
      }
      case 'func':
        return this.parseFunc(decorators, start);
      case 'import':
      case 'extension':
      case 'provider':
        return this.parseImport(decorators, start);
      case 'using': {
        this.next();
        let path: Expr | undefined;
        if (this.isKeyword('none')) this.next();
        else path = this.parseStringExpr('the template path after using');
        this.skipRestOfStatement();
        return this.decl({ kind: 'using', path }, decorators, start, keyword);
      }
      case 'extends': {
        this.next();
        const path = this.parseStringExpr('the base parameter file after extends');
        this.skipRestOfStatement();
        return this.decl({ kind: 'extends', path }, decorators, start, keyword);
      }
      case 'test': {
        this.next();
        this.skipRestOfStatement();
        return this.decl({ kind: 'other', keyword: keyword.value }, decorators, start, keyword);
      }
    }
    throw this.unexpected('expected a declaration (param, var, resource, module, output, type, func...)');
  }

  private parseParam(decorators: Decorator[], start: number): Declaration {
    this.next();
    const name = this.expectIdent('a parameter name');
    // `.bicepparam` files assign without a type: `param name = value`.
    const type: TypeNode | undefined = this.isSymbol('=') ? undefined : this.parseType();
    const value = this.eatSymbol('=') ? this.parseExpression() : undefined;
    return this.decl({ kind: 'param', name: name.value, type, value }, decorators, start, name);
  }

  private parseResource(decorators: Decorator[], start: number): ResourceDecl {
    this.next();
    const name = this.expectIdent('a resource symbolic name');
    const typeString = this.parseStringExpr(
      "a resource type string like 'Microsoft.Network/virtualNetworks@2023-04-01'",
    );
    const existing = this.isKeyword('existing');
    if (existing) this.next();
    this.expectSymbol('=', `after the type of resource '${name.value}'`);
    const body = this.parseForBody();
    const children = resourcesOf(body);
    return this.decl(
      { kind: 'resource', name: name.value, typeString, existing, body, children },
      decorators,
      start,
      name,
    );
  }

  protected override parseNestedResource(decorators: Decorator[]): ResourceDecl | undefined {
    const t = this.peek();
    if (t.kind !== 'ident' || t.value !== 'resource' || this.peek(1).kind !== 'ident') return undefined;
    return this.parseResource(decorators, decorators[0]?.start ?? t.start);
  }

  private parseFunc(decorators: Decorator[], start: number): Declaration {
    this.next();
    const name = this.expectIdent('a function name');
    const params = this.withNewlines(true, () => {
      this.expectSymbol('(', `after the function name '${name.value}'`);
      const list: { name: string; type: TypeNode }[] = [];
      while (!this.isSymbol(')')) {
        const p = this.expectIdent('a parameter name');
        list.push({ name: p.value, type: this.parseType() });
        if (!this.eatSymbol(',')) break;
      }
      this.expectSymbol(')', 'to close the function parameters');
      return list;
    });
    const returnType = this.parseType();
    this.expectSymbol('=>', `before the body of function '${name.value}'`);
    this.skipNewlines();
    const body = this.parseExpression();
    return this.decl({ kind: 'func', name: name.value, params, returnType, body }, decorators, start, name);
  }

  /**
   * `import 'az@1.0.0' as az`, `import * as ns from './x.bicep'`, `import { a, b as c } from '...'`,
   * `extension microsoftGraphV1`, `extension 'br:...' with {...} as graph`.
   */
  private parseImport(decorators: Decorator[], start: number): Declaration {
    const keyword = this.next().value as 'import' | 'extension' | 'provider';
    const names: string[] = [];
    const originals = new Map<string, string>();
    let alias: string | undefined;
    let from: string | undefined;
    if (this.isSymbol('*')) {
      this.next();
      if (!this.isKeyword('as')) throw this.unexpected("expected 'as' after 'import *'");
      this.next();
      alias = this.expectIdent('a namespace name after as').value;
    } else if (this.isSymbol('{')) {
      this.withNewlines(true, () => {
        this.next();
        while (!this.isSymbol('}')) {
          const t = this.next();
          if (t.kind !== 'ident' && t.kind !== 'string')
            throw this.unexpected('expected an imported name', t);
          let local = t.value;
          if (this.isKeyword('as')) {
            this.next();
            local = this.expectIdent('a name after as').value;
            originals.set(local, t.value);
          }
          names.push(local);
          this.eatSymbol(',');
        }
        this.expectSymbol('}', 'to close the import list');
      });
    } else {
      const target = this.next();
      if (target.kind === 'string') from = target.value;
      else if (target.kind !== 'ident') throw this.unexpected(`expected what to ${keyword}`, target);
      else alias = target.value;
    }
    if (this.isKeyword('from')) {
      this.next();
      const path = this.next();
      if (path.kind !== 'string') throw this.unexpected("expected a path string after 'from'", path);
      from = path.value;
    }
    if (this.isKeyword('with')) {
      this.next();
      this.parseObject();
    }
    if (this.isKeyword('as')) {
      this.next();
      alias = this.expectIdent('a name after as').value;
    }
    return this.decl(
      { kind: 'import', keyword, from, names, alias, ...(originals.size ? { originals } : {}) },
      decorators,
      start,
      this.peek(),
    );
  }

  private parseStringExpr(what: string): Expr {
    const t = this.peek();
    if (t.kind === 'string') {
      this.next();
      return { kind: 'literal', value: t.value, start: t.start, end: t.end };
    }
    if (t.kind === 'stringLeft') return this.parseInterpolation();
    throw this.unexpected(`expected ${what}`);
  }

  /** For declarations we parse without evaluating (`test`, `extends`, `using ... with {...}`). */
  private skipRestOfStatement(): void {
    let depth = 0;
    for (;;) {
      const t = this.tokens[this.pos]!;
      if (t.kind === 'eof') return;
      if (t.kind === 'newline' && depth === 0) return;
      if (t.kind === 'symbol' && (t.value === '{' || t.value === '[' || t.value === '(')) depth++;
      if (t.kind === 'symbol' && (t.value === '}' || t.value === ']' || t.value === ')')) depth--;
      this.pos++;
    }
  }

  private decl<T extends object>(
    fields: T,
    decorators: Decorator[],
    start: number,
    nameToken: { start: number; end: number },
  ): T & { decorators: Decorator[]; start: number; end: number; nameStart: number; nameEnd: number } {
    return {
      ...fields,
      decorators,
      start,
      end: this.previousEnd(),
      nameStart: nameToken.start,
      nameEnd: nameToken.end,
    };
  }
}

/** Nested resources of a body: `{...}`, `if (c) {...}`, `[for ...: {...}]`. */
function resourcesOf(body: Expr): readonly ResourceDecl[] {
  let node: Expr = body;
  for (let i = 0; i < 4; i++) {
    if (node.kind === 'for' || node.kind === 'if') node = node.body;
    else break;
  }
  return node.kind === 'object' ? ((node as ObjectExpr).resources ?? []) : [];
}
