import { describe, expect, it } from 'vitest';
import { compareTls, isTlsBelow, oldestTlsInList, parseTlsVersion } from './tls.js';

describe('parseTlsVersion', () => {
  it.each([
    ['1.2', '1.2'],
    ['TLS1_2', '1.2'],
    ['Tls12', '1.2'],
    ['TLSv1_2', '1.2'],
    ['TLSv1.2', '1.2'],
    ['TLS12', '1.2'],
    ['TLS10', '1.0'],
    ['TLSv1', '1.0'],
    ['1.0', '1.0'],
    ['TLS1_3', '1.3'],
  ])('reads %s as %s', (raw, want) => {
    expect(parseTlsVersion(raw)).toBe(want);
  });

  it.each(['None', 'Tls', '', 'latest', undefined, null, {}])('refuses %s', (raw) => {
    expect(parseTlsVersion(raw)).toBeUndefined();
  });
});

describe('comparisons', () => {
  it('orders by major then minor, not as strings', () => {
    expect(compareTls('1.10' as never, '1.2')).toBeGreaterThan(0);
    expect(compareTls('1.1', '1.2')).toBeLessThan(0);
    expect(compareTls('1.2', '1.2')).toBe(0);
  });
  it('isTlsBelow is undefined for values that are not versions', () => {
    expect(isTlsBelow('TLS1_1')).toBe(true);
    expect(isTlsBelow('Tls13')).toBe(false);
    expect(isTlsBelow('None')).toBeUndefined();
  });
  it('oldestTlsInList takes the weakest entry of a list', () => {
    expect(oldestTlsInList('TLSv1.3,TLSv1.2')).toBe('1.2');
    expect(oldestTlsInList('TLSv1.2, TLSv1')).toBe('1.0');
    expect(oldestTlsInList('TLSv1.2,bogus')).toBeUndefined();
  });
});
