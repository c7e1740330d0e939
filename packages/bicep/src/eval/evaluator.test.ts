// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are Bicep source, whose interpolation is ${...}
import { isUnknown, locateValue, type Resource, ResourceGraph } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { loadMemory } from '../testing/memory.js';

const NSG = 'Microsoft.Network/networkSecurityGroups';
const ID_PREFIX = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers';

function load(main: string, extra: Record<string, string> = {}) {
  const result = loadMemory({ 'main.bicep': main, ...extra });
  const failed = result.outcomes.filter((o) => o.status === 'failed');
  if (failed.length) throw new Error(failed.map((f) => f.reason).join('\n'));
  return result;
}

function byName(resources: readonly Resource[], name: string): Resource {
  const r = resources.find((x) => x.name === name);
  if (!r) throw new Error(`no resource ${name} in ${resources.map((x) => x.name).join(', ')}`);
  return r;
}

describe('symbolic references', () => {
  const main = `param location string = 'westeurope'
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {
  name: 'nsg-web'
  location: location
  properties: {
    securityRules: [
      {
        name: 'allow-ssh'
        properties: {
          access: 'Allow'
          direction: 'Inbound'
          destinationPortRange: '22'
        }
      }
    ]
  }
}
resource rt 'Microsoft.Network/routeTables@2023-04-01' existing = {
  name: 'rt-hub'
}
resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = {
  name: 'vnet-\${nsg.name}'
  location: nsg.location
  properties: {
    subnets: [
      {
        name: 'web'
        properties: {
          networkSecurityGroup: { id: nsg.id }
          routeTable: { id: rt.id }
        }
      }
    ]
  }
  resource extra 'subnets' = {
    name: 'extra'
    properties: {
      addressPrefix: '10.0.1.0/24'
    }
  }
}
resource flow 'Microsoft.Network/networkWatchers/flowLogs@2023-04-01' = {
  name: 'nw/flow'
  properties: {
    subnetId: vnet::extra.id
    webSubnetId: vnet.properties.subnets[0].id
    firstRule: nsg.properties.securityRules[0].properties.access
    state: nsg.properties.provisioningState
    routes: rt.properties.routes
  }
}
`;

  it('resolves ids, names, declared properties and child resources', () => {
    const { resources } = load(main);
    expect(resources.map((r) => r.name)).toEqual([
      'nsg-web',
      'vnet-nsg-web',
      'vnet-nsg-web/extra',
      'nw/flow',
    ]);
    const vnet = byName(resources, 'vnet-nsg-web');
    const subnet = (vnet.properties.subnets as { properties: Record<string, { id: string }> }[])[0]!;
    expect(subnet.properties.networkSecurityGroup!.id).toBe(`${ID_PREFIX}/${NSG}/nsg-web`);
    expect(subnet.properties.routeTable!.id).toBe(`${ID_PREFIX}/Microsoft.Network/routeTables/rt-hub`);
    expect(vnet.location).toBe('westeurope');
    const extra = byName(resources, 'vnet-nsg-web/extra');
    expect(extra.type).toBe('Microsoft.Network/virtualNetworks/subnets');
    expect(extra.apiVersion).toBe('2023-04-01');
    const flow = byName(resources, 'nw/flow');
    expect(flow.properties.subnetId).toBe(
      `${ID_PREFIX}/Microsoft.Network/virtualNetworks/vnet-nsg-web/subnets/extra`,
    );
    expect(flow.properties.firstRule).toBe('Allow');
    expect(flow.properties.webSubnetId).toBe(
      `${ID_PREFIX}/Microsoft.Network/virtualNetworks/vnet-nsg-web/subnets/web`,
    );
    // The emitted VNet keeps what the file wrote (no computed id in its subnets).
    expect((vnet.properties.subnets as { id?: string }[])[0]!.id).toBeUndefined();
  });

  it('makes runtime and existing-resource properties Unknown and does not emit existing resources', () => {
    const { resources } = load(main);
    const flow = byName(resources, 'nw/flow');
    expect(isUnknown(flow.properties.state)).toBe(true);
    expect(isUnknown(flow.properties.routes)).toBe(true);
    expect(resources.some((r) => r.name === 'rt-hub')).toBe(false);
  });

  it('gives the graph edges from subnets to NSGs', () => {
    const graph = new ResourceGraph(load(main).resources);
    const web = graph.find('Microsoft.Network/virtualNetworks/subnets', 'vnet-nsg-web/web')!;
    expect(graph.resolve(web.properties.networkSecurityGroup)?.name).toBe('nsg-web');
  });

  it('locates properties on their .bicep line', () => {
    const { resources } = load(main);
    const nsg = byName(resources, 'nsg-web');
    expect(nsg.origin?.locate([])?.startLine).toBe(2);
    expect(
      locateValue(nsg, ['properties', 'securityRules', 0, 'properties', 'destinationPortRange']),
    ).toMatchObject({
      file: '/mem/main.bicep',
      startLine: 12,
    });
    expect(locateValue(nsg, ['properties', 'securityRules', 0])?.startLine).toBe(7);
  });
});

