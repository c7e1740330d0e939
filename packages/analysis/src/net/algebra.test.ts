import { describe, expect, it } from 'vitest';
import { AddressSet, INTERNET } from './address-set.js';
import { parseIpv6, parsePrefix } from './cidr.js';
import { IntervalSet } from './interval-set.js';
import { formatPorts, parsePortRange } from './port-set.js';
import { PrefixIndex } from './prefix-index.js';

const S = (...r: [number, number][]) => IntervalSet.of(r.map(([a, b]) => [BigInt(a), BigInt(b)] as const));

describe('IntervalSet', () => {
  it('normalises, unions, intersects and subtracts', () => {
    const a = S([1, 5], [6, 8], [20, 30]);
    expect(a.intervals).toEqual([
      [1n, 8n],
      [20n, 30n],
    ]);
    expect(a.intersect(S([4, 22])).intervals).toEqual([
      [4n, 8n],
      [20n, 22n],
    ]);
    expect(a.subtract(S([3, 3], [25, 40])).intervals).toEqual([
      [1n, 2n],
      [4n, 8n],
      [20n, 24n],
    ]);
    expect(a.size).toBe(19n);
    expect(a.covers(S([2, 7]))).toBe(true);
    expect(a.covers(S([2, 9]))).toBe(false);
    expect(a.has(25n)).toBe(true);
    expect(a.has(10n)).toBe(false);
  });
});

describe('addresses', () => {
  it('parses IPv4 and IPv6 prefixes, ignoring host bits', () => {
    expect(parsePrefix('10.1.2.3/16')?.set.intervals[0]).toEqual([0x0a010000n, 0x0a01ffffn]);
    expect(parsePrefix('10.0.0.4')?.length).toBe(32);
    expect(parsePrefix('2001:db8::/32')?.family).toBe('ipv6');
    expect(parseIpv6('::ffff:10.0.0.1')).toBe(0xffff0a000001n);
    expect(parsePrefix('10.0.0.0/33')).toBeUndefined();
    expect(parsePrefix('Internet')).toBeUndefined();
  });
  it('models the Internet as public space plus service tags', () => {
    expect(INTERNET.overlaps(AddressSet.ofPrefixes(['10.0.0.0/8']))).toBe(false);
    expect(INTERNET.covers(AddressSet.ofPrefixes(['203.0.113.0/24', '2001:db8::/32']))).toBe(true);
    expect(INTERNET.covers(AddressSet.ofTag('Storage.WestEurope'))).toBe(true);
    expect(AddressSet.ofTag('Storage').covers(AddressSet.ofTag('storage.westeurope'))).toBe(true);
    expect(AddressSet.ofTag('Storage').overlaps(AddressSet.ofTag('Sql'))).toBe(false);
    const rest = INTERNET.subtract(AddressSet.ofTag('AzureCloud'));
    expect(rest.overlaps(AddressSet.ofTag('AzureCloud.westeurope'))).toBe(false);
    expect(rest.overlaps(AddressSet.ofTag('Storage'))).toBe(true);
  });
});

describe('ports', () => {
  it('parses NSG port spellings', () => {
    expect(formatPorts((parsePortRange('*') as { set: IntervalSet }).set)).toBe('*');
    expect(formatPorts((parsePortRange('80-443') as { set: IntervalSet }).set)).toBe('80-443');
    expect(parsePortRange('443-80').ok).toBe(false);
    expect(parsePortRange('70000').ok).toBe(false);
    expect(parsePortRange(22).ok).toBe(true);
  });
});

describe('PrefixIndex', () => {
  it('finds overlapping items, nested ones included', () => {
    const index = new PrefixIndex([
      { item: 'a', addresses: AddressSet.ofPrefixes(['10.0.0.0/24']) },
      { item: 'b', addresses: AddressSet.ofPrefixes(['10.0.1.0/24']) },
      { item: 'big', addresses: AddressSet.ofPrefixes(['10.0.0.0/16']) },
      { item: 'v6', addresses: AddressSet.ofPrefixes(['fd00::/64']) },
    ]);
    expect(index.overlapping(AddressSet.ofPrefixes(['10.0.1.5'])).sort()).toEqual(['b', 'big']);
    expect(index.overlapping(AddressSet.ofPrefixes(['10.0.2.0/24']))).toEqual(['big']);
    expect(index.overlapping(AddressSet.ofPrefixes(['fd00::1']))).toEqual(['v6']);
    expect(index.overlapping(AddressSet.ofPrefixes(['192.168.0.0/16']))).toEqual([]);
  });
});
