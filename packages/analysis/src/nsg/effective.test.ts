import { describe, expect, it } from 'vitest';
import { AddressSet, INTERNET } from '../net/address-set.js';
import { IntervalSet } from '../net/interval-set.js';
import { ALL_PORTS, formatPorts } from '../net/port-set.js';
import { ALL_PROTOCOLS, Protocol } from '../net/protocol.js';
import { analyse, nic, nsg, res, T, vnet } from '../testing/graph.js';
import { type EffectiveResult, subnetTarget } from './effective.js';
import { evaluateNsg } from './evaluate.js';

/** TCP ports the result lets through, and the user rules that allowed them. */
function tcp(result: EffectiveResult): { ports: string; rules: string[] } {
  let ports = IntervalSet.EMPTY;
  const rules = new Set<string>();
  for (const t of result.allowed)
    if (t.protocols & Protocol.Tcp) {
      ports = ports.union(t.ports);
      for (const r of t.decidedBy) rules.add(r.name);
    }
  return { ports: formatPorts(ports), rules: [...rules].sort() };
}

const web = (rules: Parameters<typeof nsg>[1], extra: Parameters<typeof analyse>[0] = []) =>
  analyse([
    vnet('vnet-a', ['10.0.0.0/16'], [{ name: 'snet-web', prefix: '10.0.1.0/24', nsg: 'nsg-web' }]),
    nsg('nsg-web', rules),
    ...extra,
  ]);