describe('loops and conditions', () => {
  it('expands loops over arrays, ranges and items(), with indices', () => {
    const { resources } = load(`var rules = {
  ssh: 22
  rdp: 3389
}
resource nsgs '${NSG}@2023-04-01' = [for (name, i) in ['a', 'b']: {
  name: 'nsg-\${name}-\${i}'
  properties: {
    securityRules: [for r in items(rules): {
      name: r.key
      properties: { destinationPortRange: string(r.value) }
    }]
  }
}]
resource pips 'Microsoft.Network/publicIPAddresses@2023-04-01' = [for i in range(1, 2): {
  name: 'pip\${i}'
}]
output first string = nsgs[0].id
`);
    expect(resources.map((r) => r.name)).toEqual(['nsg-a-0', 'nsg-b-1', 'pip1', 'pip2']);
    const rules = resources[0]!.properties.securityRules as {
      name: string;
      properties: { destinationPortRange: string };
    }[];
    expect(rules.map((r) => [r.name, r.properties.destinationPortRange])).toEqual([
      ['rdp', '3389'],
      ['ssh', '22'],
    ]);
    expect(
      locateValue(resources[1]!, ['properties', 'securityRules', 1, 'properties', 'destinationPortRange'])
        ?.startLine,
    ).toBe(10);
  });

  it('omits statically false resources and keeps unknown conditions as Unknown', () => {
    const { resources } = load(`param deployBastion bool
param env string = 'prod'
resource a '${NSG}@2023-04-01' = if (env == 'dev') {
  name: 'dev-only'
}
resource b '${NSG}@2023-04-01' = if (deployBastion) {
  name: 'maybe'
}
resource c '${NSG}@2023-04-01' = if (env == 'prod') {
  name: 'prod'
}
resource d '${NSG}@2023-04-01' = [for n in ['x', 'y']: if (n == 'y') {
  name: n
}]
`);
    expect(resources.map((r) => r.name)).toEqual(['maybe', 'prod', 'y']);
    expect(isUnknown(byName(resources, 'maybe').condition)).toBe(true);
    expect(byName(resources, 'prod').condition).toBe(true);
  });

  it('flags a resource whose whole properties object is not known statically', () => {
    const { resources } = load(`param props object
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st'
  properties: props
}
`);
    expect(resources[0]!.properties).toEqual({});
    expect(resources[0]!.propertiesUnknown).toBe("parameter 'props' has no default value");
  });

  it('keeps one representative of a loop whose length is unknown, with static properties', () => {
    const { resources } = load(`param names array
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = [for n in names: {
  name: n
  properties: { supportsHttpsTrafficOnly: false }
}]
`);
    expect(resources).toHaveLength(1);
    expect(resources[0]!.name).toMatch(/^<unknown/);
    expect(isUnknown(resources[0]!.condition)).toBe(true);
    expect(resources[0]!.properties.supportsHttpsTrafficOnly).toBe(false);
  });
});

