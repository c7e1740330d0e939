import { describe, expect, it } from 'vitest';
import { ResourceGraph } from './graph.js';
import type { Resource } from './resource.js';
import { buildResourceId } from './resource-id.js';

function resource(type: string, name: string, properties: Record<string, unknown> = {}): Resource {
  return { type, name, id: buildResourceId(type, name.split('/')), properties, language: 'arm' };
}
const VNET = 'Microsoft.Network/virtualNetworks';
const SUBNET = 'Microsoft.Network/virtualNetworks/subnets';
const NSG = 'Microsoft.Network/networkSecurityGroups';

describe('ResourceGraph', () => {
  it('turns inline subnets into child resources', () => {
    const nsg = resource(NSG, 'nsg-web');
    const vnet = resource(VNET, 'vnet', {
      subnets: [
        { name: 'snet-web', properties: { networkSecurityGroup: { id: nsg.id } } },
        { name: 'snet-db', properties: {} },
      ],
    });
    const g = new ResourceGraph([vnet, nsg]);
    expect(g.ofType(SUBNET).map((s) => s.name)).toEqual(['vnet/snet-web', 'vnet/snet-db']);
    expect(g.childrenOf(vnet, 'subnets')).toHaveLength(2);
    const web = g.find(SUBNET, 'vnet/snet-web')!;
    expect(web.derived).toBe(true);
    expect(g.parentOf(web)).toBe(vnet);
    expect(g.resolve(web.properties.networkSecurityGroup)).toBe(nsg);
    expect(g.referencesTo(nsg).map((e) => [e.from.name, e.path.join('.')])).toEqual([
      ['vnet', 'properties.subnets.0.properties.networkSecurityGroup.id'],
      ['vnet/snet-web', 'properties.networkSecurityGroup.id'],
    ]);
  });

  it('adds separately declared subnets to the parent array, once', () => {
    const vnet = resource(VNET, 'vnet', { subnets: [{ name: 'a', properties: {} }] });
    const b = resource(SUBNET, 'vnet/b', { addressPrefix: '10.0.1.0/24' });
    const a = resource(SUBNET, 'vnet/a', {});
    const g = new ResourceGraph([vnet, b, a]);
    const names = (vnet.properties.subnets as { name: string }[]).map((s) => s.name);
    expect(names).toEqual(['a', 'b']);
    expect(g.ofType(SUBNET)).toHaveLength(2);
    expect(
      g
        .childrenOf(vnet)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['vnet/a', 'vnet/b']);
  });

  it('matches ids case-insensitively and across symbolic and concrete scopes', () => {
    const nsg = resource(NSG, 'nsg-web');
    const g = new ResourceGraph([nsg]);
    expect(
      g.byId(
        '/subscriptions/0000/resourceGroups/rg-x/providers/microsoft.network/networksecuritygroups/NSG-WEB',
      ),
    ).toBe(nsg);
    expect(
      g.byId(
        '/subscriptions/0000/resourceGroups/rg-x/providers/Microsoft.Network/networkSecurityGroups/other',
      ),
    ).toBeUndefined();
    expect(g.byId(42)).toBeUndefined();
  });

  it('prefers the candidate in the same resource group when names collide', () => {
    const a = {
      ...resource(NSG, 'nsg'),
      id: '/subscriptions/s/resourceGroups/rg-a/providers/Microsoft.Network/networkSecurityGroups/nsg',
    };
    const b = {
      ...resource(NSG, 'nsg'),
      id: '/subscriptions/s/resourceGroups/rg-b/providers/Microsoft.Network/networkSecurityGroups/nsg',
    };
    const g = new ResourceGraph([a, b]);
    expect(
      g.byId('/subscriptions/s/resourceGroups/RG-B/providers/Microsoft.Network/networkSecurityGroups/nsg'),
    ).toBe(b);
  });

  it('keeps the children of namesakes in different resource groups apart', () => {
    const inGroup = (r: Resource, rg: string): Resource => ({
      ...r,
      id: r.id.replace('{resourceGroupName}', rg),
    });
    const a = inGroup(resource(VNET, 'vnet', { subnets: [{ name: 'snet', properties: {} }] }), 'rg-a');
    const b = inGroup(resource(VNET, 'vnet', { subnets: [{ name: 'snet', properties: {} }] }), 'rg-b');
    const extra = inGroup(resource(SUBNET, 'vnet/extra', {}), 'rg-b');
    const g = new ResourceGraph([a, b, extra]);
    expect(g.childrenOf(a, 'subnets').map((s) => s.id)).toEqual([`${a.id}/subnets/snet`]);
    expect(
      g
        .childrenOf(b, 'subnets')
        .map((s) => s.name)
        .sort(),
    ).toEqual(['vnet/extra', 'vnet/snet']);
    expect((a.properties.subnets as unknown[]).length).toBe(1);
  });
});
