import { isUnknown, locateValue } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../testing/load-files.js';

const SUBNET_ID = { references: ['azurerm_subnet.app.id', 'azurerm_subnet.app'] };
const NSG_ID = {
  references: ['azurerm_network_security_group.nsg.id', 'azurerm_network_security_group.nsg'],
};

function plan(extra: Record<string, unknown> = {}): string {
  const body = {
    format_version: '1.2',
    terraform_version: '1.9.5',
    planned_values: {
      root_module: {
        resources: [
          {
            address: 'azurerm_subnet.app',
            mode: 'managed',
            type: 'azurerm_subnet',
            name: 'app',
            values: {
              name: 'snet-app',
              resource_group_name: 'rg-net',
              virtual_network_name: 'vnet-hub',
              address_prefixes: ['10.0.1.0/24'],
            },
          },
          {
            address: 'azurerm_network_security_group.nsg',
            mode: 'managed',
            type: 'azurerm_network_security_group',
            name: 'nsg',
            values: {
              name: 'nsg-app',
              resource_group_name: 'rg-net',
              location: 'westeurope',
              security_rule: [],
            },
          },
          {
            address: 'azurerm_subnet_network_security_group_association.a',
            mode: 'managed',
            type: 'azurerm_subnet_network_security_group_association',
            name: 'a',
            values: {},
          },
          {
            address: 'azurerm_storage_account.st',
            mode: 'managed',
            type: 'azurerm_storage_account',
            name: 'st',
            values: {
              name: 'stapp',
              resource_group_name: 'rg-net',
              location: 'westeurope',
              account_tier: 'Standard',
              account_replication_type: 'LRS',
              https_traffic_only_enabled: false,
              min_tls_version: 'TLS1_2',
              public_network_access_enabled: true,
            },
          },
        ],
        child_modules: [
          {
            address: 'module.spoke',
            resources: [
              {
                address: 'module.spoke.azurerm_virtual_network.v',
                mode: 'managed',
                type: 'azurerm_virtual_network',
                name: 'v',
                values: {
                  name: 'vnet-spoke',
                  resource_group_name: 'rg-spoke',
                  address_space: ['10.1.0.0/16'],
                },
              },
            ],
          },
        ],
      },
    },
    resource_changes: [
      {
        address: 'azurerm_subnet_network_security_group_association.a',
        change: { after_unknown: { id: true, subnet_id: true, network_security_group_id: true } },
      },
      {
        address: 'azurerm_storage_account.st',
        change: { after_unknown: { id: true, public_network_access_enabled: true } },
      },
    ],
    configuration: {
      root_module: {
        resources: [
          {
            address: 'azurerm_subnet_network_security_group_association.a',
            type: 'azurerm_subnet_network_security_group_association',
            name: 'a',
            expressions: { subnet_id: SUBNET_ID, network_security_group_id: NSG_ID },
          },
        ],
        module_calls: { spoke: { source: './spoke', module: { resources: [] } } },
      },
    },
    ...extra,
  };
  return JSON.stringify(body, null, 2);
}

