import { describe, expect, it } from 'vitest';
import { AddressSet } from '../net/address-set.js';
import { formatPorts } from '../net/port-set.js';
import { analyse, nic, nsg, ref, res, routeTable, T, vnet } from '../testing/graph.js';

const hub = () =>
  vnet(
    'vnet-hub',
    ['10.0.0.0/16'],
    [
      { name: 'AzureFirewallSubnet', prefix: '10.0.0.0/26' },
      { name: 'GatewaySubnet', prefix: '10.0.1.0/27' },
    ],
    [
      { name: 'hub-to-a', remote: 'vnet-a', allowGatewayTransit: true },
      { name: 'hub-to-b', remote: 'vnet-b', allowGatewayTransit: true },
    ],
  );
const firewall = () =>
  res(T.fw, 'fw-hub', {
    ipConfigurations: [{ name: 'c', properties: { subnet: ref(T.subnet, 'vnet-hub/AzureFirewallSubnet') } }],
  });

describe('topology', () => {
  it('gives subnets and peerings of a VNet outside the scan a stand-in VNet', () => {
    const a = analyse([
      hub(),
      firewall(),
      res(T.subnet, 'vnet-existing/snet-app', { addressPrefix: '10.9.1.0/24' }),
      res(T.subnet, 'vnet-existing/snet-db', { addressPrefix: '10.9.2.0/24' }),
      res('Microsoft.Network/virtualNetworks/virtualNetworkPeerings', 'vnet-existing/to-hub', {
        remoteVirtualNetwork: ref(T.vnet, 'vnet-hub'),
      }),
    ]);
    const standIn = a.topology.vnets.find((v) => v.name === 'vnet-existing')!;
    expect(standIn.outsideScan).toBe(true);
    expect(standIn.subnets.map((s) => s.name)).toEqual(['snet-app', 'snet-db']);
    expect(standIn.addressSpace.covers(AddressSet.ofPrefixes(['10.9.2.0/24']))).toBe(true);
    expect(standIn.peerings.map((p) => p.to?.name)).toEqual(['vnet-hub']);
    expect(standIn.role).toBe('spoke');
  });

  it('links peerings between two VNets outside the scan whichever is declared first', () => {
    const peering = (name: string, remote: string) =>
      res('Microsoft.Network/virtualNetworks/virtualNetworkPeerings', name, {
        remoteVirtualNetwork: ref(T.vnet, remote),
      });
    const a = analyse([peering('vnet-x/to-y', 'vnet-y'), peering('vnet-y/to-x', 'vnet-x')]);
    const x = a.topology.vnets.find((v) => v.name === 'vnet-x')!;
    expect(x.peerings.map((p) => p.to?.name)).toEqual(['vnet-y']);
    expect(x.peerings[0]!.reverse?.from.name).toBe('vnet-y');
  });

  it('finds the hub by its firewall, spokes by peering, isolated VNets', () => {
    const a = analyse([
      hub(),
      firewall(),
      vnet(
        'vnet-a',
        ['10.1.0.0/16'],
        [{ name: 'snet-app', prefix: '10.1.1.0/24' }],
        [{ name: 'a-to-hub', remote: 'vnet-hub' }],
      ),
      vnet(
        'vnet-b',
        ['10.2.0.0/16'],
        [{ name: 'snet-app', prefix: '10.2.1.0/24' }],
        [{ name: 'b-to-hub', remote: 'vnet-hub' }],
      ),
      vnet('vnet-lonely', ['10.9.0.0/16'], []),
    ]);
    const roles = Object.fromEntries(a.topology.vnets.map((v) => [v.name, v.role]));
    expect(roles).toEqual({
      'vnet-hub': 'hub',
      'vnet-a': 'spoke',
      'vnet-b': 'spoke',
      'vnet-lonely': 'isolated',
    });
    expect(a.topology.hubs[0]!.hubReason).toBe('runs Azure Firewall');
    const p = a.topology.peerings.find((x) => x.resource.name === 'vnet-a/a-to-hub')!;
    expect(p.reverse?.resource.name).toBe('vnet-hub/hub-to-a');
    expect(p.allowForwardedTraffic).toBe(false);
  });

  it('falls back to the most-peered VNet, and honours the hubVnets option', () => {
    const resources = [
      vnet(
        'vnet-x',
        ['10.0.0.0/16'],
        [],
        [
          { name: 'x-a', remote: 'vnet-a' },
          { name: 'x-b', remote: 'vnet-b' },
        ],
      ),
      vnet('vnet-a', ['10.1.0.0/16'], [], [{ name: 'a-x', remote: 'vnet-x' }]),
      vnet('vnet-b', ['10.2.0.0/16'], [], [{ name: 'b-x', remote: 'vnet-x' }]),
    ];
    expect(analyse(resources).topology.hubs.map((h) => h.name)).toEqual(['vnet-x']);
    const forced = analyse(resources, { hubVnets: ['VNET-A'] });
    expect(forced.topology.hubs.map((h) => h.name)).toEqual(['vnet-a']);
    expect(forced.topology.vnets.find((v) => v.name === 'vnet-x')!.role).toBe('spoke');
  });

  it('does not make a hub of a lone VNet that only reserves an AzureFirewallSubnet', () => {
    const lone = analyse([
      vnet('vnet-lone', ['10.0.0.0/16'], [{ name: 'AzureFirewallSubnet', prefix: '10.0.0.0/26' }]),
    ]);
    expect(lone.topology.hubs).toEqual([]);
    expect(lone.topology.vnets[0]!.role).toBe('isolated');
    // With a firewall in it, the lone VNet is still the firewall's hub.
    const withFirewall = analyse([
      vnet('vnet-hub', ['10.0.0.0/16'], [{ name: 'AzureFirewallSubnet', prefix: '10.0.0.0/26' }]),
      firewall(),
    ]);
    expect(withFirewall.topology.hubs.map((h) => h.hubReason)).toEqual(['runs Azure Firewall']);
  });
});

