// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are Bicep source, whose interpolation is ${...}
import { isUnknown, locateValue } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { loadMemory } from '../testing/memory.js';

const NSG = 'Microsoft.Network/networkSecurityGroups';

const NETWORK = `param prefix string
@allowed([
  'Enabled'
  'Disabled'
])
param publicAccess string = 'Disabled'
resource nsg '${NSG}@2023-04-01' = {
  name: '\${prefix}-nsg'
  properties: {
    securityRules: []
  }
}
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: '\${prefix}st'
  properties: {
    publicNetworkAccess: publicAccess
  }
}
output nsgId string = nsg.id
`;

describe('local modules', () => {
  const files = {
    'main.bicep': `module net 'modules/network.bicep' = {
  name: 'net'
  params: {
    prefix: 'web'
    publicAccess: 'Enabled'
  }
}
module loop 'modules/network.bicep' = [for p in ['a', 'b']: {
  params: { prefix: p }
}]
resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = {
  name: 'vnet'
  properties: {
    subnets: [
      {
        name: 'web'
        properties: { networkSecurityGroup: { id: net.outputs.nsgId } }
      }
    ]
  }
}
`,
    'modules/network.bicep': NETWORK,
  };

  it('evaluates modules with their params, outputs and via', () => {
    const { resources, outcomes } = loadMemory(files);
    expect(resources.map((r) => r.name).sort()).toEqual(
      ['ast', 'a-nsg', 'bst', 'b-nsg', 'vnet', 'webst', 'web-nsg'].sort(),
    );
    const webSt = resources.find((r) => r.name === 'webst')!;
    expect(webSt.properties.publicNetworkAccess).toBe('Enabled');
    expect(webSt.via?.map((s) => [s.file, s.startLine])).toEqual([['/mem/main.bicep', 1]]);
    // The property is found on its line in the module file.
    expect(locateValue(webSt, ['properties', 'publicNetworkAccess'])).toMatchObject({
      file: '/mem/modules/network.bicep',
      startLine: 16,
    });
    // The caller passes a known value: that is the value, nothing is left to choose, so no binding.
    expect(webSt.bindings?.get('properties.publicNetworkAccess')).toBeUndefined();
    // Not passed: the module's default is the value. The binding points at the module's own
    // parameter with that default, but not its allowed values (no deployer chooses among them).
    const aSt = resources.find((r) => r.name === 'ast')!;
    expect(aSt.properties.publicNetworkAccess).toBe('Disabled');
    const aBinding = aSt.bindings?.get('properties.publicNetworkAccess');
    expect(aBinding).toMatchObject({
      name: 'publicAccess',
      defaultValue: 'Disabled',
      declaration: { file: '/mem/modules/network.bicep', startLine: 6 },
    });
    expect(aBinding?.allowedValues).toBeUndefined();
    const vnet = resources.find((r) => r.name === 'vnet')!;
    const subnet = (
      vnet.properties.subnets as { properties: { networkSecurityGroup: { id: string } } }[]
    )[0]!;
    expect(subnet.properties.networkSecurityGroup.id).toMatch(/networkSecurityGroups\/web-nsg$/);
    expect(resources.find((r) => r.name === 'a-nsg')?.via?.[0]?.startLine).toBe(8);
    // The module file is scanned through its caller only.
    expect(outcomes.find((o) => o.path === '/mem/modules/network.bicep')).toMatchObject({
      status: 'scanned',
      reason: 'module of ../main.bicep',
    });
    expect(outcomes.find((o) => o.path === '/mem/main.bicep')).toMatchObject({
      status: 'scanned',
      resources: 7,
    });
  });

  it('keeps one copy of a resource a module loop deploys identically', () => {
    const { resources } = loadMemory({
      'main.bicep':
        "module m 'm.bicep' = [for iteration in ['init', 'idem']: {\n  params: { prefix: 'same' }\n}]\n",
      'm.bicep': NETWORK,
    });
    expect(resources.map((r) => r.name)).toEqual(['same-nsg', 'samest']);
    // With unknown names, iterations may be different resources: all are kept.
    const unknownNames = loadMemory({
      'main.bicep':
        "param p string\nmodule m 'm.bicep' = [for x in ['a', 'b']: {\n  params: { prefix: '${p}${x}' }\n}]\n",
      'm.bicep': NETWORK,
    });
    expect(unknownNames.resources).toHaveLength(4);
  });

  it('passes unknown module parameters through as Unknown', () => {
    const { resources } = loadMemory({
      'main.bicep': "param p string\nmodule m 'm.bicep' = {\n  params: { prefix: p }\n}\n",
      'm.bicep': NETWORK,
    });
    expect(resources.every((r) => r.name.startsWith('<unknown'))).toBe(true);
    expect(resources.find((r) => r.type.endsWith('storageAccounts'))?.properties.publicNetworkAccess).toBe(
      'Disabled',
    );
  });

  it('keeps the allowed values, not the default, of a module parameter given an unknown value', () => {
    const { resources } = loadMemory({
      'main.bicep':
        "param access string\nmodule m 'm.bicep' = {\n  params: { prefix: 'p', publicAccess: access }\n}\n",
      'm.bicep': NETWORK,
    });
    const st = resources.find((r) => r.type.endsWith('storageAccounts'))!;
    expect(isUnknown(st.properties.publicNetworkAccess)).toBe(true);
    const b = st.bindings?.get('properties.publicNetworkAccess');
    expect(b).toMatchObject({ name: 'publicAccess', allowedValues: ['Enabled', 'Disabled'] });
    expect(b?.defaultValue).toBeUndefined();
  });

  it('reports registry and template-spec modules as not resolved, without failing', () => {
    const { resources, diagnostics, outcomes } = loadMemory({
      'main.bicep': `module a 'br/public:avm/res/network/virtual-network:0.5.0' = {
  params: { name: 'x' }
}
module b 'ts:00000000-0000-0000-0000-000000000000/rg/spec:1.0' = {
  params: {}
}
output id string = a.outputs.resourceId
`,
    });
    expect(resources).toEqual([]);
    expect(outcomes[0]).toMatchObject({ status: 'scanned' });
    const codes = diagnostics.filter((d) => d.code === 'module-not-resolved');
    expect(codes).toHaveLength(2);
    expect(codes[0]).toMatchObject({ severity: 'info', span: { startLine: 1 } });
    expect(codes[0]!.message).toMatch(/registry or template spec/);
  });

  it('takes parameter values from a .bicepparam file that uses the template', () => {
    const { resources, outcomes } = loadMemory({
      'main.bicep': NETWORK,
      'main.bicepparam':
        "using './main.bicep'\nvar p = 'prod'\nparam prefix = '${p}x'\nparam publicAccess = 'Enabled'\n",
    });
    expect(resources.map((r) => r.name)).toEqual(['prodx-nsg', 'prodxst']);
    expect(resources[1]!.properties.publicNetworkAccess).toBe('Enabled');
    expect(outcomes.find((o) => o.path.endsWith('.bicepparam'))).toMatchObject({
      status: 'scanned',
      reason: 'parameters for main.bicep',
    });
  });

  it('evaluates the other parameter files when one of them fails', () => {
    const { resources, outcomes } = loadMemory({
      'main.bicep':
        "param n int\nresource st 'Microsoft.Storage/storageAccounts@2023-01-01' = [for i in range(0, n): {\n  name: 'st${i}'\n}]\n",
      'a.bicepparam': "using './main.bicep'\nparam n = 100000\n",
      'b.bicepparam': "using './main.bicep'\nparam n = 2\n",
    });
    expect(resources.map((r) => r.name)).toEqual(['st0', 'st1']);
    const main = outcomes.find((o) => o.path === '/mem/main.bicep')!;
    expect(main).toMatchObject({ status: 'scanned', resources: 2 });
    expect(main.reason).toMatch(/^not every parameter file could be evaluated: with a\.bicepparam: /);
  });

  it('evaluates the template once per .bicepparam file that uses it', () => {
    const files = {
      'main.bicep': NETWORK,
      'dev.bicepparam': "using './main.bicep'\nparam prefix = 'dev'\n",
      'prod.bicepparam': "using './main.bicep'\nparam prefix = 'prod'\nparam publicAccess = 'Enabled'\n",
    };
    const { resources, outcomes } = loadMemory(files);
    expect(resources.map((r) => [r.name, r.deployment])).toEqual([
      ['dev-nsg', '/mem/dev.bicepparam'],
      ['devst', '/mem/dev.bicepparam'],
      ['prod-nsg', '/mem/prod.bicepparam'],
      ['prodst', '/mem/prod.bicepparam'],
    ]);
    expect(resources.map((r) => r.properties.publicNetworkAccess)).toEqual([
      undefined,
      'Disabled',
      undefined,
      'Enabled',
    ]);
    expect(outcomes.find((o) => o.path === '/mem/main.bicep')).toMatchObject({
      status: 'scanned',
      resources: 4,
    });
    // `--parameters prod.bicepparam` names the deployment to judge.
    const chosen = loadMemory(files, { parameterFiles: ['prod.bicepparam'] });
    expect(chosen.resources.map((r) => [r.name, r.deployment])).toEqual([
      ['prod-nsg', undefined],
      ['prodst', undefined],
    ]);
  });

  it('evaluates a module that has a .bicepparam of its own as a deployment too', () => {
    const files = {
      'main.bicep': "module net 'network.bicep' = {\n  name: 'net'\n  params: { prefix: 'called' }\n}\n",
      'network.bicep': NETWORK,
      'network.bicepparam': "using './network.bicep'\nparam prefix = 'alone'\n",
    };
    const { resources, outcomes } = loadMemory(files);
    expect(resources.map((r) => r.name).sort()).toEqual(['alone-nsg', 'alonest', 'called-nsg', 'calledst']);
    expect(outcomes.filter((o) => o.path === '/mem/network.bicep')).toEqual([
      { path: '/mem/network.bicep', status: 'scanned', language: 'bicep', resources: 2 },
    ]);
    // The template not among the scanned files (only its caller and parameter file are): one outcome still.
    const partial = loadMemory(files, { only: ['main.bicep', 'network.bicepparam'] });
    expect(partial.resources).toHaveLength(4);
    expect(partial.outcomes.filter((o) => o.path === '/mem/network.bicep')).toHaveLength(1);
  });

  it('applies the values of an extended .bicepparam under its own, and base.x reads them', () => {
    const { resources, diagnostics } = loadMemory({
      'main.bicep': NETWORK,
      'root.bicepparam': "using none\nparam publicAccess = 'Enabled'\nparam prefix = 'root'\n",
      'base.bicepparam': "using none\nextends 'root.bicepparam'\nvar hidden = 'b'\nparam prefix = 'base'\n",
      'main.bicepparam':
        "using './main.bicep'\nextends 'base.bicepparam'\nparam prefix = '${base.prefix}-derived'\n",
    });
    expect(resources.map((r) => r.name)).toEqual(['base-derived-nsg', 'base-derivedst']);
    expect(resources[1]!.properties.publicNetworkAccess).toBe('Enabled');
    expect(diagnostics).toEqual([]);
  });

  it('reports a base parameter file that cannot be read, without an absolute path', () => {
    const { resources, diagnostics } = loadMemory({
      'main.bicep': NETWORK,
      'main.bicepparam':
        "using './main.bicep'\nextends 'missing.bicepparam'\nparam prefix = base.prefix\nparam publicAccess = nope\n",
    });
    // base.prefix is not known, so neither is the name built from it.
    expect(resources[0]!.name).toBe("<unknown: '${prefix}-nsg'>");
    const extendsWarning = diagnostics.find((d) => d.code === 'bicepparam-extends')!;
    expect(extendsWarning.message).toMatch(/^base parameter file 'missing\.bicepparam': /);
    expect(extendsWarning.span).toMatchObject({ file: '/mem/main.bicepparam', startLine: 2 });
    // The span says which file; the message does not repeat its absolute path.
    expect(diagnostics.find((d) => d.code === 'unknown-symbol')?.message).toBe("'nope' is not declared");
  });

  it('leaves no parameter choice to report where the .bicepparam file gives the value', () => {
    const template = [
      "@allowed(['TLS1_0', 'TLS1_2'])",
      "param tls string = 'TLS1_0'",
      "param access string = 'Enabled'",
      "resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {",
      "  name: 'st'",
      '  properties: {',
      '    minimumTlsVersion: tls',
      '    publicNetworkAccess: access',
      '  }',
      '}',
    ].join('\n');
    const { resources } = loadMemory({
      'main.bicep': template,
      'main.bicepparam': "using './main.bicep'\nparam tls = 'TLS1_2'\n",
    });
    const bindings = resources[0]!.bindings!;
    expect(resources[0]!.properties.minimumTlsVersion).toBe('TLS1_2');
    expect(bindings.get('properties.minimumTlsVersion')).toBeUndefined();
    // Not given: the deployer still chooses, so the default is reported.
    expect(bindings.get('properties.publicNetworkAccess')).toMatchObject({ defaultValue: 'Enabled' });
  });

  it('takes readEnvironmentVariable() as unknown, default or not', () => {
    const { resources } = loadMemory({
      'main.bicep':
        "param tls string = 'TLS1_2'\nresource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'st'\n  properties: { minimumTlsVersion: tls }\n}\n",
      'main.bicepparam': "using './main.bicep'\nparam tls = readEnvironmentVariable('TLS', 'TLS1_0')\n",
    });
    expect(isUnknown(resources[0]!.properties.minimumTlsVersion)).toBe(true);
  });

  it('fails a .bicepparam file whose template cannot be read', () => {
    const { outcomes } = loadMemory({ 'dev.bicepparam': "using './missing.bicep'\nparam prefix = 'x'\n" });
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ path: '/mem/dev.bicepparam', status: 'failed' });
    expect(outcomes[0]!.reason).toMatch(/template 'missing\.bicep' cannot be read: .*does not exist/);
  });

  it('takes parameter values from an explicit JSON parameter file', () => {
    const { resources } = loadMemory(
      {
        'main.bicep': NETWORK,
        'prod.parameters.json':
          '{ "parameters": { "prefix": { "value": "json" }, "publicAccess": { "reference": {} } } }',
      },
      { parameterFiles: ['prod.parameters.json'] },
    );
    expect(resources.map((r) => r.name)).toEqual(['json-nsg', 'jsonst']);
    expect(isUnknown(resources[1]!.properties.publicNetworkAccess)).toBe(true);
  });
});

