import { isUnknown, locateValue } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../testing/load-files.js';

const rg = 'resource_group_name = "rg"\n  location = "westeurope"';

describe('network security group translator', () => {
  it('translates inline security_rule blocks and the attribute form', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_network_security_group" "a" {
  name = "nsg-a"
  ${rg}
  security_rule {
    name                         = "web"
    priority                     = 100
    direction                    = "Inbound"
    access                       = "Allow"
    protocol                     = "Tcp"
    source_port_range            = "*"
    destination_port_ranges      = ["80", "443"]
    source_address_prefixes      = ["10.0.0.0/8"]
    destination_address_prefix   = "VirtualNetwork"
    source_application_security_group_ids = ["/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/applicationSecurityGroups/asg"]
  }
}
resource "azurerm_network_security_group" "b" {
  name = "nsg-b"
  ${rg}
  security_rule = [{
    name = "deny", priority = 4096, direction = "Inbound", access = "Deny", protocol = "*",
    source_port_range = "*", destination_port_range = "*", source_address_prefix = "*", destination_address_prefix = "*",
    source_port_ranges = [], destination_port_ranges = [], source_address_prefixes = [], destination_address_prefixes = [],
    source_application_security_group_ids = [], destination_application_security_group_ids = [], description = ""
  }]
}
`,
    });
    const a = r.graph.find('Microsoft.Network/networkSecurityGroups', 'nsg-a')!;
    expect(a.properties.securityRules).toEqual([
      {
        name: 'web',
        properties: {
          priority: 100,
          direction: 'Inbound',
          access: 'Allow',
          protocol: 'Tcp',
          sourcePortRange: '*',
          destinationPortRanges: ['80', '443'],
          sourceAddressPrefixes: ['10.0.0.0/8'],
          destinationAddressPrefix: 'VirtualNetwork',
          sourceApplicationSecurityGroups: [
            {
              id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/applicationSecurityGroups/asg',
            },
          ],
        },
      },
    ]);
    expect(
      locateValue(a, ['properties', 'securityRules', 0, 'properties', 'destinationPortRanges'])?.startLine,
    ).toBe(12);
    const b = r.graph.find('Microsoft.Network/networkSecurityGroups', 'nsg-b')!;
    // Empty strings and lists the attribute form forces are dropped.
    expect(b.properties.securityRules).toEqual([
      {
        name: 'deny',
        properties: {
          priority: 4096,
          direction: 'Inbound',
          access: 'Deny',
          protocol: '*',
          sourcePortRange: '*',
          destinationPortRange: '*',
          sourceAddressPrefix: '*',
          destinationAddressPrefix: '*',
        },
      },
    ]);
  });

  it('appends azurerm_network_security_rule to its NSG as a child', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_network_security_group" "n" {
  name = "nsg"
  ${rg}
}
resource "azurerm_network_security_rule" "ssh" {
  name                        = "ssh"
  priority                    = 110
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  destination_port_range      = "22"
  source_address_prefix       = "Internet"
  resource_group_name         = "rg"
  network_security_group_name = azurerm_network_security_group.n.name
}
`,
    });
    const nsg = r.graph.find('Microsoft.Network/networkSecurityGroups', 'nsg')!;
    const rules = r.graph.childrenOf(nsg, 'securityRules');
    expect(rules.map((x) => x.name)).toEqual(['nsg/ssh']);
    expect(rules[0]!.id).toBe(
      '/subscriptions/{subscriptionId}/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg/securityRules/ssh',
    );
    expect((nsg.properties.securityRules as { name: string }[]).map((x) => x.name)).toEqual(['ssh']);
    expect(locateValue(rules[0], ['properties', 'destinationPortRange'])?.startLine).toBe(12);
  });
});