describe('routing', () => {
  it('picks the longest-prefix user route and judges the firewall next hop', () => {
    const a = analyse([
      hub(),
      firewall(),
      vnet(
        'vnet-a',
        ['10.1.0.0/16'],
        [{ name: 'snet-app', prefix: '10.1.1.0/24', routeTable: 'rt-a' }],
        [{ name: 'a-to-hub', remote: 'vnet-hub' }],
      ),
      routeTable('rt-a', [
        { name: 'default', prefix: '0.0.0.0/0', type: 'VirtualAppliance', ip: '10.0.0.4' },
        { name: 'web', prefix: '203.0.113.0/24', type: 'Internet' },
      ]),
    ]);
    const s = a.topology.subnets.find((x) => x.name === 'snet-app')!;
    const out = a.routing.routeTowards(s, AddressSet.ofPrefixes(['8.8.8.8']));
    expect(out.route?.name).toBe('default');
    expect(out.throughFirewall).toBe('assumed');
    expect(a.routing.routeTowards(s, AddressSet.ofPrefixes(['203.0.113.9'])).throughFirewall).toBe('no');
    // Inside its own VNet the VnetLocal system route (/16) is longer than 0.0.0.0/0: it stays local.
    const local = a.routing.routeTowards(s, AddressSet.ofPrefixes(['10.1.2.0/24']));
    expect(local.route).toBeUndefined();
    expect(local.nextHopType).toBe('VnetLocal');
    expect(a.routing.bgpPropagationDisabled(s)).toBe(true);
  });

  it('matches a known firewall IP exactly', () => {
    const a = analyse(
      [
        vnet('vnet-a', ['10.1.0.0/16'], [{ name: 'snet', prefix: '10.1.1.0/24', routeTable: 'rt' }]),
        routeTable('rt', [
          { name: 'to-nva', prefix: '0.0.0.0/0', type: 'VirtualAppliance', ip: '10.0.0.4' },
          { name: 'to-other', prefix: '10.2.0.0/16', type: 'VirtualAppliance', ip: '10.0.0.99' },
        ]),
      ],
      { nvaIpAddresses: ['10.0.0.4'] },
    );
    const s = a.topology.subnets[0]!;
    expect(a.routing.routeTowards(s, AddressSet.ofPrefixes(['1.1.1.1'])).throughFirewall).toBe('yes');
    expect(a.routing.routeTowards(s, AddressSet.ofPrefixes(['10.2.0.1'])).throughFirewall).toBe('no');
    // The VNet's own space wins over the default route (longest prefix, as Azure selects).
    expect(a.routing.routeTowards(s, AddressSet.ofPrefixes(['10.1.0.1'])).throughFirewall).toBe('no');
  });

  it('finds NVAs: declared addresses, and IP-forwarding NICs that routes point at', () => {
    const forwarding = (n: ReturnType<typeof nic>) => ({
      ...n,
      properties: { ...n.properties, enableIPForwarding: true },
    });
    const resources = [
      vnet('vnet-hub', ['10.0.0.0/16'], [{ name: 'snet-nva', prefix: '10.0.2.0/24' }]),
      vnet('vnet-a', ['10.1.0.0/16'], [{ name: 'snet', prefix: '10.1.1.0/24', routeTable: 'rt' }]),
      routeTable('rt', [{ name: 'default', prefix: '0.0.0.0/0', type: 'VirtualAppliance', ip: '10.0.2.4' }]),
      forwarding(nic('nic-nva', { vnet: 'vnet-hub', subnet: 'snet-nva', ip: '10.0.2.4' })),
      // Forwards, but no route sends anything to it; and one routes point at that does not forward.
      forwarding(nic('nic-idle', { vnet: 'vnet-hub', subnet: 'snet-nva', ip: '10.0.2.5' })),
      nic('nic-plain', { vnet: 'vnet-a', subnet: 'snet', ip: '10.1.1.4' }),
    ];
    const a = analyse(resources, { nvaIpAddresses: ['10.1.1.9'] });
    const vnetNamed = (name: string) => a.topology.vnets.find((v) => v.name === name)!;
    expect(a.routing.appliancesIn(vnetNamed('vnet-hub'))).toEqual(['10.0.2.4']);
    expect(a.routing.appliancesIn(vnetNamed('vnet-a'))).toEqual(['10.1.1.9']);
  });
});

