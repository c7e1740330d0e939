import { locateValue } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { loadFiles, valueAt } from '../testing/load-files.js';

describe('compute translators', () => {
  it('VMs reference their NICs; legacy VMs too', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_network_interface" "nic" {
  name                = "nic"
  resource_group_name = "rg"
  location            = "westeurope"
}
resource "azurerm_linux_virtual_machine" "vm" {
  name                            = "vm"
  resource_group_name             = "rg"
  location                        = "westeurope"
  size                            = "Standard_B2s"
  network_interface_ids           = [azurerm_network_interface.nic.id]
  disable_password_authentication = true
}
resource "azurerm_virtual_machine" "old" {
  name                  = "old"
  resource_group_name   = "rg"
  location              = "westeurope"
  vm_size               = "Standard_B1s"
  network_interface_ids = [azurerm_network_interface.nic.id]
  os_profile_linux_config {
    disable_password_authentication = false
  }
}
`,
    });
    const vm = r.graph.find('Microsoft.Compute/virtualMachines', 'vm')!;
    const nic = r.graph.find('Microsoft.Network/networkInterfaces', 'nic')!;
    expect(
      r.graph
        .referencesTo(nic, 'Microsoft.Compute/virtualMachines')
        .map((e) => e.from.name)
        .sort(),
    ).toEqual(['old', 'vm']);
    expect(vm.properties.osProfile).toEqual({ linuxConfiguration: { disablePasswordAuthentication: true } });
    expect(vm.properties.hardwareProfile).toEqual({ vmSize: 'Standard_B2s' });
    const old = r.graph.find('Microsoft.Compute/virtualMachines', 'old')!;
    expect(old.properties.osProfile).toEqual({
      linuxConfiguration: { disablePasswordAuthentication: false },
    });
  });

  it('scale sets: the SKU of the per-instance public IPs of an orchestrated scale set', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_orchestrated_virtual_machine_scale_set" "flex" {
  name                        = "vmss-flex"
  resource_group_name         = "rg"
  location                    = "westeurope"
  platform_fault_domain_count = 1
  network_interface {
    name    = "nic"
    primary = true
    ip_configuration {
      name      = "ip"
      primary   = true
      subnet_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s"
      public_ip_address {
        name     = "pip"
        sku_name = "Standard_Regional"
      }
    }
  }
}
`,
    });
    const vmss = r.graph.find('Microsoft.Compute/virtualMachineScaleSets', 'vmss-flex')!;
    const config = valueAt(vmss, [
      'properties',
      'virtualMachineProfile',
      'networkProfile',
      'networkInterfaceConfigurations',
      0,
      'properties',
      'ipConfigurations',
      0,
      'properties',
      'publicIPAddressConfiguration',
    ]);
    expect(config).toEqual({ name: 'pip', sku: { name: 'Standard', tier: 'Regional' }, properties: {} });
  });

  it('scale sets: v3/v4 network_interface blocks with a public IP per instance; legacy network_profile', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_linux_virtual_machine_scale_set" "s" {
  name                = "vmss"
  resource_group_name = "rg"
  location            = "westeurope"
  sku                 = "Standard_B2s"
  instances           = 2
  network_interface {
    name    = "nic"
    primary = true
    ip_configuration {
      name      = "ip"
      primary   = true
      subnet_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s"
      public_ip_address {
        name = "pip"
      }
    }
  }
}
resource "azurerm_virtual_machine_scale_set" "legacy" {
  name                = "legacy"
  resource_group_name = "rg"
  location            = "westeurope"
  network_profile {
    name    = "np"
    primary = true
    ip_configuration {
      name      = "ip"
      primary   = true
      subnet_id = "x"
      load_balancer_backend_address_pool_ids = ["pool"]
    }
  }
}
`,
    });
    const vmss = r.graph.find('Microsoft.Compute/virtualMachineScaleSets', 'vmss')!;
    expect(vmss.sku).toEqual({ name: 'Standard_B2s', capacity: 2 });
    const path = [
      'properties',
      'virtualMachineProfile',
      'networkProfile',
      'networkInterfaceConfigurations',
      0,
      'properties',
      'ipConfigurations',
      0,
      'properties',
      'publicIPAddressConfiguration',
    ];
    expect(valueAt(vmss, path)).toEqual({ name: 'pip', properties: {} });
    expect(locateValue(vmss, path)?.startLine).toBe(14);
    const legacy = r.graph.find('Microsoft.Compute/virtualMachineScaleSets', 'legacy')!;
    const subnetPath = [
      'properties',
      'virtualMachineProfile',
      'networkProfile',
      'networkInterfaceConfigurations',
      0,
    ];
    const ip = valueAt(legacy, [...subnetPath, 'properties', 'ipConfigurations', 0, 'properties', 'subnet']);
    expect(ip).toEqual({ id: 'x' });
    // Pool membership is where the exposure analysis finds a load balancer's backends.
    expect(
      valueAt(legacy, [
        ...subnetPath,
        'properties',
        'ipConfigurations',
        0,
        'properties',
        'loadBalancerBackendAddressPools',
      ]),
    ).toEqual([{ id: 'pool' }]);
  });
});