describe('effective NSG evaluation', () => {
  it('denies Internet traffic by default (DenyAllInBound) and allows VNet traffic (AllowVnetInBound)', () => {
    const a = web([]);
    const subnet = a.topology.subnets[0]!;
    expect(a.effectiveInbound(subnet).allowed).toEqual([]);
    const fromVnet = tcp(a.effectiveInbound(subnet, AddressSet.ofPrefixes(['10.0.2.0/24'])));
    expect(fromVnet).toEqual({ ports: '*', rules: ['AllowVnetInBound'] });
    const probe = tcp(a.effectiveInbound(subnet, AddressSet.ofPrefixes(['168.63.129.16'])));
    expect(probe.rules).toEqual(['AllowAzureLoadBalancerInBound']);
  });

  it('applies rules by priority: first match wins, a higher-priority deny shadows a later allow', () => {
    const a = web([
      { name: 'allow-ssh', priority: 200, source: 'Internet', ports: '22' },
      { name: 'deny-ssh', priority: 100, access: 'Deny', source: '*', ports: '22' },
      { name: 'allow-https', priority: 300, source: '*', ports: ['443', '8080-8081'] },
    ]);
    const r = a.effectiveInbound(a.topology.subnets[0]!);
    expect(tcp(r)).toEqual({ ports: '443,8080-8081', rules: ['allow-https'] });
    const layer = r.layers[0]!.evaluation!;
    const shadowed = [...layer.decidedByRule.keys()].map((k) => k.ref.name);
    expect(shadowed).toContain('deny-ssh');
    expect(shadowed).not.toContain('allow-ssh');
  });

  it('lets a partial deny (narrow source) leave the rest of the Internet through', () => {
    const a = web([
      { name: 'deny-bad', priority: 100, access: 'Deny', source: '198.51.100.0/24', ports: '22' },
      { name: 'allow-ssh', priority: 110, source: '*', ports: '22' },
    ]);
    const r = a.effectiveInbound(a.topology.subnets[0]!);
    expect(tcp(r).ports).toBe('22');
    const through = r.allowed[0]!;
    expect(through.remote.overlaps(AddressSet.ofPrefixes(['198.51.100.7']))).toBe(false);
    expect(through.remote.overlaps(AddressSet.ofPrefixes(['203.0.113.7']))).toBe(true);
  });

  it('matches protocols: a UDP allow does not open TCP', () => {
    const a = web([{ name: 'dns', priority: 100, protocol: 'Udp', source: '*', ports: '53' }]);
    const r = a.effectiveInbound(a.topology.subnets[0]!);
    expect(tcp(r).ports).toBe('');
    expect(r.allowed.some((t) => t.protocols === Protocol.Udp)).toBe(true);
  });

  it('requires both subnet and NIC NSGs to allow inbound traffic', () => {
    const a = analyse([
      vnet('vnet-a', ['10.0.0.0/16'], [{ name: 'snet-web', prefix: '10.0.1.0/24', nsg: 'nsg-subnet' }]),
      nsg('nsg-subnet', [{ name: 'allow-web', priority: 100, source: 'Internet', ports: ['22', '443'] }]),
      nsg('nsg-nic', [{ name: 'allow-https', priority: 100, source: '*', ports: '443-445' }]),
      nic('nic-vm', { vnet: 'vnet-a', subnet: 'snet-web', nsg: 'nsg-nic' }),
    ]);
    const n = a.nics.nics[0]!;
    const r = a.effectiveInbound(n);
    expect(tcp(r)).toEqual({ ports: '443', rules: ['allow-https', 'allow-web'] });
    expect(r.allowed[0]!.decidedBy.map((d) => d.name)).toEqual(['allow-web', 'allow-https']);
  });

  it('evaluates outbound NIC first, then subnet; default AllowInternetOutBound', () => {
    const a = analyse([
      vnet('vnet-a', ['10.0.0.0/16'], [{ name: 'snet', prefix: '10.0.1.0/24', nsg: 'nsg-subnet' }]),
      nsg('nsg-subnet', [
        {
          name: 'deny-out-80',
          priority: 100,
          direction: 'Outbound',
          access: 'Deny',
          destination: 'Internet',
          ports: '80',
        },
      ]),
      nic('nic-vm', { vnet: 'vnet-a', subnet: 'snet' }),
    ]);
    const r = a.effectiveOutbound(a.nics.nics[0]!);
    expect(tcp(r).ports).toBe('0-79,81-65535');
    expect(r.layers.map((l) => l.level)).toEqual(['nic', 'subnet']);
  });

  it('resolves application security groups to their NICs', () => {
    const a = analyse([
      vnet('vnet-a', ['10.0.0.0/16'], [{ name: 'snet', prefix: '10.0.1.0/24', nsg: 'nsg' }]),
      nsg('nsg', [
        {
          name: 'allow-web-asg',
          priority: 100,
          source: 'Internet',
          destinationAsgs: ['asg-web'],
          ports: '443',
        },
      ]),
      res(T.asg, 'asg-web'),
      nic('nic-web', { vnet: 'vnet-a', subnet: 'snet', asgs: ['asg-web'], ip: '10.0.1.4' }),
      nic('nic-db', { vnet: 'vnet-a', subnet: 'snet', ip: '10.0.1.5' }),
    ]);
    const [webNic, dbNic] = a.nics.nics;
    expect(tcp(a.effectiveInbound(webNic!)).ports).toBe('443');
    expect(tcp(a.effectiveInbound(dbNic!)).ports).toBe('');
    // The subnet as a whole: the rule reaches some hosts only, so it is reported, marked uncertain.
    const subnet = a.effectiveInbound(a.topology.subnets[0]!);
    expect(tcp(subnet).ports).toBe('443');
    expect(subnet.allowed.every((t) => t.uncertain)).toBe(true);
  });

  it('uses ASGs as sources: members subnets, not the Internet', () => {
    const a = analyse([
      vnet(
        'vnet-a',
        ['10.0.0.0/16'],
        [
          { name: 'snet-app', prefix: '10.0.1.0/24' },
          { name: 'snet-db', prefix: '10.0.2.0/24', nsg: 'nsg-db' },
        ],
      ),
      nsg('nsg-db', [
        { name: 'allow-app', priority: 100, sourceAsgs: ['asg-app'], ports: '1433' },
        { name: 'deny-vnet', priority: 200, access: 'Deny', source: 'VirtualNetwork', destination: '*' },
      ]),
      res(T.asg, 'asg-app'),
      nic('nic-app', { vnet: 'vnet-a', subnet: 'snet-app', asgs: ['asg-app'] }),
    ]);
    const db = a.topology.subnets[1]!;
    expect(a.effectiveInbound(db).allowed).toEqual([]);
    expect(tcp(a.effectiveInbound(db, AddressSet.ofPrefixes(['10.0.1.0/24']))).ports).toBe('1433');
    expect(tcp(a.effectiveInbound(db, AddressSet.ofPrefixes(['10.0.3.0/24']))).ports).toBe('');
  });

  it('reads prefix arrays and service tags', () => {
    const a = web([
      { name: 'allow-list', priority: 100, source: ['203.0.113.0/24', '198.51.100.10'], ports: '22' },
      { name: 'allow-frontdoor', priority: 110, source: 'AzureFrontDoor.Backend', ports: '443' },
    ]);
    const r = a.effectiveInbound(a.topology.subnets[0]!);
    expect(tcp(r).ports).toBe('22,443');
    const ssh = r.allowed.find((t) => t.ports.has(22n))!;
    expect(ssh.remote.covers(INTERNET)).toBe(false);
    expect(ssh.remote.covers(AddressSet.ofPrefixes(['198.51.100.10']))).toBe(true);
    const fd = r.allowed.find((t) => t.ports.has(443n))!;
    expect(fd.remote.tagNames).toEqual(['azurefrontdoor.backend']);
  });

  it('treats unknown values conservatively: an unknown allow is open and uncertain, an unknown deny protects nothing', () => {
    const a = web([
      { name: 'deny-param', priority: 100, access: 'Deny', source: '*', ports: '22' },
      { name: 'allow-param', priority: 200, source: '*', ports: '22' },
    ]);
    const rules = a.graph.ofType(T.nsg)[0]!.properties.securityRules as {
      properties: Record<string, unknown>;
    }[];
    rules[0]!.properties.destinationPortRange = { toString: () => 'x' }; // not a port: unreadable
    const r = a.effectiveInbound(a.topology.subnets[0]!);
    expect(tcp(r).ports).toBe('22');
    expect(r.allowed[0]!.uncertain).toBe(true);
  });

  it('lets everything through a level without NSG', () => {
    const a = analyse([vnet('vnet-a', ['10.0.0.0/16'], [{ name: 'snet', prefix: '10.0.1.0/24' }])]);
    expect(tcp(a.effectiveInbound(a.topology.subnets[0]!)).ports).toBe('*');
  });

  it('says "cannot tell" when a NIC names a subnet that cannot be resolved', () => {
    const a = analyse([
      res(T.nic, 'nic-x', {
        ipConfigurations: [
          {
            name: 'c',
            properties: {
              subnet: {
                id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/other/subnets/x',
              },
            },
          },
        ],
      }),
    ]);
    const r = a.effectiveInbound(a.nics.nics[0]!);
    expect(r.allowed.length).toBeGreaterThan(0);
    expect(r.allowed.every((t) => t.uncertain)).toBe(true);
  });

  it('counts peered VNets in the VirtualNetwork tag, not unpeered ones', () => {
    const a = analyse([
      vnet(
        'vnet-a',
        ['10.1.0.0/16'],
        [{ name: 'snet', prefix: '10.1.1.0/24', nsg: 'nsg' }],
        [{ name: 'a-b', remote: 'vnet-b' }],
      ),
      vnet('vnet-b', ['10.2.0.0/16'], []),
      vnet('vnet-c', ['10.3.0.0/16'], []),
      nsg('nsg', []),
    ]);
    const s = a.topology.subnets[0]!;
    expect(tcp(a.effectiveInbound(s, AddressSet.ofPrefixes(['10.2.0.9']))).rules).toEqual([
      'AllowVnetInBound',
    ]);
    expect(a.effectiveInbound(s, AddressSet.ofPrefixes(['10.3.0.9'])).allowed).toEqual([]);
  });

  it('caps fragmentation and reports the rest as "cannot tell"', () => {
    const rules = Array.from({ length: 300 }, (_, i) => ({
      name: `deny-${i}`,
      priority: 100 + i,
      access: 'Deny' as const,
      source: `203.0.${i % 250}.${i % 7}/32`,
      ports: String(1000 + i * 3),
    }));
    const a = web(rules);
    const subnet = a.topology.subnets[0]!;
    const sorted = a.nsgs.rulesOf(subnet.nsg!, 'Inbound', subnet.vnet);
    const start = [
      { protocols: ALL_PROTOCOLS, ports: ALL_PORTS, remote: INTERNET, decidedBy: [], uncertain: false },
    ];
    const r = evaluateNsg(sorted, subnetTarget(subnet, a.nics), start, 100);
    expect(r.truncated).toBe(true);
    expect(r.allowed.length).toBeGreaterThan(0);
    expect(r.allowed.every((t) => t.uncertain)).toBe(true);
  });
});
