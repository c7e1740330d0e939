/**
 * TLS versions are written differently by every resource provider ('1.2', 'TLS1_2', 'Tls12',
 * 'TLSv1_2', 'TLS1.2'): parse them into a comparable 'major.minor'; never compare the strings.
 */
export type TlsVersion = `${number}.${number}`;

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