describe('virtual network translator', () => {
  it('translates inline subnets (v3 address_prefix and v4 address_prefixes), DDoS and encryption', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_virtual_network" "v" {
  name          = "vnet"
  ${rg}
  address_space = ["10.0.0.0/16"]
  dns_servers   = ["10.0.0.4"]
  subnet {
    name           = "v3"
    address_prefix = "10.0.1.0/24"
    security_group = azurerm_network_security_group.n.id
  }
  subnet {
    name             = "v4"
    address_prefixes = ["10.0.2.0/24"]
  }
  ddos_protection_plan {
    id     = azurerm_network_ddos_protection_plan.p.id
    enable = true
  }
  encryption {
    enforcement = "DropUnencrypted"
  }
}
resource "azurerm_network_security_group" "n" {
  name = "nsg"
  ${rg}
}
resource "azurerm_network_ddos_protection_plan" "p" {
  name = "ddos"
  ${rg}
}
resource "azurerm_subnet_route_table_association" "rt" {
  subnet_id      = azurerm_virtual_network.v.subnet.*.id[1]
  route_table_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/routeTables/rt"
}
`,
    });
    const vnet = r.graph.find('Microsoft.Network/virtualNetworks', 'vnet')!;
    expect(vnet.properties.addressSpace).toEqual({ addressPrefixes: ['10.0.0.0/16'] });
    expect(vnet.properties.dhcpOptions).toEqual({ dnsServers: ['10.0.0.4'] });
    expect(vnet.properties.enableDdosProtection).toBe(true);
    expect(r.graph.resolve(vnet.properties.ddosProtectionPlan)?.name).toBe('ddos');
    expect(vnet.properties.encryption).toEqual({ enabled: true, enforcement: 'DropUnencrypted' });
    const subnets = r.graph.childrenOf(vnet, 'subnets');
    expect(subnets.map((s) => [s.name, s.properties.addressPrefix])).toEqual([
      ['vnet/v3', '10.0.1.0/24'],
      ['vnet/v4', '10.0.2.0/24'],
    ]);
    expect(r.graph.resolve(subnets[0]!.properties.networkSecurityGroup)?.name).toBe('nsg');
    // The association found the inline subnet through the id the reference evaluated to.
    expect(subnets[1]!.properties.routeTable).toEqual({
      id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/routeTables/rt',
    });
    expect(locateValue(subnets[1]!, ['properties', 'routeTable'])?.startLine).toBe(36);
  });

  it('translates azurerm_subnet (v3 and v4 policy names) and peerings with azurerm defaults', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_subnet" "v3" {
  name                 = "a"
  resource_group_name  = "rg"
  virtual_network_name = "vnet"
  address_prefixes     = ["10.0.1.0/24", "10.0.9.0/24"]
  private_endpoint_network_policies_enabled = false
  service_endpoints    = ["Microsoft.Storage"]
}
resource "azurerm_subnet" "v4" {
  name                              = "b"
  resource_group_name               = "rg"
  virtual_network_name              = "vnet"
  address_prefixes                  = ["10.0.2.0/24"]
  private_endpoint_network_policies = "Enabled"
  default_outbound_access_enabled   = false
}
resource "azurerm_virtual_network_peering" "p" {
  name                      = "hub-to-spoke"
  resource_group_name       = "rg"
  virtual_network_name      = "vnet"
  remote_virtual_network_id = "/subscriptions/s/resourceGroups/rg2/providers/Microsoft.Network/virtualNetworks/spoke"
  allow_forwarded_traffic   = true
}
`,
    });
    const a = r.graph.find('Microsoft.Network/virtualNetworks/subnets', 'vnet/a')!;
    expect(a.properties).toMatchObject({
      addressPrefixes: ['10.0.1.0/24', '10.0.9.0/24'],
      privateEndpointNetworkPolicies: 'Disabled',
      serviceEndpoints: [{ service: 'Microsoft.Storage' }],
    });
    const b = r.graph.find('Microsoft.Network/virtualNetworks/subnets', 'vnet/b')!;
    expect(b.properties).toMatchObject({
      addressPrefix: '10.0.2.0/24',
      privateEndpointNetworkPolicies: 'Enabled',
      defaultOutboundAccess: false,
    });
    const peering = r.graph.find(
      'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
      'vnet/hub-to-spoke',
    )!;
    expect(peering.properties).toMatchObject({
      remoteVirtualNetwork: {
        id: '/subscriptions/s/resourceGroups/rg2/providers/Microsoft.Network/virtualNetworks/spoke',
      },
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: true,
      allowGatewayTransit: false,
      useRemoteGateways: false,
    });
  });
});

