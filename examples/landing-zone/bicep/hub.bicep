metadata description = 'Landing-zone hub: Azure Firewall Premium, VPN gateway, Bastion and DDoS plan; peered to both spokes.'

@description('Region of every resource of this template.')
param location string = resourceGroup().location

@description('Public IP of the on-premises VPN device.')
param onPremisesGatewayIp string

@description('Key Vault secret ID of the intermediate CA used for TLS inspection (readable by id-fwpol-hub).')
param tlsInspectionCaSecretId string

@description('Pre-shared key of the site-to-site connection (from Key Vault).')
@secure()
param vpnSharedKey string

// Declared in the other templates of the landing zone.
resource vnetSpokeWeb 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: 'vnet-spoke-web'
}

resource vnetSpokeData 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: 'vnet-spoke-data'
}

resource nsgBastion 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: 'nsg-bastion'
  location: location
  properties: {
    securityRules: [
      {
        name: 'allow-https-inbound'
        properties: {
          description: 'Users reach Bastion over TLS.'
          priority: 120
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'Internet'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '443'
        }
      }
      {
        name: 'allow-gateway-manager-inbound'
        properties: {
          description: 'Bastion control plane.'
          priority: 130
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'GatewayManager'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '443'
        }
      }
      {
        name: 'allow-load-balancer-inbound'
        properties: {
          description: 'Health probes.'
          priority: 140
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'AzureLoadBalancer'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '443'
        }
      }
      {
        name: 'allow-bastion-host-communication'
        properties: {
          description: 'Bastion data plane.'
          priority: 150
          direction: 'Inbound'
          access: 'Allow'
          protocol: '*'
          sourceAddressPrefix: 'VirtualNetwork'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRanges: [
            '8080'
            '5701'
          ]
        }
      }
      {
        name: 'allow-ssh-rdp-outbound'
        properties: {
          description: 'Sessions to the target VMs.'
          priority: 100
          direction: 'Outbound'
          access: 'Allow'
          protocol: '*'
          sourceAddressPrefix: '*'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRanges: [
            '22'
            '3389'
          ]
        }
      }
      {
        name: 'allow-azure-cloud-outbound'
        properties: {
          description: 'Diagnostics and metering.'
          priority: 110
          direction: 'Outbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: '*'
          sourcePortRange: '*'
          destinationAddressPrefix: 'AzureCloud'
          destinationPortRange: '443'
        }
      }
      {
        name: 'allow-bastion-communication'
        properties: {
          description: 'Bastion data plane.'
          priority: 120
          direction: 'Outbound'
          access: 'Allow'
          protocol: '*'
          sourceAddressPrefix: 'VirtualNetwork'
          sourcePortRange: '*'
          destinationAddressPrefix: 'VirtualNetwork'
          destinationPortRanges: [
            '8080'
            '5701'
          ]
        }
      }
      {
        name: 'allow-session-information'
        properties: {
          description: 'Session and certificate validation.'
          priority: 130
          direction: 'Outbound'
          access: 'Allow'
          protocol: '*'
          sourceAddressPrefix: '*'
          sourcePortRange: '*'
          destinationAddressPrefix: 'Internet'
          destinationPortRange: '80'
        }
      }
    ]
  }
}

resource ddosLz 'Microsoft.Network/ddosProtectionPlans@2024-05-01' = {
  name: 'ddos-lz'
  location: location
  properties: {}
}

resource vnetHub 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-hub'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.0.0.0/16'
      ]
    }
    encryption: {
      enabled: true
      enforcement: 'AllowUnencrypted'
    }
    enableDdosProtection: true
    ddosProtectionPlan: {
      id: ddosLz.id
    }
    subnets: [
      {
        name: 'AzureFirewallSubnet'
        properties: {
          addressPrefix: '10.0.0.0/26'
        }
      }
      {
        name: 'GatewaySubnet'
        properties: {
          addressPrefix: '10.0.1.0/27'
        }
      }
      {
        name: 'AzureBastionSubnet'
        properties: {
          addressPrefix: '10.0.2.0/26'
          networkSecurityGroup: {
            id: nsgBastion.id
          }
        }
      }
    ]
  }
}

resource peerHubToWeb 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  parent: vnetHub
  name: 'peer-hub-to-web'
  properties: {
    remoteVirtualNetwork: {
      id: vnetSpokeWeb.id
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    allowGatewayTransit: true
    useRemoteGateways: false
  }
}

resource peerHubToData 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  parent: vnetHub
  name: 'peer-hub-to-data'
  properties: {
    remoteVirtualNetwork: {
      id: vnetSpokeData.id
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    allowGatewayTransit: true
    useRemoteGateways: false
  }
}

resource pipAfwHub 'Microsoft.Network/publicIPAddresses@2024-05-01' = {
  name: 'pip-afw-hub'
  location: location
  sku: {
    name: 'Standard'
    tier: 'Regional'
  }
  zones: [
    '1'
    '2'
    '3'
  ]
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
  }
}

resource pipVgwHub 'Microsoft.Network/publicIPAddresses@2024-05-01' = {
  name: 'pip-vgw-hub'
  location: location
  sku: {
    name: 'Standard'
    tier: 'Regional'
  }
  zones: [
    '1'
    '2'
    '3'
  ]
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
  }
}

