import { describe, expect, it } from 'vitest';
import {
  coveredPorts,
  coversAllPorts,
  includesAnyAddress,
  ipv4RangeSize,
  ipv4RuleSize,
  parsePortRange,
} from './address-ports.js';

describe('firewall address and port specs', () => {
  it('recognises "any" sources in the spellings firewall rules use', () => {
    for (const any of ['*', 'Any', 'Internet', '0.0.0.0/0']) expect(includesAnyAddress([any])).toBe(true);
    expect(includesAnyAddress(['10.0.0.0/8', '203.0.113.4'])).toBe(false);
    expect(includesAnyAddress(undefined)).toBe(false);
  });

  it('parses single ports, ranges and wildcards', () => {
    expect(parsePortRange('3389')).toEqual([3389, 3389]);
    expect(parsePortRange('5985-5986')).toEqual([5985, 5986]);
    expect(parsePortRange('*')).toEqual([0, 65535]);
    expect(parsePortRange(22)).toEqual([22, 22]);
    expect(parsePortRange('70000')).toBeUndefined();
    expect(parsePortRange('2000-1000')).toBeUndefined();
  });

  it('finds the wanted ports a list covers and whether it covers all ports', () => {
    expect(coveredPorts(['20-25', '3389'], [22, 23, 3389, 5985])).toEqual([22, 23, 3389]);
    expect(coversAllPorts(['1-65535'])).toBe(true);
    expect(coversAllPorts(['*'])).toBe(true);
    expect(coversAllPorts(['1-1024'])).toBe(false);
    // Ranges that add up to every port, in any order and overlapping.
    expect(coversAllPorts(['1025-65535', '1-1024'])).toBe(true);
    expect(coversAllPorts(['0-80', '80-40000', '39000-65535'])).toBe(true);
    // A gap of one port is not every port.
    expect(coversAllPorts(['1-1024', '1026-65535'])).toBe(false);
    expect(coversAllPorts(['1-1024', 'x-65535'])).toBe(false);
  });

  it('sizes IPv4 rules and ranges', () => {
    expect(ipv4RuleSize('203.0.113.0/28')).toBe(16);
    expect(ipv4RuleSize('203.0.113.7')).toBe(1);
    expect(ipv4RuleSize('0.0.0.0/0')).toBe(2 ** 32);
    expect(ipv4RuleSize('2001:db8::/32')).toBeUndefined();
    expect(ipv4RangeSize('10.0.0.0', '10.0.255.255')).toBe(65536);
    expect(ipv4RangeSize('10.0.0.9', '10.0.0.1')).toBeUndefined();
  });
});
