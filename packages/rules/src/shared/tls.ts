/**
 * TLS versions are written differently by every resource provider ('1.2', 'TLS1_2', 'Tls12',
 * 'TLSv1_2', 'TLSv1.2', 'TLS12'): parse them into a comparable 'major.minor'; never compare the strings.
 */
export type TlsVersion = `${number}.${number}`;

/** The floor every rule of the encryption pack holds services to. */
export const MINIMUM_TLS: TlsVersion = '1.2';

export function parseTlsVersion(value: unknown): TlsVersion | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const m = /^(?:tls\s*v?)?_?(\d)(?:[._]?(\d))?$/i.exec(String(value).trim());
  if (!m) return undefined;
  return `${m[1]}.${m[2] ?? '0'}` as TlsVersion;
}

export function compareTls(a: TlsVersion, b: TlsVersion): number {
  const [am, an] = a.split('.').map(Number) as [number, number];
  const [bm, bn] = b.split('.').map(Number) as [number, number];
  return am - bm || an - bn;
}

/**
 * True when the value names a TLS version older than `minimum`, false when it names one at or above
 * it, undefined when it is not a TLS version at all (unknown, expression, typo): callers never guess.
 */
export function isTlsBelow(value: unknown, minimum: TlsVersion = MINIMUM_TLS): boolean | undefined {
  const version = parseTlsVersion(value);
  return version === undefined ? undefined : compareTls(version, minimum) < 0;
}

/**
 * Some services take a list ('TLSv1.2,TLSv1.3' for MySQL `tls_version`): the oldest entry is what
 * a client can negotiate down to. Undefined when any entry is unreadable.
 */
export function oldestTlsInList(value: unknown): TlsVersion | undefined {
  if (typeof value !== 'string') return parseTlsVersion(value);
  let oldest: TlsVersion | undefined;
  for (const part of value.split(',')) {
    const version = parseTlsVersion(part);
    if (!version) return undefined;
    if (!oldest || compareTls(version, oldest) < 0) oldest = version;
  }
  return oldest;
}