describe('plan JSON loader', () => {
  it('follows self-referencing module outputs once each (hostile plans end)', () => {
    // 18 nested modules whose output lists itself three times: followed naively, 3^17 walks.
    const mod = (level: number): Record<string, unknown> => ({
      outputs: { o: { expression: { references: ['module.m.o', 'module.m.o', 'module.m.o'] } } },
      ...(level < 18 ? { module_calls: { m: { source: './m', module: mod(level + 1) } } } : {}),
    });
    const values = { name: 'snet', resource_group_name: 'rg', address_prefixes: ['10.0.0.0/24'] };
    const resource = { address: 'azurerm_subnet.s', mode: 'managed', type: 'azurerm_subnet', name: 's' };
    const body = {
      format_version: '1.2',
      planned_values: { root_module: { resources: [{ ...resource, values, sensitive_values: {} }] } },
      resource_changes: [
        {
          ...resource,
          change: { actions: ['create'], after: values, after_unknown: { virtual_network_name: true } },
        },
      ],
      configuration: {
        root_module: {
          resources: [{ ...resource, expressions: { virtual_network_name: { references: ['module.m.o'] } } }],
          module_calls: { m: { source: './m', module: mod(1) } },
        },
      },
    };
    const r = loadFiles({ 'tfplan.json': JSON.stringify(body) });
    expect(r.outcomes).toEqual([expect.objectContaining({ status: 'scanned' })]);
  });

  it('translates planned values, recovers ids from configuration references, keeps Unknown', () => {
    const r = loadFiles({ 'tfplan.json': plan() });
    expect(r.outcomes).toEqual([
      expect.objectContaining({ status: 'scanned', language: 'terraform-plan', resources: 4 }),
    ]);
    const subnet = r.graph.find('Microsoft.Network/virtualNetworks/subnets', 'vnet-hub/snet-app')!;
    expect(subnet.language).toBe('terraform-plan');
    expect(r.graph.resolve(subnet.properties.networkSecurityGroup)?.name).toBe('nsg-app');
    const st = r.graph.ofType('Microsoft.Storage/storageAccounts')[0]!;
    expect(st.properties.supportsHttpsTrafficOnly).toBe(false);
    expect(isUnknown(st.properties.publicNetworkAccess)).toBe(true);
    // Spans point into the plan JSON, at the attribute's key.
    const span = locateValue(st, ['properties', 'supportsHttpsTrafficOnly'])!;
    expect(span.file.endsWith('tfplan.json')).toBe(true);
    const line = plan().split('\n')[span.startLine - 1]!;
    expect(line).toContain('"https_traffic_only_enabled": false');
    expect(r.graph.find('Microsoft.Network/virtualNetworks', 'vnet-spoke')?.extra?.address).toBe(
      'module.spoke.azurerm_virtual_network.v',
    );
  });

  it('lands spans on the .tf lines when the plan sits beside its configuration', () => {
    const tf = `resource "azurerm_storage_account" "st" {
  name                       = "stapp"
  resource_group_name        = "rg-net"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "LRS"
  https_traffic_only_enabled = false
}
`;
    const spoke = `resource "azurerm_virtual_network" "v" {\n  name = "vnet-spoke"\n}\n`;
    const r = loadFiles(
      { 'main.tf': tf, 'tfplan.json': plan(), 'spoke/main.tf': spoke },
      { only: ['main.tf', 'tfplan.json'] },
    );
    const st = r.graph.ofType('Microsoft.Storage/storageAccounts')[0]!;
    const span = locateValue(st, ['properties', 'supportsHttpsTrafficOnly'])!;
    expect(span.file.endsWith('main.tf')).toBe(true);
    expect(span.startLine).toBe(7);
    // Attributes the .tf does not write fall back to the plan.
    expect(locateValue(st, ['properties', 'publicNetworkAccess'])?.file.endsWith('tfplan.json')).toBe(true);
    const spokeVnet = r.graph.find('Microsoft.Network/virtualNetworks', 'vnet-spoke')!;
    expect(spokeVnet.origin?.file.endsWith('spoke/main.tf')).toBe(true);
    // The .tf is not evaluated a second time.
    expect(r.graph.ofType('Microsoft.Storage/storageAccounts')).toHaveLength(1);
    expect(r.outcomes.find((o) => o.path.endsWith('main.tf'))).toMatchObject({
      status: 'scanned',
      reason: expect.stringMatching(/values read from the plan JSON/),
    });
  });

  it('accounts the local module folders the planned root calls as its modules, not as roots', () => {
    const spoke = `variable "name" {}
resource "azurerm_virtual_network" "v" {
  name          = "vnet-\${var.name}"
  address_space = ["10.1.0.0/16"]
}
`;
    const r = loadFiles({
      'main.tf': 'module "spoke" {\n  source = "./spoke"\n  name   = "spoke"\n}\n',
      'tfplan.json': plan(),
      'spoke/main.tf': spoke,
    });
    // Evaluated alone, the module would add a VNet named after an unknown variable.
    expect(r.graph.ofType('Microsoft.Network/virtualNetworks').map((v) => [v.name, v.language])).toEqual([
      ['vnet-spoke', 'terraform-plan'],
    ]);
    expect(r.graph.find('Microsoft.Network/virtualNetworks', 'vnet-spoke')?.origin?.file).toMatch(
      /spoke\/main\.tf$/,
    );
    expect(r.outcomes.find((o) => o.path.endsWith('spoke/main.tf'))).toMatchObject({
      status: 'scanned',
      reason: expect.stringMatching(/module of .*values read from the plan JSON/),
    });
  });

  it('recovers ids through module outputs, following the output expression into the module instance', () => {
    const refs = (...r: string[]) => ({ references: r });
    const subnet = (key: string) => ({
      address: `module.net${key}.azurerm_subnet.s`,
      mode: 'managed',
      type: 'azurerm_subnet',
      name: 's',
      values: {
        name: `snet${key.replace(/\W/g, '')}`,
        resource_group_name: 'rg',
        virtual_network_name: 'vnet',
        address_prefixes: ['10.0.1.0/24'],
      },
    });
    const assoc = (name: string) => ({
      address: `azurerm_subnet_network_security_group_association.${name}`,
      mode: 'managed',
      type: 'azurerm_subnet_network_security_group_association',
      name,
      values: {},
    });
    const nsg = {
      address: 'azurerm_network_security_group.nsg',
      mode: 'managed',
      type: 'azurerm_network_security_group',
      name: 'nsg',
      values: { name: 'nsg', resource_group_name: 'rg', location: 'westeurope', security_rule: [] },
    };
    const unknownIds = { id: true, subnet_id: true, network_security_group_id: true };
    const body = {
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [nsg, assoc('one'), assoc('keyed')],
          child_modules: [
            { address: 'module.net', resources: [subnet('')] },
            {
              address: 'module.many["x"]',
              resources: [{ ...subnet('["x"]'), address: 'module.many["x"].azurerm_subnet.s' }],
            },
          ],
        },
      },
      resource_changes: [
        {
          address: 'azurerm_subnet_network_security_group_association.one',
          change: { after_unknown: unknownIds },
        },
        {
          address: 'azurerm_subnet_network_security_group_association.keyed',
          change: { after_unknown: unknownIds },
        },
      ],
      configuration: {
        root_module: {
          resources: ['one', 'keyed'].map((name) => ({
            address: `azurerm_subnet_network_security_group_association.${name}`,
            type: 'azurerm_subnet_network_security_group_association',
            name,
            expressions: {
              subnet_id:
                name === 'one'
                  ? refs('module.net.subnet_id', 'module.net')
                  : refs('module.many["x"].subnet_id', 'module.many["x"]', 'module.many'),
              network_security_group_id: refs(
                'azurerm_network_security_group.nsg.id',
                'azurerm_network_security_group.nsg',
              ),
            },
          })),
          module_calls: Object.fromEntries(
            ['net', 'many'].map((call) => [
              call,
              {
                source: './net',
                module: {
                  outputs: { subnet_id: { expression: refs('azurerm_subnet.s.id', 'azurerm_subnet.s') } },
                  resources: [],
                },
              },
            ]),
          ),
        },
      },
    };
    const r = loadFiles({ 'tfplan.json': JSON.stringify(body, null, 2) });
    const nsgOf = (name: string) =>
      r.graph.resolve(
        r.graph.find('Microsoft.Network/virtualNetworks/subnets', `vnet/${name}`)!.properties
          .networkSecurityGroup,
      )?.name;
    expect([nsgOf('snet'), nsgOf('snetx')]).toEqual(['nsg', 'nsg']);
    expect(r.diagnostics.filter((d) => d.code === 'association-target-not-found')).toEqual([]);
  });

  it('takes spans of attributes an override file sets from the override file', () => {
    const tf = `resource "azurerm_storage_account" "st" {
  name                       = "stapp"
  https_traffic_only_enabled = true
}
`;
    const override = `resource "azurerm_storage_account" "st" {
  https_traffic_only_enabled = false
}
`;
    const r = loadFiles(
      { 'main.tf': tf, 'override.tf': override, 'tfplan.json': plan() },
      { only: ['main.tf', 'override.tf', 'tfplan.json'] },
    );
    const st = r.graph.ofType('Microsoft.Storage/storageAccounts')[0]!;
    const span = locateValue(st, ['properties', 'supportsHttpsTrafficOnly'])!;
    expect([span.file.split('/').pop(), span.startLine]).toEqual(['override.tf', 2]);
  });

  it('names files relative to the scan root in messages, never by absolute path', () => {
    const broken =
      '{\n  "format_version": "1.2",\n  "planned_values": { "root_module": { "resources": [ }\n}\n';
    const untranslated = plan({
      planned_values: {
        root_module: {
          resources: [
            {
              address: 'azurerm_resource_group.rg',
              mode: 'managed',
              type: 'azurerm_resource_group',
              name: 'rg',
              values: { name: 'rg' },
            },
          ],
        },
      },
    });
    const r = loadFiles({
      'bad/tfplan.json': broken,
      'ok/tfplan.json': untranslated,
      'bad/main.tf': 'resource "x" "y" {\n',
    });
    const texts = [...r.diagnostics.map((d) => d.message), ...r.outcomes.map((o) => o.reason ?? '')];
    expect(texts.filter((t) => t.includes(r.root))).toEqual([]);
    expect(r.diagnostics.find((d) => d.code === 'json-syntax')?.message).toMatch(
      /^syntax error at line 3, column \d+: /,
    );
    expect(r.diagnostics.find((d) => d.code === 'hcl-syntax')?.message).toMatch(
      /^syntax error at line 2, column \d+: /,
    );
    expect(r.diagnostics.find((d) => d.code === 'terraform-untranslated')?.message).toMatch(
      /^ok\/tfplan\.json: /,
    );
  });

  it('evaluates the .tf files of a folder whose plan JSON cannot be read, rather than dropping them', () => {
    const tf = `resource "azurerm_storage_account" "st" {
  name                       = "stapp"
  resource_group_name        = "rg-net"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "LRS"
  https_traffic_only_enabled = false
}
`;
    const broken =
      '{\n  "format_version": "1.2",\n  "planned_values": { "root_module": { "resources": [ }\n}\n';
    const r = loadFiles({ 'main.tf': tf, 'tfplan.json': broken });
    expect(r.outcomes.find((o) => o.path.endsWith('tfplan.json'))).toMatchObject({ status: 'failed' });
    expect(r.outcomes.find((o) => o.path.endsWith('main.tf'))).toMatchObject({
      status: 'scanned',
      resources: 1,
    });
    expect(r.graph.find('Microsoft.Storage/storageAccounts', 'stapp')?.origin?.file.endsWith('main.tf')).toBe(
      true,
    );
  });

  it('recovers ids in lists with unknown elements from the one expression of the attribute', () => {
    // As `terraform show -json` writes `network_interface_ids = [azurerm_network_interface.a.id]`
    // (and `scopes = [azurerm_public_ip.p.id]`): value `[null]`, after_unknown `[true]`, and one
    // expression object (not a list) for the whole attribute.
    const vm = (name: string, nics: unknown[], unknowns: unknown[], references: string[]) => ({
      resource: {
        address: `azurerm_linux_virtual_machine.${name}`,
        mode: 'managed',
        type: 'azurerm_linux_virtual_machine',
        name,
        values: { name: `vm-${name}`, resource_group_name: 'rg-app', network_interface_ids: nics },
      },
      change: {
        address: `azurerm_linux_virtual_machine.${name}`,
        change: { after_unknown: { id: true, network_interface_ids: unknowns } },
      },
      config: {
        address: `azurerm_linux_virtual_machine.${name}`,
        mode: 'managed',
        type: 'azurerm_linux_virtual_machine',
        name,
        expressions: { network_interface_ids: { references } },
      },
    });
    const nic = (name: string) => ({
      address: `azurerm_network_interface.${name}`,
      mode: 'managed',
      type: 'azurerm_network_interface',
      name,
      values: { name: `nic-${name}`, resource_group_name: 'rg-app', location: 'westeurope' },
    });
    const refs = (...names: string[]) =>
      names.flatMap((n) => [`azurerm_network_interface.${n}.id`, `azurerm_network_interface.${n}`]);
    const vms = [
      vm('one', [null], [true], refs('a')),
      vm('two', [null, null], [true, true], refs('a', 'b')),
      // Two references for one unknown element: which one is not knowable, so it stays Unknown.
      vm('odd', [null], [true], refs('a', 'b')),
    ];
    const doc = JSON.stringify(
      {
        format_version: '1.2',
        terraform_version: '1.9.5',
        planned_values: { root_module: { resources: [nic('a'), nic('b'), ...vms.map((v) => v.resource)] } },
        resource_changes: vms.map((v) => v.change),
        configuration: { root_module: { resources: vms.map((v) => v.config) } },
      },
      null,
      2,
    );
    const r = loadFiles({ 'tfplan.json': doc });
    const nicsOf = (name: string) =>
      (
        r.graph.find('Microsoft.Compute/virtualMachines', name)!.properties.networkProfile as {
          networkInterfaces: { id: unknown }[];
        }
      ).networkInterfaces.map((n) => n.id);
    expect(nicsOf('vm-one').map((id) => r.graph.resolve(id)?.name)).toEqual(['nic-a']);
    expect(nicsOf('vm-two').map((id) => r.graph.resolve(id)?.name)).toEqual(['nic-a', 'nic-b']);
    // Never guessed, never read as a null id either.
    expect(nicsOf('vm-odd').map(isUnknown)).toEqual([true]);
  });

  it('reads state JSON (values.root_module) too', () => {
    const state = JSON.stringify({
      format_version: '1.0',
      terraform_version: '1.9.5',
      values: {
        root_module: {
          resources: [
            {
              address: 'azurerm_network_security_group.n',
              mode: 'managed',
              type: 'azurerm_network_security_group',
              name: 'n',
              values: { name: 'nsg-live', resource_group_name: 'rg' },
            },
          ],
        },
      },
    });
    const r = loadFiles({ 'state.json': state });
    expect(r.graph.ofType('Microsoft.Network/networkSecurityGroups').map((n) => n.name)).toEqual([
      'nsg-live',
    ]);
  });

  it('fails a broken plan with line and column and does not claim other JSON', () => {
    const r = loadFiles({
      'bad.json': '{\n  "format_version": "1.2",\n  "planned_values": {,\n}\n',
      'other.json': '{"a": 1}',
    });
    expect(r.outcomes).toHaveLength(1);
    expect(r.outcomes[0]).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/^syntax error at line 3, column/),
    });
  });
});
