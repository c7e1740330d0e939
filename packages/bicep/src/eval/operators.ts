/**
 * Bicep operators over known and Unknown values. Logical operators short-circuit even when the
 * other side is Unknown (`false && ?` is false); the rest return Unknown when an operand is.
 */
import { dependsOnDeployment, holdsPlaceholder, isUnknown, type Unknown, unknown } from '@ztkit/core';
import type { BinaryOp } from '../syntax/ast.js';

export function deepEqual(a: unknown, b: unknown, caseInsensitive = false, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof a === 'string' && typeof b === 'string')
    return caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b;
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => deepEqual(v, b[i], caseInsensitive, depth + 1));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    deepEqual(
      (a as Record<string, unknown>)[k],
      (b as Record<string, unknown>)[k],
      caseInsensitive,
      depth + 1,
    ),
  );
}

/** Evaluate `left op right`; `right` is a thunk so that `&&`, `||` and `??` can short-circuit. */
export function binary(op: BinaryOp, left: unknown, right: () => unknown, source: string): unknown {
  switch (op) {
    case '&&': {
      if (left === false) return false;
      const r = right();
      if (r === false) return false;
      if (left === true && r === true) return true;
      return isUnknown(left) || isUnknown(r) ? unknownOf(left, r, source) : mismatch(op, source);
    }
    case '||': {
      if (left === true) return true;
      const r = right();
      if (r === true) return true;
      if (left === false && r === false) return false;
      return isUnknown(left) || isUnknown(r) ? unknownOf(left, r, source) : mismatch(op, source);
    }
    case '??': {
      if (isUnknown(left)) return left;
      return left === null || left === undefined ? right() : left;
    }
  }
  const r = right();
  if (isUnknown(left) || isUnknown(r)) return unknownOf(left, r, source);
  // resourceGroup().name and the like are placeholders: equal texts are equal, anything else is
  // decided at deployment.
  if (
    (op === '==' || op === '!=' || op === '=~' || op === '!~') &&
    left !== r &&
    (holdsPlaceholder(left) || holdsPlaceholder(r))
  )
    return dependsOnDeployment(source);
  switch (op) {
    case '==':
      return deepEqual(left, r);
    case '!=':
      return !deepEqual(left, r);
    case '=~':
      return deepEqual(left, r, true);
    case '!~':
      return !deepEqual(left, r, true);
  }
  if (typeof left === 'string' && typeof r === 'string') {
    switch (op) {
      case '<':
        return left < r;
      case '<=':
        return left <= r;
      case '>':
        return left > r;
      case '>=':
        return left >= r;
    }
  }
  if (typeof left !== 'number' || typeof r !== 'number') return mismatch(op, source);
  switch (op) {
    case '<':
      return left < r;
    case '<=':
      return left <= r;
    case '>':
      return left > r;
    case '>=':
      return left >= r;
    case '+':
      return left + r;
    case '-':
      return left - r;
    case '*':
      return left * r;
    case '/':
      return r === 0 ? unknown('division by zero', source) : Math.trunc(left / r);
    case '%':
      return r === 0 ? unknown('division by zero', source) : left % r;
  }
  return mismatch(op, source);
}

export function unary(op: '!' | '-' | '+', value: unknown, source: string): unknown {
  if (isUnknown(value)) return value;
  if (op === '!' && typeof value === 'boolean') return !value;
  if (op === '-' && typeof value === 'number') return -value;
  if (op === '+' && typeof value === 'number') return value;
  return unknown(`operator '${op}' does not apply to this value`, source);
}

function unknownOf(a: unknown, b: unknown, source: string): Unknown {
  if (isUnknown(a)) return unknown(a.reason, source);
  if (isUnknown(b)) return unknown(b.reason, source);
  return unknown('not known statically', source);
}

function mismatch(op: string, source: string): Unknown {
  return unknown(`operator '${op}' does not apply to these values`, source);
}