describe('exposure and lateral movement', () => {
  const estate = () => [
    hub(),
    firewall(),
    vnet(
      'vnet-a',
      ['10.1.0.0/16'],
      [
        { name: 'snet-web', prefix: '10.1.1.0/24', nsg: 'nsg-web', routeTable: 'rt-a' },
        { name: 'snet-db', prefix: '10.1.2.0/24', nsg: 'nsg-db', routeTable: 'rt-a' },
      ],
      [
        { name: 'a-to-hub', remote: 'vnet-hub' },
        { name: 'a-to-b', remote: 'vnet-b' },
      ],
    ),
    vnet(
      'vnet-b',
      ['10.2.0.0/16'],
      [{ name: 'snet-app', prefix: '10.2.1.0/24' }],
      [
        { name: 'b-to-hub', remote: 'vnet-hub' },
        { name: 'b-to-a', remote: 'vnet-a' },
      ],
    ),
    routeTable('rt-a', [{ name: 'default', prefix: '0.0.0.0/0', type: 'VirtualAppliance', ip: '10.0.0.4' }]),
    nsg('nsg-web', [{ name: 'allow-ssh', priority: 110, source: 'Internet', ports: '22' }]),
    nsg('nsg-db', [
      { name: 'allow-sql-from-web', priority: 100, source: '10.1.1.0/24', ports: '1433' },
      { name: 'deny-vnet', priority: 200, access: 'Deny', protocol: '*', source: 'VirtualNetwork' },
    ]),
    res(T.pip, 'pip-vm'),
    nic('nic-vm', { vnet: 'vnet-a', subnet: 'snet-web', publicIp: 'pip-vm' }),
  ];

  it('reports ports reachable from the Internet per NIC, with the rule and the public path', () => {
    const a = analyse(estate());
    const nicEntry = a.exposure().find((e) => e.kind === 'nic')!;
    expect(nicEntry.exposed.map((x) => formatPorts(x.ports))).toEqual(['22']);
    expect(nicEntry.exposed[0]!.allowedBy.map((r) => r.name)).toEqual(['allow-ssh']);
    expect(nicEntry.exposed[0]!.paths.map((p) => p.kind)).toEqual(['public-ip']);
    expect(nicEntry.exposed[0]!.wholeInternet).toBe(true);
    const db = a.exposure().find((e) => e.name === 'vnet-a/snet-db')!;
    expect(db.exposed).toEqual([]);
  });

  it('maps subnet-to-subnet reachability with ports', () => {
    const a = analyse(estate());
    const lat = a.lateral();
    const toDb = lat.edges.filter((e) => e.to.name === 'snet-db');
    expect(
      toDb.map((e) => `${e.from.vnet.name}/${e.from.name} ${e.traffic.map((t) => formatPorts(t.ports))}`),
    ).toEqual(['vnet-a/snet-web 1433']);
    const toB = lat.edges.filter((e) => e.to.name === 'snet-app').map((e) => `${e.from.name}:${e.via}`);
    expect(toB.sort()).toEqual(['snet-db:peering', 'snet-web:peering']);
  });

  it('applies the source subnet outbound NSG to lateral edges', () => {
    const resources = estate();
    resources.push(
      nsg('nsg-app-b', [
        {
          name: 'deny-out-to-a',
          priority: 100,
          direction: 'Outbound',
          access: 'Deny',
          protocol: '*',
          destination: '10.1.0.0/16',
        },
      ]),
    );
    const b = resources.find((r) => r.name === 'vnet-b')!;
    (b.properties.subnets as { properties: Record<string, unknown> }[])[0]!.properties.networkSecurityGroup =
      ref(T.nsg, 'nsg-app-b');
    const lat = analyse(resources).lateral();
    expect(lat.edges.filter((e) => e.from.name === 'snet-app')).toEqual([]);
    expect(lat.edges.filter((e) => e.to.name === 'snet-app').length).toBe(2);
  });

  it('flags spoke-to-spoke peerings as hub bypasses unless routed to the firewall', () => {
    const a = analyse(estate());
    const bypass = a.lateral().bypasses.map((b) => b.peering.resource.name);
    // vnet-a's 0.0.0.0/0 route to the firewall loses to the longer VNetPeering system route for
    // vnet-b's 10.2.0.0/16, so both directions bypass the firewall.
    expect(bypass).toEqual(['vnet-a/a-to-b', 'vnet-b/b-to-a']);
  });

  it('does not judge a peering to a VNet outside the scan', () => {
    const resources = estate().map((r) =>
      r.name === 'vnet-a'
        ? vnet(
            'vnet-a',
            ['10.1.0.0/16'],
            [{ name: 'snet-web', prefix: '10.1.1.0/24' }],
            [
              { name: 'a-to-hub', remote: 'vnet-hub' },
              // Perhaps the hub of another region: not in the scan, so nothing is known of it.
              { name: 'a-to-elsewhere', remote: 'vnet-elsewhere' },
            ],
          )
        : r,
    );
    const bypass = analyse(resources)
      .lateral()
      .bypasses.map((b) => b.peering.resource.name);
    expect(bypass).not.toContain('vnet-a/a-to-elsewhere');
  });

  it('does not flag a peering whose traffic a route as specific as the peer sends to the firewall', () => {
    const resources = estate().map((r) =>
      r.name === 'rt-a'
        ? routeTable('rt-a', [
            { name: 'default', prefix: '0.0.0.0/0', type: 'VirtualAppliance', ip: '10.0.0.4' },
            { name: 'to-b', prefix: '10.2.0.0/16', type: 'VirtualAppliance', ip: '10.0.0.4' },
          ])
        : r,
    );
    const bypass = analyse(resources)
      .lateral()
      .bypasses.map((b) => b.peering.resource.name);
    expect(bypass).toEqual(['vnet-b/b-to-a']);
  });
});
