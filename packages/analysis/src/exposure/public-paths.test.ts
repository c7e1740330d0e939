import { describe, expect, it } from 'vitest';
import { formatPorts } from '../net/port-set.js';
import { analyse, nic, nsg, ref, res, T, vnet } from '../testing/graph.js';
import { exposureRows } from './summary.js';

const lbId = (sub: string, name: string) => `${ref(T.lb, 'lb-web').id}/${sub}/${name}`;

describe('public paths', () => {
  const estate = () => [
    vnet(
      'vnet-a',
      ['10.1.0.0/16'],
      [
        { name: 'snet-web', prefix: '10.1.1.0/24', nsg: 'nsg-web' },
        { name: 'snet-agw', prefix: '10.1.2.0/24' },
        { name: 'snet-dnat', prefix: '10.1.3.0/24' },
      ],
    ),
    nsg('nsg-web', [{ name: 'allow-all', priority: 100, protocol: '*', source: '*', ports: '*' }]),
    res(T.pip, 'pip-lb'),
    res(T.lb, 'lb-web', {
      frontendIPConfigurations: [{ name: 'fe', properties: { publicIPAddress: ref(T.pip, 'pip-lb') } }],
      backendAddressPools: [{ name: 'pool' }],
      loadBalancingRules: [
        {
          name: 'https',
          properties: {
            frontendIPConfiguration: { id: lbId('frontendIPConfigurations', 'fe') },
            backendAddressPool: { id: lbId('backendAddressPools', 'pool') },
            protocol: 'Tcp',
            frontendPort: 443,
            backendPort: 8443,
          },
        },
      ],
      inboundNatRules: [
        {
          name: 'ssh-vm1',
          properties: {
            frontendIPConfiguration: { id: lbId('frontendIPConfigurations', 'fe') },
            protocol: 'Tcp',
            frontendPort: 50001,
            backendPort: 22,
          },
        },
      ],
    }),
    res(T.nic, 'nic-vm1', {
      ipConfigurations: [
        {
          name: 'c',
          properties: {
            subnet: ref(T.subnet, 'vnet-a/snet-web'),
            loadBalancerBackendAddressPools: [{ id: lbId('backendAddressPools', 'pool') }],
            loadBalancerInboundNatRules: [{ id: lbId('inboundNatRules', 'ssh-vm1') }],
          },
        },
      ],
    }),
    res('Microsoft.Network/applicationGateways', 'agw', {
      gatewayIPConfigurations: [{ name: 'g', properties: { subnet: ref(T.subnet, 'vnet-a/snet-agw') } }],
      frontendIPConfigurations: [{ name: 'fe', properties: { publicIPAddress: ref(T.pip, 'pip-agw') } }],
      frontendPorts: [{ name: 'p443', properties: { port: 443 } }],
    }),
    res(T.fw, 'fw', {
      natRuleCollections: [
        {
          name: 'dnat',
          properties: {
            action: { type: 'Dnat' },
            rules: [
              {
                name: 'rdp',
                protocols: ['TCP'],
                destinationPorts: ['3389'],
                translatedAddress: '10.1.3.4',
                translatedPort: '3389',
              },
            ],
          },
        },
      ],
    }),
    nic('nic-dnat', { vnet: 'vnet-a', subnet: 'snet-dnat', ip: '10.1.3.4' }),
    nic('nic-other', { vnet: 'vnet-a', subnet: 'snet-dnat', ip: '10.1.3.5' }),
  ];

  it('finds load balancer rules, NAT rules, application gateways and firewall DNAT rules', () => {
    const a = analyse(estate());
    const kinds = a.publicPaths.map((p) => `${p.kind}:${p.ports ? formatPorts(p.ports) : '*'}`).sort();
    expect(kinds).toEqual([
      'application-gateway:443',
      'firewall-dnat:3389',
      'inbound-nat-rule:22',
      'load-balancer-rule:8443',
    ]);
  });

  it('limits reachable ports to what the paths forward', () => {
    const a = analyse(estate());
    const rows = exposureRows(a.exposure());
    const vm1 = rows.filter((r) => r.target.startsWith('nic-vm1'));
    expect(vm1).toHaveLength(1);
    expect(vm1[0]!.reachable).toBe(true);
    expect(vm1[0]!.via.sort()).toEqual([
      'load balancer lb-web NAT rule ssh-vm1',
      'load balancer lb-web rule https',
    ]);
    const entry = a.exposure().find((e) => e.name.startsWith('nic-vm1'))!;
    expect(formatPorts(entry.exposed[0]!.reachablePorts)).toBe('22,8443');
    // DNAT reaches only the translated address, not its neighbour in the same subnet.
    const dnat = a.exposure().find((e) => e.name.startsWith('nic-dnat'))!;
    const other = a.exposure().find((e) => e.name.startsWith('nic-other'))!;
    expect(dnat.exposed.some((t) => t.reachablePorts.has(3389n))).toBe(true);
    expect(other.exposed.some((t) => !t.reachablePorts.isEmpty)).toBe(false);
    // The application gateway's own subnet is the public entry point on its listener port.
    const agw = a.exposure().find((e) => e.name === 'vnet-a/snet-agw')!;
    expect(agw.exposed.some((t) => t.reachablePorts.has(443n))).toBe(true);
  });

  it('leaves gateway and firewall subnets, which take no NSG and hold no hosts, out of the map', () => {
    const a = analyse([
      vnet(
        'vnet-hub',
        ['10.0.0.0/16'],
        [
          { name: 'GatewaySubnet', prefix: '10.0.1.0/27' },
          { name: 'AzureFirewallSubnet', prefix: '10.0.0.0/26' },
          { name: 'AzureBastionSubnet', prefix: '10.0.2.0/26' },
          { name: 'snet-shared', prefix: '10.0.3.0/24' },
        ],
      ),
    ]);
    const hosts = a
      .exposure()
      .filter((e) => e.standsForHosts)
      .map((e) => e.name);
    expect(hosts).toEqual(['vnet-hub/AzureBastionSubnet', 'vnet-hub/snet-shared']);
    expect(new Set(exposureRows(a.exposure()).map((r) => r.target))).toEqual(new Set(hosts));
  });

  it("closes a scale set's per-instance Standard public IPs when no NSG allows anything", () => {
    const scaleSet = (name: string, sku?: string) =>
      res('Microsoft.Compute/virtualMachineScaleSets', name, {
        virtualMachineProfile: {
          networkProfile: {
            networkInterfaceConfigurations: [
              {
                name: 'nic',
                properties: {
                  ipConfigurations: [
                    {
                      name: 'ip',
                      properties: {
                        subnet: ref(T.subnet, 'vnet-a/snet-app'),
                        publicIPAddressConfiguration: { name: 'pip', ...(sku ? { sku: { name: sku } } : {}) },
                      },
                    },
                  ],
                },
              },
            ],
          },
        },
      });
    const a = analyse([
      vnet('vnet-a', ['10.1.0.0/16'], [{ name: 'snet-app', prefix: '10.1.1.0/24' }]),
      scaleSet('vmss-standard', 'Standard'),
      scaleSet('vmss-unspecified'),
    ]);
    const reachable = (name: string) =>
      a
        .exposure()
        .find((e) => e.name.startsWith(name))!
        .exposed.some((t) => !t.reachablePorts.isEmpty);
    expect(reachable('vmss-standard')).toBe(false);
    // No SKU written: ztkit does not assume the secure default.
    expect(reachable('vmss-unspecified')).toBe(true);
  });
});