resource pipBasHub 'Microsoft.Network/publicIPAddresses@2024-05-01' = {
  name: 'pip-bas-hub'
  location: location
  sku: {
    name: 'Standard'
    tier: 'Regional'
  }
  zones: [
    '1'
    '2'
    '3'
  ]
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
  }
}

resource idFwpolHub 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-fwpol-hub'
  location: location
}

resource fwpolHub 'Microsoft.Network/firewallPolicies@2024-05-01' = {
  name: 'fwpol-hub'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${idFwpolHub.id}': {}
    }
  }
  properties: {
    sku: {
      tier: 'Premium'
    }
    transportSecurity: {
      certificateAuthority: {
        name: 'ca-tls-inspection'
        keyVaultSecretId: tlsInspectionCaSecretId
      }
    }
    threatIntelMode: 'Alert'
    intrusionDetection: {
      mode: 'Deny'
    }
    dnsSettings: {
      enableProxy: true
    }
  }
}

resource rcgSpokes 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2024-05-01' = {
  parent: fwpolHub
  name: 'rcg-spokes'
  properties: {
    priority: 200
    ruleCollections: [
      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        name: 'web-to-data'
        priority: 100
        action: {
          type: 'Allow'
        }
        rules: [
          {
            ruleType: 'NetworkRule'
            name: 'web-tier-to-data-https'
            ipProtocols: [
              'TCP'
            ]
            sourceAddresses: [
              '10.1.1.0/24'
              '10.1.2.0/24'
            ]
            destinationAddresses: [
              '10.2.1.0/24'
            ]
            destinationPorts: [
              '443'
            ]
          }
        ]
      }
      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        name: 'spokes-to-internet'
        priority: 200
        action: {
          type: 'Allow'
        }
        rules: [
          {
            ruleType: 'ApplicationRule'
            name: 'os-updates'
            sourceAddresses: [
              '10.1.0.0/16'
              '10.2.0.0/16'
            ]
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            terminateTLS: true
            targetFqdns: [
              '*.ubuntu.com'
              'packages.microsoft.com'
            ]
          }
        ]
      }
    ]
  }
}

resource afwHub 'Microsoft.Network/azureFirewalls@2024-05-01' = {
  name: 'afw-hub'
  location: location
  zones: [
    '1'
    '2'
    '3'
  ]
  properties: {
    sku: {
      name: 'AZFW_VNet'
      tier: 'Premium'
    }
    firewallPolicy: {
      id: fwpolHub.id
    }
    ipConfigurations: [
      {
        name: 'ipconfig'
        properties: {
          subnet: {
            id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-hub', 'AzureFirewallSubnet')
          }
          publicIPAddress: {
            id: pipAfwHub.id
          }
        }
      }
    ]
  }
  dependsOn: [
    vnetHub
    rcgSpokes
  ]
}

resource vgwHub 'Microsoft.Network/virtualNetworkGateways@2024-05-01' = {
  name: 'vgw-hub'
  location: location
  properties: {
    gatewayType: 'Vpn'
    vpnType: 'RouteBased'
    vpnGatewayGeneration: 'Generation2'
    sku: {
      name: 'VpnGw2AZ'
      tier: 'VpnGw2AZ'
    }
    enableBgp: false
    activeActive: false
    ipConfigurations: [
      {
        name: 'ipconfig'
        properties: {
          privateIPAllocationMethod: 'Dynamic'
          subnet: {
            id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-hub', 'GatewaySubnet')
          }
          publicIPAddress: {
            id: pipVgwHub.id
          }
        }
      }
    ]
  }
  dependsOn: [
    vnetHub
  ]
}

resource lgwOnprem 'Microsoft.Network/localNetworkGateways@2024-05-01' = {
  name: 'lgw-onprem'
  location: location
  properties: {
    gatewayIpAddress: onPremisesGatewayIp
    localNetworkAddressSpace: {
      addressPrefixes: [
        '192.168.0.0/16'
      ]
    }
  }
}

resource cnHubOnprem 'Microsoft.Network/connections@2024-05-01' = {
  name: 'cn-hub-onprem'
  location: location
  properties: {
    connectionType: 'IPsec'
    connectionProtocol: 'IKEv2'
    sharedKey: vpnSharedKey
    virtualNetworkGateway1: {
      id: vgwHub.id
    }
    localNetworkGateway2: {
      id: lgwOnprem.id
    }
    usePolicyBasedTrafficSelectors: false
    ipsecPolicies: [
      {
        saLifeTimeSeconds: 27000
        saDataSizeKilobytes: 102400000
        ipsecEncryption: 'GCMAES256'
        ipsecIntegrity: 'GCMAES256'
        ikeEncryption: 'AES256'
        ikeIntegrity: 'SHA384'
        dhGroup: 'ECP384'
        pfsGroup: 'ECP384'
      }
    ]
  }
}

resource basHub 'Microsoft.Network/bastionHosts@2024-05-01' = {
  name: 'bas-hub'
  location: location
  sku: {
    name: 'Standard'
  }
  properties: {
    enableShareableLink: false
    enableTunneling: false
    enableIpConnect: false
    disableCopyPaste: true
    ipConfigurations: [
      {
        name: 'ipconfig'
        properties: {
          subnet: {
            id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-hub', 'AzureBastionSubnet')
          }
          publicIPAddress: {
            id: pipBasHub.id
          }
        }
      }
    ]
  }
  dependsOn: [
    vnetHub
  ]
}