describe('association translators', () => {
  it('wire NIC -> NSG and subnet -> NAT gateway, and report targets outside the scan', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_network_interface" "nic" {
  name = "nic"
  ${rg}
  ip_configuration {
    name                          = "ip"
    subnet_id                     = azurerm_subnet.s.id
    private_ip_address_allocation = "Dynamic"
    public_ip_address_id          = azurerm_public_ip.pip.id
  }
}
resource "azurerm_subnet" "s" {
  name                 = "s"
  resource_group_name  = "rg"
  virtual_network_name = "vnet"
  address_prefixes     = ["10.0.1.0/24"]
}
resource "azurerm_public_ip" "pip" {
  name              = "pip"
  ${rg}
  allocation_method = "Static"
  sku               = "Standard"
}
resource "azurerm_network_security_group" "n" {
  name = "nsg"
  ${rg}
}
resource "azurerm_nat_gateway" "nat" {
  name = "nat"
  ${rg}
}
resource "azurerm_network_interface_security_group_association" "a" {
  network_interface_id      = azurerm_network_interface.nic.id
  network_security_group_id = azurerm_network_security_group.n.id
}
resource "azurerm_subnet_nat_gateway_association" "b" {
  subnet_id      = azurerm_subnet.s.id
  nat_gateway_id = azurerm_nat_gateway.nat.id
}
data "azurerm_subnet" "existing" {
  name                 = "legacy"
  virtual_network_name = "vnet-old"
  resource_group_name  = "rg-old"
}
resource "azurerm_subnet_network_security_group_association" "c" {
  subnet_id                 = data.azurerm_subnet.existing.id
  network_security_group_id = azurerm_network_security_group.n.id
}
`,
    });
    const nic = r.graph.find('Microsoft.Network/networkInterfaces', 'nic')!;
    expect(r.graph.resolve(nic.properties.networkSecurityGroup)?.name).toBe('nsg');
    const ipc = (nic.properties.ipConfigurations as { properties: Record<string, unknown> }[])[0]!.properties;
    expect(r.graph.resolve(ipc.subnet)?.name).toBe('vnet/s');
    expect(r.graph.resolve(ipc.publicIPAddress)?.name).toBe('pip');
    const subnet = r.graph.find('Microsoft.Network/virtualNetworks/subnets', 'vnet/s')!;
    expect(r.graph.resolve(subnet.properties.natGateway)?.name).toBe('nat');
    const missing = r.diagnostics.find((d) => d.code === 'association-target-not-found');
    expect(missing?.message).toMatch(
      /azurerm_subnet_network_security_group_association.c: subnet_id does not name/,
    );
    expect(missing?.span?.startLine).toBe(49);
  });

  it('patch the target of their own root folder, not a same-named twin in a sibling sample', () => {
    // Static ids carry no subscription or resource group: both NICs have the same id key.
    const nic = (name: string) => `resource "azurerm_network_interface" "nic" {
  name = "${name}"
  ${rg}
  ip_configuration {
    name                          = "ip"
    private_ip_address_allocation = "Dynamic"
  }
}
resource "azurerm_network_security_group" "n" {
  name = "nsg-${name}"
  ${rg}
}
`;
    const r = loadFiles({
      'a-first/main.tf': nic('myNic'),
      'b-second/main.tf': `${nic('myNIC')}resource "azurerm_network_interface_security_group_association" "a" {
  network_interface_id      = azurerm_network_interface.nic.id
  network_security_group_id = azurerm_network_security_group.n.id
}
`,
    });
    const nics = r.resources.filter((x) => x.type === 'Microsoft.Network/networkInterfaces');
    const nsgOf = (name: string) => nics.find((x) => x.name === name)!.properties.networkSecurityGroup;
    expect(nsgOf('myNic')).toBeUndefined();
    expect((nsgOf('myNIC') as { id: string }).id).toMatch(/networkSecurityGroups\/nsg-myNIC$/);
  });
});

describe('route table translator', () => {
  it('translates inline routes, azurerm_route children and both BGP propagation names', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_route_table" "v3" {
  name = "rt3"
  ${rg}
  disable_bgp_route_propagation = true
  route {
    name                   = "default"
    address_prefix         = "0.0.0.0/0"
    next_hop_type          = "VirtualAppliance"
    next_hop_in_ip_address = "10.0.0.4"
  }
}
resource "azurerm_route_table" "v4" {
  name = "rt4"
  ${rg}
  bgp_route_propagation_enabled = false
}
resource "azurerm_route" "r" {
  name                = "internet"
  resource_group_name = "rg"
  route_table_name    = azurerm_route_table.v4.name
  address_prefix      = "0.0.0.0/0"
  next_hop_type       = "Internet"
}
`,
    });
    const v3 = r.graph.find('Microsoft.Network/routeTables', 'rt3')!;
    expect(v3.properties.disableBgpRoutePropagation).toBe(true);
    expect(v3.properties.routes).toEqual([
      {
        name: 'default',
        properties: {
          addressPrefix: '0.0.0.0/0',
          nextHopType: 'VirtualAppliance',
          nextHopIpAddress: '10.0.0.4',
        },
      },
    ]);
    const v4 = r.graph.find('Microsoft.Network/routeTables', 'rt4')!;
    expect(v4.properties.disableBgpRoutePropagation).toBe(true);
    expect(r.graph.childrenOf(v4, 'routes').map((x) => [x.name, x.properties.nextHopType])).toEqual([
      ['rt4/internet', 'Internet'],
    ]);
  });
});