describe('parameter file precedence', () => {
  it('reads the sibling <name>.parameters.json, matching names case-insensitively, under explicit files', () => {
    const files = {
      'main.bicep': NETWORK,
      'main.parameters.json':
        '{ "parameters": { "PREFIX": { "value": "conv" }, "publicAccess": { "value": "Enabled" } } }',
      'override.json': '{ "parameters": { "prefix": { "value": "explicit" } } }',
    };
    const conventional = loadMemory(files);
    expect(conventional.resources.map((r) => r.name)).toEqual(['conv-nsg', 'convst']);
    const overridden = loadMemory(files, { parameterFiles: ['override.json'] });
    expect(overridden.resources.map((r) => r.name)).toEqual(['explicit-nsg', 'explicitst']);
    expect(overridden.resources[1]!.properties.publicNetworkAccess).toBe('Enabled');
  });
});

describe('module failures', () => {
  it('fails the root file on a module cycle, naming the chain, while other files load', () => {
    const { outcomes, diagnostics, resources } = loadMemory({
      'a.bicep': "module b 'b.bicep' = {\n  params: {}\n}\n",
      'b.bicep': "module a 'a.bicep' = {\n  params: {}\n}\n",
      'ok.bicep': `resource n '${NSG}@2023-04-01' = {\n  name: 'fine'\n}\n`,
    });
    const failed = outcomes.filter((o) => o.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]!.reason).toMatch(
      /module cycle: (a\.bicep -> b\.bicep -> a\.bicep|b\.bicep -> a\.bicep -> b\.bicep)/,
    );
    expect(diagnostics.some((d) => d.code === 'module-cycle' && d.span?.startLine === 1)).toBe(true);
    expect(resources.map((r) => r.name)).toEqual(['fine']);
    expect(outcomes.find((o) => o.path === '/mem/ok.bicep')).toMatchObject({
      status: 'scanned',
      resources: 1,
    });
  });

  it('caps module depth', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) files[`m${i}.bicep`] = `module next 'm${i + 1}.bicep' = {\n  params: {}\n}\n`;
    files['m6.bicep'] = `resource n '${NSG}@2023-04-01' = {\n  name: 'deep'\n}\n`;
    const { outcomes } = loadMemory(files, { limits: { maxModuleDepth: 3 }, only: ['m0.bicep'] });
    expect(outcomes.find((o) => o.path === '/mem/m0.bicep')).toMatchObject({ status: 'failed' });
    expect(outcomes.find((o) => o.path === '/mem/m0.bicep')?.reason).toMatch(
      /modules are nested deeper than the limit of 3 \(limits.maxModuleDepth\)/,
    );
  });

  it('refuses a module path that leaves the scan root', () => {
    const { outcomes, diagnostics } = loadMemory({
      'main.bicep': "module x '../../outside/evil.bicep' = {\n  params: {}\n}\n",
    });
    expect(outcomes[0]).toMatchObject({ status: 'scanned' });
    expect(diagnostics.find((d) => d.code === 'module-not-resolved')?.message).toMatch(
      /outside the scanned root/,
    );
  });

  it('reports a module with a syntax error as failed and keeps the caller', () => {
    const { outcomes } = loadMemory({
      'main.bicep': `module m 'broken.bicep' = {\n  params: {}\n}\nresource n '${NSG}@2023-04-01' = {\n  name: 'caller'\n}\n`,
      'broken.bicep': 'resource = {\n',
    });
    expect(outcomes.find((o) => o.path === '/mem/main.bicep')).toMatchObject({
      status: 'scanned',
      resources: 1,
    });
    expect(outcomes.find((o) => o.path === '/mem/broken.bicep')).toMatchObject({ status: 'failed' });
    expect(outcomes.find((o) => o.path === '/mem/broken.bicep')?.reason).toMatch(
      /^syntax error at line 1, column 10: /,
    );
  });
});

