metadata description = 'Web spoke: web VM, App Service behind a private endpoint, UDR to the hub firewall.'

@description('Region of every resource of this template.')
param location string = resourceGroup().location

@description('VM administrator name.')
param adminUsername string = 'azureadmin'

@description('SSH public key of the administrators.')
@secure()
param adminSshPublicKey string

// Declared in the other templates of the landing zone.
resource ddosLz 'Microsoft.Network/ddosProtectionPlans@2024-05-01' existing = {
  name: 'ddos-lz'
}

resource vnetHub 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: 'vnet-hub'
}

resource vnetSpokeData 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: 'vnet-spoke-data'
}

resource privatelinkAzurewebsitesNet 'Microsoft.Network/privateDnsZones@2024-05-01' existing = {
  name: 'privatelink.azurewebsites.net'
}

resource nsgWeb 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: 'nsg-web'
  location: location
  properties: {
    securityRules: [
      {
        name: 'allow-https-from-hub-firewall'
        properties: {
          description: 'Web traffic arrives through the hub firewall only.'
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: '10.0.0.0/26'
          sourcePortRange: '*'
          destinationAddressPrefix: '10.1.1.0/24'
          destinationPortRange: '443'
        }
      }
      {
        name: 'allow-ssh-from-bastion'
        properties: {
          description: 'Administration through Azure Bastion.'
          priority: 110
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: '10.0.2.0/26'
          sourcePortRange: '*'
          destinationAddressPrefix: '10.1.1.0/24'
          destinationPortRange: '22'
        }
      }
      {
        name: 'allow-rdp-from-internet'
        properties: {
          description: 'Temporary vendor access (deliberate flaw: RDP open to the Internet).'
          priority: 120
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: 'Internet'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '3389'
        }
      }
    ]
  }
}

resource nsgPeWeb 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: 'nsg-pe-web'
  location: location
  properties: {
    securityRules: [
      {
        name: 'allow-https-from-app-subnet'
        properties: {
          description: 'The web app\'s VNet integration reaches its private endpoints.'
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: '10.1.2.0/24'
          sourcePortRange: '*'
          destinationAddressPrefix: '10.1.3.0/24'
          destinationPortRange: '443'
        }
      }
    ]
  }
}

resource rtSpokeWeb 'Microsoft.Network/routeTables@2024-05-01' = {
  name: 'rt-spoke-web'
  location: location
  properties: {
    disableBgpRoutePropagation: true
    routes: [
      {
        name: 'default-via-hub-firewall'
        properties: {
          addressPrefix: '0.0.0.0/0'
          nextHopType: 'VirtualAppliance'
          nextHopIpAddress: '10.0.0.4'
        }
      }
    ]
  }
}

resource vnetSpokeWeb 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-spoke-web'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.1.0.0/16'
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
        name: 'snet-web'
        properties: {
          addressPrefix: '10.1.1.0/24'
          routeTable: {
            id: rtSpokeWeb.id
          }
          networkSecurityGroup: {
            id: nsgWeb.id
          }
        }
      }
      {
        name: 'snet-app'
        properties: {
          addressPrefix: '10.1.2.0/24'
          routeTable: {
            id: rtSpokeWeb.id
          }
          delegations: [
            {
              name: 'web'
              properties: {
                serviceName: 'Microsoft.Web/serverFarms'
              }
            }
          ]
        }
      }
      {
        name: 'snet-pe'
        properties: {
          addressPrefix: '10.1.3.0/24'
          routeTable: {
            id: rtSpokeWeb.id
          }
          networkSecurityGroup: {
            id: nsgPeWeb.id
          }
          privateEndpointNetworkPolicies: 'Enabled'
        }
      }
    ]
  }
}

resource peerWebToHub 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  parent: vnetSpokeWeb
  name: 'peer-web-to-hub'
  properties: {
    remoteVirtualNetwork: {
      id: vnetHub.id
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    allowGatewayTransit: false
    useRemoteGateways: true
  }
}

@description('Deliberate flaw: direct spoke-to-spoke peering that bypasses the hub firewall.')
resource peerWebToData 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  parent: vnetSpokeWeb
  name: 'peer-web-to-data'
  properties: {
    remoteVirtualNetwork: {
      id: vnetSpokeData.id
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    allowGatewayTransit: false
    useRemoteGateways: false
  }
}

resource aspWeb 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'asp-web'
  location: location
  sku: {
    name: 'P1v3'
    tier: 'PremiumV3'
  }
  kind: 'linux'
  properties: {
    reserved: true
  }
}

resource appWeb 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-web'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: aspWeb.id
    httpsOnly: false
    publicNetworkAccess: 'Disabled'
    virtualNetworkSubnetId: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke-web', 'snet-app')
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      vnetRouteAllEnabled: true
    }
  }
  dependsOn: [
    vnetSpokeWeb
  ]
}

resource peAppWeb 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-app-web'
  location: location
  properties: {
    subnet: {
      id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke-web', 'snet-pe')
    }
    privateLinkServiceConnections: [
      {
        name: 'pe-app-web'
        properties: {
          privateLinkServiceId: appWeb.id
          groupIds: [
            'sites'
          ]
        }
      }
    ]
  }
}

resource peAppWebDns 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = {
  parent: peAppWeb
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'privatelink-azurewebsites-net'
        properties: {
          privateDnsZoneId: privatelinkAzurewebsitesNet.id
        }
      }
    ]
  }
}

resource nicVmWeb 'Microsoft.Network/networkInterfaces@2024-05-01' = {
  name: 'nic-vm-web'
  location: location
  properties: {
    ipConfigurations: [
      {
        name: 'ipconfig1'
        properties: {
          privateIPAllocationMethod: 'Dynamic'
          subnet: {
            id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke-web', 'snet-web')
          }
        }
      }
    ]
  }
  dependsOn: [
    vnetSpokeWeb
  ]
}

resource vmWeb 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm-web'
  location: location
  properties: {
    hardwareProfile: {
      vmSize: 'Standard_D2s_v5'
    }
    osProfile: {
      computerName: 'vm-web'
      adminUsername: adminUsername
      linuxConfiguration: {
        disablePasswordAuthentication: true
        ssh: {
          publicKeys: [
            {
              path: '/home/${adminUsername}/.ssh/authorized_keys'
              keyData: adminSshPublicKey
            }
          ]
        }
      }
    }
    storageProfile: {
      imageReference: {
        publisher: 'Canonical'
        offer: 'ubuntu-24_04-lts'
        sku: 'server'
        version: 'latest'
      }
      osDisk: {
        createOption: 'FromImage'
        managedDisk: {
          storageAccountType: 'Premium_LRS'
        }
      }
    }
    securityProfile: {
      encryptionAtHost: true
    }
    networkProfile: {
      networkInterfaces: [
        {
          id: nicVmWeb.id
        }
      ]
    }
  }
}