describe('public IP and NIC translators', () => {
  it('translates SKU, DDoS settings and v3/v4 NIC flags; unknown values stay Unknown', () => {
    const r = loadFiles({
      'main.tf': `variable "fwd" {}
resource "azurerm_public_ip" "pip" {
  name                    = "pip"
  ${rg}
  allocation_method       = "Static"
  sku                     = "Standard"
  ddos_protection_mode    = "Enabled"
  ddos_protection_plan_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/ddosProtectionPlans/p"
  zones                   = ["1", "2"]
}
resource "azurerm_network_interface" "v3" {
  name                 = "nic3"
  ${rg}
  enable_ip_forwarding = true
}
resource "azurerm_network_interface" "v4" {
  name                  = "nic4"
  ${rg}
  ip_forwarding_enabled = var.fwd
}
`,
    });
    const pip = r.graph.find('Microsoft.Network/publicIPAddresses', 'pip')!;
    expect(pip.sku).toEqual({ name: 'Standard' });
    expect(pip.zones).toEqual(['1', '2']);
    expect(pip.properties.ddosSettings).toEqual({
      protectionMode: 'Enabled',
      ddosProtectionPlan: {
        id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/ddosProtectionPlans/p',
      },
    });
    expect(r.graph.find('Microsoft.Network/networkInterfaces', 'nic3')!.properties.enableIPForwarding).toBe(
      true,
    );
    expect(
      isUnknown(r.graph.find('Microsoft.Network/networkInterfaces', 'nic4')!.properties.enableIPForwarding),
    ).toBe(true);
  });
});

describe('empty references', () => {
  it('treats a null or empty public_ip_address_id as no public IP', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_network_interface" "a" {
  name = "nic-a"
  ${rg}
  ip_configuration {
    name                          = "ip"
    private_ip_address_allocation = "Dynamic"
    public_ip_address_id          = null
  }
}
resource "azurerm_network_interface" "b" {
  name = "nic-b"
  ${rg}
  ip_configuration {
    name                          = "ip"
    private_ip_address_allocation = "Dynamic"
    public_ip_address_id          = ""
  }
}
`,
    });
    const nics = r.resources.filter((x) => x.type === 'Microsoft.Network/networkInterfaces');
    expect(nics.map((n) => n.name).sort()).toEqual(['nic-a', 'nic-b']);
    for (const nic of nics) {
      const config = (nic.properties.ipConfigurations as { properties: Record<string, unknown> }[])[0]!;
      expect(config.properties).not.toHaveProperty('publicIPAddress');
    }
  });
});
