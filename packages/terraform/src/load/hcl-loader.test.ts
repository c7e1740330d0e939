import { locateValue } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../testing/load-files.js';

const NETWORK = `
resource "azurerm_resource_group" "rg" {
  name     = "rg-net"
  location = "westeurope"
}

resource "azurerm_virtual_network" "vnet" {
  name                = "vnet-hub"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
  address_space       = ["10.0.0.0/16"]
}

resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = azurerm_resource_group.rg.name
  virtual_network_name = azurerm_virtual_network.vnet.name
  address_prefixes     = [cidrsubnet("10.0.0.0/16", 8, 1)]
}

resource "azurerm_network_security_group" "nsg" {
  name                = "nsg-app"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.rg.name

  security_rule {
    name                       = "allow-ssh"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}

resource "azurerm_subnet_network_security_group_association" "app" {
  subnet_id                 = azurerm_subnet.app.id
  network_security_group_id = azurerm_network_security_group.nsg.id
}
`;

describe('HCL loader', () => {
  it('translates a network and wires the subnet to its NSG through the association', () => {
    const r = loadFiles({ 'main.tf': NETWORK });
    expect(r.outcomes).toEqual([
      expect.objectContaining({ status: 'scanned', resources: 3, language: 'terraform' }),
    ]);
    const subnet = r.graph.find('Microsoft.Network/virtualNetworks/subnets', 'vnet-hub/snet-app')!;
    expect(subnet.id).toBe(
      '/subscriptions/{subscriptionId}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-app',
    );
    expect(subnet.properties.addressPrefix).toBe('10.0.1.0/24');
    const nsg = r.graph.resolve(subnet.properties.networkSecurityGroup);
    expect(nsg?.name).toBe('nsg-app');
    // The edge's span is the association's network_security_group_id line.
    expect(locateValue(subnet, ['properties', 'networkSecurityGroup'])?.startLine).toBe(41);
    const rules = r.graph.childrenOf(nsg!, 'securityRules');
    expect(rules.map((x) => x.name)).toEqual(['nsg-app/allow-ssh']);
    expect(locateValue(nsg!, ['properties', 'securityRules', 0])?.startLine).toBe(26);
    expect(
      locateValue(nsg!, ['properties', 'securityRules', 0, 'properties', 'destinationPortRange'])?.startLine,
    ).toBe(33);
  });
});

describe('file() in a module', () => {
  it('names a missing file relative to the module, not by its absolute path', () => {
    const r = loadFiles({
      'main.tf': [
        'locals {',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: HCL source text
        '  cfg = file("${path.module}/config/missing.json")',
        '}',
        'resource "azurerm_resource_group" "rg" {',
        '  name     = "rg"',
        '  location = "westeurope"',
        '  tags     = { cfg = local.cfg }',
        '}',
      ].join('\n'),
    });
    const warning = r.diagnostics.find((d) => d.message.includes('cannot read'));
    expect(warning?.message).toContain('"config/missing.json"');
    expect(warning?.message).not.toMatch(/"\//);
    expect(warning?.span?.startLine).toBe(2);
  });
});
