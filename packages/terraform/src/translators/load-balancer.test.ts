import { locateValue } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../testing/load-files.js';

const rg = 'resource_group_name = "rg"\n  location = "westeurope"';
const LB_ID =
  '/subscriptions/{subscriptionId}/resourceGroups/rg/providers/Microsoft.Network/loadBalancers/lb';

const MAIN = `resource "azurerm_public_ip" "pip" {
  name = "pip"
  ${rg}
  allocation_method = "Static"
}
resource "azurerm_network_interface" "nic" {
  name = "nic"
  ${rg}
  ip_configuration {
    name                          = "ipconfig1"
    subnet_id                     = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/a"
    private_ip_address_allocation = "Dynamic"
  }
}
resource "azurerm_lb" "lb" {
  name = "lb"
  ${rg}
  sku  = "Standard"
  frontend_ip_configuration {
    name                 = "fe"
    public_ip_address_id = azurerm_public_ip.pip.id
  }
}
resource "azurerm_lb_backend_address_pool" "pool" {
  name            = "be"
  loadbalancer_id = azurerm_lb.lb.id
}
resource "azurerm_lb_rule" "https" {
  name                           = "https"
  loadbalancer_id                = azurerm_lb.lb.id
  protocol                       = "Tcp"
  frontend_port                  = 443
  backend_port                   = 8443
  frontend_ip_configuration_name = "fe"
  backend_address_pool_ids       = [azurerm_lb_backend_address_pool.pool.id]
}
resource "azurerm_lb_nat_rule" "ssh" {
  name                           = "ssh"
  resource_group_name            = "rg"
  loadbalancer_id                = azurerm_lb.lb.id
  protocol                       = "Tcp"
  frontend_port                  = 50022
  backend_port                   = 22
  frontend_ip_configuration_name = "fe"
}
resource "azurerm_network_interface_backend_address_pool_association" "pool" {
  network_interface_id    = azurerm_network_interface.nic.id
  ip_configuration_name   = "ipconfig1"
  backend_address_pool_id = azurerm_lb_backend_address_pool.pool.id
}
resource "azurerm_network_interface_nat_rule_association" "ssh" {
  network_interface_id  = azurerm_network_interface.nic.id
  ip_configuration_name = "ipconfig1"
  nat_rule_id           = azurerm_lb_nat_rule.ssh.id
}
`;

describe('load balancer translators', () => {
  it('pools, rules and NAT rules join the load balancer; NIC associations join its IP configuration', () => {
    const r = loadFiles({ 'main.tf': MAIN });
    const lb = r.graph.find('Microsoft.Network/loadBalancers', 'lb')!;
    expect(lb.sku).toEqual({ name: 'Standard' });
    const pip = r.graph.find('Microsoft.Network/publicIPAddresses', 'pip')!;
    expect(lb.properties).toEqual({
      frontendIPConfigurations: [{ name: 'fe', properties: { publicIPAddress: { id: pip.id } } }],
      backendAddressPools: [{ name: 'be', properties: {} }],
      loadBalancingRules: [
        {
          name: 'https',
          properties: {
            frontendIPConfiguration: { id: `${LB_ID}/frontendIPConfigurations/fe` },
            protocol: 'Tcp',
            frontendPort: 443,
            backendPort: 8443,
            backendAddressPool: { id: `${LB_ID}/backendAddressPools/be` },
          },
        },
      ],
      inboundNatRules: [
        {
          name: 'ssh',
          properties: {
            frontendIPConfiguration: { id: `${LB_ID}/frontendIPConfigurations/fe` },
            protocol: 'Tcp',
            frontendPort: 50022,
            backendPort: 22,
          },
        },
      ],
    });
    expect(r.graph.referencesTo(pip).map((e) => e.from)).toContain(lb);
    // A finding on the rule lands on the azurerm_lb_rule block, not on azurerm_lb.
    expect(locateValue(lb, ['properties', 'loadBalancingRules', 0])?.startLine).toBe(31);
    const nic = r.graph.find('Microsoft.Network/networkInterfaces', 'nic')!;
    const config = (nic.properties.ipConfigurations as { properties: Record<string, unknown> }[])[0]!;
    expect(config.properties.loadBalancerBackendAddressPools).toEqual([
      { id: `${LB_ID}/backendAddressPools/be` },
    ]);
    expect(config.properties.loadBalancerInboundNatRules).toEqual([{ id: `${LB_ID}/inboundNatRules/ssh` }]);
    expect(r.diagnostics.filter((d) => d.code === 'association-target-not-found')).toEqual([]);
  });

  it('an association naming an IP configuration the NIC lacks is reported, not guessed', () => {
    const r = loadFiles({
      'main.tf': MAIN.replace('ip_configuration_name   = "ipconfig1"', 'ip_configuration_name   = "other"'),
    });
    const nic = r.graph.find('Microsoft.Network/networkInterfaces', 'nic')!;
    const config = (nic.properties.ipConfigurations as { properties: Record<string, unknown> }[])[0]!;
    expect(config.properties.loadBalancerBackendAddressPools).toBeUndefined();
    const missing = r.diagnostics.filter((d) => d.code === 'association-target-not-found');
    expect(missing.map((d) => d.message)).toEqual([
      expect.stringContaining("the NIC has no IP configuration named 'other'"),
    ]);
  });
});
