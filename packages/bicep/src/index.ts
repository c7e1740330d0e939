/** @ztkit/bicep: a native Bicep lexer, parser and evaluator producing the ARM-shaped resource model. */
export { bicepLoader, loadBicep } from './loader.js';
export type * from './syntax/ast.js';
export { BicepFile } from './syntax/ast.js';
export { tokenize } from './syntax/lexer.js';
export { type ParseError, type ParseResult, parseBicep } from './syntax/parser.js';
