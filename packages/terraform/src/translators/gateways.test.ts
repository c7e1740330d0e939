import { locateValue } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { loadFiles, valueAt } from '../testing/load-files.js';

const rg = 'resource_group_name = "rg"\n  location = "westeurope"';

describe('gateway translators', () => {
  it('VPN gateway with point-to-site config and a connection with an IPsec policy', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_virtual_network_gateway" "gw" {
  name     = "vpngw"
  ${rg}
  type     = "Vpn"
  vpn_type = "RouteBased"
  sku      = "VpnGw2"
  ip_configuration {
    name                 = "cfg"
    subnet_id            = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/GatewaySubnet"
    public_ip_address_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/publicIPAddresses/gw"
  }
  vpn_client_configuration {
    address_space        = ["172.16.0.0/24"]
    vpn_client_protocols = ["OpenVPN"]
    vpn_auth_types       = ["AAD"]
    aad_tenant           = "https://login.microsoftonline.com/tenant"
  }
}
resource "azurerm_virtual_network_gateway_connection" "c" {
  name                       = "s2s"
  ${rg}
  type                       = "IPsec"
  connection_protocol        = "IKEv2"
  virtual_network_gateway_id = azurerm_virtual_network_gateway.gw.id
  local_network_gateway_id   = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/localNetworkGateways/onprem"
  ipsec_policy {
    dh_group         = "DHGroup14"
    ike_encryption   = "AES256"
    ike_integrity    = "SHA256"
    ipsec_encryption = "GCMAES256"
    ipsec_integrity  = "GCMAES256"
    pfs_group        = "PFS2048"
    sa_lifetime      = 27000
  }
}
`,
    });
    const gw = r.graph.find('Microsoft.Network/virtualNetworkGateways', 'vpngw')!;
    expect(gw.properties).toMatchObject({
      gatewayType: 'Vpn',
      vpnType: 'RouteBased',
      sku: { name: 'VpnGw2', tier: 'VpnGw2' },
      vpnClientConfiguration: {
        vpnClientProtocols: ['OpenVPN'],
        vpnAuthenticationTypes: ['AAD'],
        aadTenant: 'https://login.microsoftonline.com/tenant',
        vpnClientAddressPool: { addressPrefixes: ['172.16.0.0/24'] },
      },
    });
    const c = r.graph.find('Microsoft.Network/connections', 's2s')!;
    expect(c.properties).toMatchObject({ connectionType: 'IPsec', connectionProtocol: 'IKEv2' });
    expect(r.graph.resolve(c.properties.virtualNetworkGateway1)).toBe(gw);
    expect(c.properties.ipsecPolicies).toEqual([
      {
        dhGroup: 'DHGroup14',
        ikeEncryption: 'AES256',
        ikeIntegrity: 'SHA256',
        ipsecEncryption: 'GCMAES256',
        ipsecIntegrity: 'GCMAES256',
        pfsGroup: 'PFS2048',
        saLifeTimeSeconds: 27000,
      },
    ]);
    expect(locateValue(c, ['properties', 'ipsecPolicies', 0, 'ikeEncryption'])?.startLine).toBe(30);
  });

  it('VPN gateway radius_server blocks become radiusServers, without the secret', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_virtual_network_gateway" "gw" {
  name     = "vpngw"
  ${rg}
  type     = "Vpn"
  sku      = "VpnGw2"
  vpn_client_configuration {
    address_space = ["172.16.0.0/24"]
    radius_server {
      address = "10.1.0.4"
      secret  = "s3cret"
      score   = 30
    }
    radius_server {
      address = "10.1.0.5"
      secret  = "s3cret"
      score   = 10
    }
  }
}
`,
    });
    const gw = r.graph.ofType('Microsoft.Network/virtualNetworkGateways')[0]!;
    const config = gw.properties.vpnClientConfiguration as Record<string, unknown>;
    expect(config.radiusServers).toEqual([
      { radiusServerAddress: '10.1.0.4', radiusServerScore: 30 },
      { radiusServerAddress: '10.1.0.5', radiusServerScore: 10 },
    ]);
    expect(locateValue(gw, ['properties', 'vpnClientConfiguration', 'radiusServers', 1])?.startLine).toBe(14);
  });

  it('ExpressRoute circuit peering is a peerings child of its circuit, named by its type', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_express_route_circuit" "er" {
  name                  = "erc"
  ${rg}
  service_provider_name = "Equinix"
  peering_location      = "Amsterdam"
  bandwidth_in_mbps     = 50
}
resource "azurerm_express_route_circuit_peering" "p" {
  peering_type                  = "AzurePrivatePeering"
  express_route_circuit_name    = azurerm_express_route_circuit.er.name
  resource_group_name           = "rg"
  peer_asn                      = 65001
  primary_peer_address_prefix   = "192.168.10.0/30"
  secondary_peer_address_prefix = "192.168.10.4/30"
  vlan_id                       = 100
  shared_key                    = "s3cret"
}
`,
    });
    const circuit = r.graph.find('Microsoft.Network/expressRouteCircuits', 'erc')!;
    const peering = r.graph.find(
      'Microsoft.Network/expressRouteCircuits/peerings',
      'erc/AzurePrivatePeering',
    )!;
    expect(peering.properties).toEqual({
      peeringType: 'AzurePrivatePeering',
      peerASN: 65001,
      vlanId: 100,
      primaryPeerAddressPrefix: '192.168.10.0/30',
      secondaryPeerAddressPrefix: '192.168.10.4/30',
    });
    expect(r.graph.parentOf(peering)).toBe(circuit);
    expect(r.graph.childrenOf(circuit, 'peerings')).toEqual([peering]);
    expect(locateValue(peering, ['properties', 'vlanId'])?.startLine).toBe(16);
  });

  it('ExpressRoute Direct port with MACsec and identity; circuit over the port; Bastion defaults', () => {
    const r = loadFiles({
      'main.tf': `resource "azurerm_express_route_port" "p" {
  name              = "erp"
  ${rg}
  peering_location  = "Airtel-Chennai-CLS"
  bandwidth_in_gbps = 10
  encapsulation     = "Dot1Q"
  identity {
    type         = "UserAssigned"
    identity_ids = ["/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id"]
  }
  link1 {
    macsec_cipher                 = "GcmAes256"
    macsec_ckn_keyvault_secret_id = "https://kv.vault.azure.net/secrets/ckn"
    macsec_cak_keyvault_secret_id = "https://kv.vault.azure.net/secrets/cak"
  }
}
resource "azurerm_express_route_circuit" "c" {
  name                  = "erc"
  ${rg}
  express_route_port_id = azurerm_express_route_port.p.id
  bandwidth_in_gbps     = 5
  sku {
    tier   = "Premium"
    family = "MeteredData"
  }
}
resource "azurerm_bastion_host" "b" {
  name = "bastion"
  ${rg}
  ip_configuration {
    name                 = "cfg"
    subnet_id            = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/AzureBastionSubnet"
    public_ip_address_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/publicIPAddresses/bas"
  }
}
`,
    });
    const port = r.graph.find('Microsoft.Network/expressRoutePorts', 'erp')!;
    expect(port.identity).toEqual({
      type: 'UserAssigned',
      userAssignedIdentities: {
        '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id':
          {},
      },
    });
    expect(port.properties.links).toEqual([
      {
        name: 'link1',
        properties: {
          macSecConfig: {
            cipher: 'GcmAes256',
            cknSecretIdentifier: 'https://kv.vault.azure.net/secrets/ckn',
            cakSecretIdentifier: 'https://kv.vault.azure.net/secrets/cak',
          },
        },
      },
    ]);
    const circuit = r.graph.find('Microsoft.Network/expressRouteCircuits', 'erc')!;
    expect(r.graph.resolve(circuit.properties.expressRoutePort)).toBe(port);
    expect(circuit.sku).toEqual({ tier: 'Premium', family: 'MeteredData' });
    const bastion = r.graph.find('Microsoft.Network/bastionHosts', 'bastion')!;
    expect(bastion.sku).toEqual({ name: 'Basic' });
    expect(valueAt(bastion, ['properties', 'ipConfigurations', 0, 'properties', 'subnet', 'id'])).toMatch(
      /AzureBastionSubnet$/,
    );
  });
});