describe('expressions through the shared function library', () => {
  it('leaves comparisons with the deployment placeholders unknown', () => {
    const { resources } = load(`resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st'
  properties: {
    minimumTlsVersion: resourceGroup().name == 'rg-prod' ? 'TLS1_2' : 'TLS1_0'
    allowBlobPublicAccess: endsWith(resourceGroup().id, '-prod')
    publicNetworkAccess: resourceGroup().name == resourceGroup().name ? 'Disabled' : 'Enabled'
  }
}
`);
    const p = resources[0]!.properties;
    expect(isUnknown(p.minimumTlsVersion)).toBe(true);
    expect(isUnknown(p.allowBlobPublicAccess)).toBe(true);
    expect(p.publicNetworkAccess).toBe('Disabled');
  });

  it('evaluates built-ins, lambdas, user functions, ternaries, ?? and safe access', () => {
    const { resources } = load(`param cfg object = { tls: 'TLS1_2', nested: null }
func prefixed(p string) string => 'st\${toLower(p)}'
var ports = filter(map([22, 80, 443], p => p + 0), p => p != 80)
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: prefixed('ABC')
  properties: {
    minimumTlsVersion: cfg.?tls ?? 'TLS1_0'
    missing: cfg.?nope ?? 'fallback'
    safe: cfg.nested.?deeper
    ports: ports
    https: length(ports) == 2 ? true : false
    id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'v', 's')
    joined: concat('a', 'b')
    sysCall: sys.toUpper('x')
  }
}
`);
    const p = resources[0]!.properties;
    expect(resources[0]!.name).toBe('stabc');
    expect(p).toMatchObject({
      minimumTlsVersion: 'TLS1_2',
      missing: 'fallback',
      safe: null,
      ports: [22, 443],
      https: true,
      joined: 'ab',
      sysCall: 'X',
    });
    expect(p.id).toBe(`${ID_PREFIX}/Microsoft.Network/virtualNetworks/v/subnets/s`);
  });

  it('reads loadJsonContent beside the file and refuses paths outside the root', () => {
    const { resources, diagnostics } = load(
      `var cfg = loadJsonContent('config.json')
var outside = loadTextContent('../../etc/passwd')
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: cfg.name
  properties: { note: outside }
}
`,
      { 'config.json': '{ "name": "stfromjson" }' },
    );
    expect(resources[0]!.name).toBe('stfromjson');
    expect(isUnknown(resources[0]!.properties.note)).toBe(true);
    expect(diagnostics.find((d) => d.code === 'load-content')?.message).toMatch(/outside the scanned root/);
  });
});

describe('imports, nested children and conditions', () => {
  it('reads variables and functions imported from another file', () => {
    const { resources } = load(
      `import { tlsVersion, nameOf as named } from 'shared.bicep'
import * as shared from 'shared.bicep'
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: named('x')
  properties: {
    minimumTlsVersion: tlsVersion
    other: shared.tlsVersion
  }
}
`,
      {
        'shared.bicep':
          "@export()\nvar tlsVersion = 'TLS1_2'\n@export()\nfunc nameOf(s string) string => 'st${s}'\n",
      },
    );
    expect(resources[0]!.name).toBe('stx');
    expect(resources[0]!.properties).toMatchObject({ minimumTlsVersion: 'TLS1_2', other: 'TLS1_2' });
  });

  it('gives nested children the parent condition and emits children of existing parents', () => {
    const { resources } = load(`param deploy bool
resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' existing = {
  name: 'hub'
  resource sn 'subnets' = {
    name: 'a'
  }
}
resource nsg '${NSG}@2023-04-01' = if (deploy) {
  name: 'n'
  resource rule 'securityRules' = {
    name: 'r'
    properties: { access: 'Deny' }
  }
}
`);
    expect(resources.map((r) => r.name)).toEqual(['hub/a', 'n', 'n/r']);
    expect(isUnknown(byName(resources, 'n/r').condition)).toBe(true);
    expect(byName(resources, 'hub/a').id).toBe(
      `${ID_PREFIX}/Microsoft.Network/virtualNetworks/hub/subnets/a`,
    );
  });

  it('builds IDs of extension resources and explicitly scoped resources', () => {
    const { resources } = load(`resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st'
}
resource lock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'lock'
  scope: st
}
resource other 'Microsoft.Network/networkSecurityGroups@2023-04-01' existing = {
  name: 'remote'
  scope: resourceGroup('sub1', 'rg1')
}
resource ref 'Microsoft.Network/virtualNetworks@2023-04-01' = {
  name: 'v'
  properties: { nsgId: other.id }
}
`);
    expect(byName(resources, 'lock').id).toBe(
      `${ID_PREFIX}/Microsoft.Storage/storageAccounts/st/providers/Microsoft.Authorization/locks/lock`,
    );
    expect(byName(resources, 'v').properties.nsgId).toBe(
      '/subscriptions/sub1/resourceGroups/rg1/providers/Microsoft.Network/networkSecurityGroups/remote',
    );
  });
});

