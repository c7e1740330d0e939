/**
 * A value that cannot be known statically: a parameter without a default, `reference()`, a
 * Terraform attribute known only after apply, a live property the API did not return. Rules never
 * guess: a check on an unknown value yields "cannot tell", not pass or fail.
 */
export class Unknown {
  constructor(
    /** Why the value is unknown, in words a user understands ("parameter 'tls' has no default"). */
    readonly reason: string,
    /** The source text that produced it, when there is one. */
    readonly expression?: string,
    /**
     * How the value reads where text is wanted, when part of it is known: a name built by
     * `format('{0}-nsg-{1}', parameters('prefix'), 0)` reads `<unknown: parameters('prefix')>-nsg-0`,
     * so copies keep distinct names and IDs, and messages show what is known.
     */
    readonly text?: string,
  ) {}
  toString(): string {
    if (this.text !== undefined) return this.text;
    return this.expression ? `<unknown: ${this.expression}>` : '<unknown>';
  }
  toJSON(): string {
    return this.toString();
  }
}

export function unknown(reason: string, expression?: string): Unknown {
  return new Unknown(reason, expression);
}

export function isUnknown(value: unknown): value is Unknown {
  return value instanceof Unknown;
}

/** True when the value or anything inside it is unknown. */
export function containsUnknown(value: unknown, depth = 0): boolean {
  if (value instanceof Unknown) return true;
  if (depth > 64 || typeof value !== 'object' || value === null) return false;
  for (const v of Array.isArray(value) ? value : Object.values(value))
    if (containsUnknown(v, depth + 1)) return true;
  return false;
}