describe('module scope', () => {
  const NET = `param tag string = ''
resource nsg '${NSG}@2023-04-01' = {
  name: 'nsg'
  properties: {
    securityRules: []
  }
}
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st\${replace(resourceGroup().name, '-', '')}'
  properties: {
    minimumTlsVersion: resourceGroup().name == 'rg-a' ? 'TLS1_0' : 'TLS1_2'
    nsgId: nsg.id
    fromResourceId: resourceId('${NSG}', 'nsg')
  }
}
resource remote '${NSG}@2023-04-01' existing = {
  name: 'remote'
  scope: resourceGroup('rg-shared')
}
output remoteId string = remote.id
`;
  const idOf = (resources: readonly { name: string; id: string }[], name: string) =>
    resources.filter((r) => r.name === name).map((r) => r.id);

  it('deploys a module into the resource group its scope names', () => {
    const { resources } = loadMemory({
      'main.bicep': `targetScope = 'subscription'
param rgName string
module a 'net.bicep' = {
  name: 'a'
  scope: resourceGroup('rg-a')
}
module b 'net.bicep' = {
  name: 'b'
  scope: resourceGroup('sub-2', 'rg-b')
}
resource rg 'Microsoft.Resources/resourceGroups@2022-09-01' = {
  name: 'rg-c'
  location: 'westeurope'
}
module c 'net.bicep' = {
  name: 'c'
  scope: rg
}
module d 'net.bicep' = {
  name: 'd'
  scope: resourceGroup(rgName)
}
resource ref 'Microsoft.Network/virtualNetworks@2023-04-01' = {
  name: 'v'
  properties: { remote: b.outputs.remoteId }
}
`,
      'net.bicep': NET,
    });
    expect(idOf(resources, 'nsg')).toEqual([
      `/subscriptions/{subscriptionId}/resourceGroups/rg-a/providers/${NSG}/nsg`,
      `/subscriptions/sub-2/resourceGroups/rg-b/providers/${NSG}/nsg`,
      `/subscriptions/{subscriptionId}/resourceGroups/rg-c/providers/${NSG}/nsg`,
      // A resource group whose name is not known statically stays the symbolic one.
      `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/${NSG}/nsg`,
    ]);
    const storage = resources.filter((r) => r.type === 'Microsoft.Storage/storageAccounts');
    expect(storage.map((r) => r.name)).toEqual(['strga', 'strgb', 'strgc', 'st{resourceGroupName}']);
    expect(storage.map((r) => r.properties.minimumTlsVersion)).toEqual([
      'TLS1_0',
      'TLS1_2',
      'TLS1_2',
      expect.anything(),
    ]);
    expect(isUnknown(storage[3]!.properties.minimumTlsVersion)).toBe(true);
    // `nsg.id` and `resourceId()` inside the module both name the module's own group.
    for (const [i, r] of storage.entries()) {
      expect(r.properties.nsgId).toBe(idOf(resources, 'nsg')[i]);
      expect(r.properties.fromResourceId).toBe(idOf(resources, 'nsg')[i]);
    }
    // `resourceGroup('rg-shared')` in a module deployed to another subscription is in that subscription.
    expect(idOf(resources, 'v').length).toBe(1);
    expect(resources.find((r) => r.name === 'v')!.properties.remote).toBe(
      `/subscriptions/sub-2/resourceGroups/rg-shared/providers/${NSG}/remote`,
    );
  });

  it('places a subscription-scoped module in the subscription its scope names', () => {
    const { resources } = loadMemory({
      'main.bicep': `targetScope = 'managementGroup'
module s 'sub.bicep' = {
  name: 's'
  scope: subscription('sub-9')
}
`,
      'sub.bicep': `targetScope = 'subscription'
resource rg 'Microsoft.Resources/resourceGroups@2022-09-01' = {
  name: 'rg-x'
  location: 'westeurope'
}
`,
    });
    expect(resources[0]!.id).toBe('/subscriptions/sub-9/providers/Microsoft.Resources/resourceGroups/rg-x');
  });
});