describe('spans through function results', () => {
  it('locates keys of union() and items of concat() where they were written', () => {
    const { resources } = load(`var defaults = {
  supportsHttpsTrafficOnly: true
  minimumTlsVersion: 'TLS1_0'
}
var extraRules = [
  {
    name: 'b'
  }
]
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st'
  properties: union(defaults, {
    minimumTlsVersion: 'TLS1_2'
  })
}
resource nsg '${NSG}@2023-04-01' = {
  name: 'n'
  properties: {
    securityRules: concat([
      {
        name: 'a'
      }
    ], extraRules)
  }
}
`);
    const st = byName(resources, 'st');
    expect(st.properties).toMatchObject({ supportsHttpsTrafficOnly: true, minimumTlsVersion: 'TLS1_2' });
    expect(locateValue(st, ['properties', 'minimumTlsVersion'])?.startLine).toBe(13);
    expect(locateValue(st, ['properties', 'supportsHttpsTrafficOnly'])?.startLine).toBe(2);
    const nsg = byName(resources, 'n');
    expect(locateValue(nsg, ['properties', 'securityRules', 0, 'name'])?.startLine).toBe(21);
    expect(locateValue(nsg, ['properties', 'securityRules', 1, 'name'])?.startLine).toBe(7);
    // A filtered array of strings does not map indices back (that would name the wrong line).
    const filtered = load(`resource n '${NSG}@2023-04-01' = {
  name: 'n'
  properties: {
    ports: filter([
      '22'
      '80'
    ], p => p != '22')
  }
}
`).resources[0]!;
    expect(filtered.properties.ports).toEqual(['80']);
    expect(locateValue(filtered, ['properties', 'ports', 0])?.startLine).toBe(4);
  });
});

describe('parameter bindings', () => {
  it('records bindings for properties that are exactly a parameter', () => {
    const { resources } = load(`@description('Minimum TLS')
@allowed([
  'TLS1_0'
  'TLS1_2'
])
param minimumTlsVersion string = 'TLS1_2'
type accessType = 'Enabled' | 'Disabled'
param access accessType? = 'Enabled'
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st'
  properties: {
    minimumTlsVersion: minimumTlsVersion
    publicNetworkAccess: access
    other: toLower(access)
  }
}
`);
    const bindings = resources[0]!.bindings!;
    expect([...bindings.keys()]).toEqual(['properties.minimumTlsVersion', 'properties.publicNetworkAccess']);
    expect(bindings.get('properties.minimumTlsVersion')).toMatchObject({
      name: 'minimumTlsVersion',
      kind: 'parameter',
      allowedValues: ['TLS1_0', 'TLS1_2'],
      defaultValue: 'TLS1_2',
      declaration: { file: '/mem/main.bicep', startLine: 6 },
    });
    // Through a local type alias and `?`.
    expect(bindings.get('properties.publicNetworkAccess')?.allowedValues).toEqual(['Enabled', 'Disabled']);
  });
});
