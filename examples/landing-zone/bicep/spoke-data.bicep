metadata description = 'Data spoke: storage behind private endpoints, a management subnet reached from Bastion.'

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

resource vnetSpokeWeb 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: 'vnet-spoke-web'
}

resource privatelinkBlobCoreWindowsNet 'Microsoft.Network/privateDnsZones@2024-05-01' existing = {
  name: 'privatelink.blob.core.windows.net'
}

resource nsgData 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: 'nsg-data'
  location: location
  properties: {
    securityRules: [
      {
        name: 'allow-https-from-web-tier'
        properties: {
          description: 'The web tier reads blobs through the storage private endpoints.'
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: '10.1.1.0/24'
          sourcePortRange: '*'
          destinationAddressPrefix: '10.2.1.0/24'
          destinationPortRange: '443'
        }
      }
    ]
  }
}

resource nsgMgmt 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: 'nsg-mgmt'
  location: location
  properties: {
    securityRules: [
      {
        name: 'allow-ssh-from-bastion'
        properties: {
          description: 'Administration through Azure Bastion only.'
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: '10.0.2.0/26'
          sourcePortRange: '*'
          destinationAddressPrefix: '10.2.2.0/24'
          destinationPortRange: '22'
        }
      }
    ]
  }
}

resource rtSpokeData 'Microsoft.Network/routeTables@2024-05-01' = {
  name: 'rt-spoke-data'
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

resource vnetSpokeData 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-spoke-data'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.2.0.0/16'
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
        name: 'snet-data'
        properties: {
          addressPrefix: '10.2.1.0/24'
          routeTable: {
            id: rtSpokeData.id
          }
          networkSecurityGroup: {
            id: nsgData.id
          }
          privateEndpointNetworkPolicies: 'Enabled'
        }
      }
      {
        name: 'snet-mgmt'
        properties: {
          addressPrefix: '10.2.2.0/24'
          routeTable: {
            id: rtSpokeData.id
          }
          networkSecurityGroup: {
            id: nsgMgmt.id
          }
        }
      }
    ]
  }
}

resource peerDataToHub 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  parent: vnetSpokeData
  name: 'peer-data-to-hub'
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

@description('Deliberate flaw: the other half of the direct spoke-to-spoke peering.')
resource peerDataToWeb 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-05-01' = {
  parent: vnetSpokeData
  name: 'peer-data-to-web'
  properties: {
    remoteVirtualNetwork: {
      id: vnetSpokeWeb.id
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: true
    allowGatewayTransit: false
    useRemoteGateways: false
  }
}

@description('Application data (deliberate flaw: secure transfer switched off).')
resource stlzdata 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stlzdata'
  location: location
  sku: {
    name: 'Standard_ZRS'
  }
  kind: 'StorageV2'
  properties: {
    supportsHttpsTrafficOnly: false
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    publicNetworkAccess: 'Disabled'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'AzureServices'
      ipRules: []
      virtualNetworkRules: []
    }
    encryption: {
      requireInfrastructureEncryption: true
      keySource: 'Microsoft.Storage'
      services: {
        blob: {
          enabled: true
        }
        file: {
          enabled: true
        }
      }
    }
  }
}

resource peStlzdataBlob 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-stlzdata-blob'
  location: location
  properties: {
    subnet: {
      id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke-data', 'snet-data')
    }
    privateLinkServiceConnections: [
      {
        name: 'pe-stlzdata-blob'
        properties: {
          privateLinkServiceId: stlzdata.id
          groupIds: [
            'blob'
          ]
        }
      }
    ]
  }
}

resource peStlzdataBlobDns 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = {
  parent: peStlzdataBlob
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'privatelink-blob-core-windows-net'
        properties: {
          privateDnsZoneId: privatelinkBlobCoreWindowsNet.id
        }
      }
    ]
  }
}

@description('Flow logs of every virtual network (trusted-service access for Network Watcher).')
resource stlzflowlogs 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stlzflowlogs'
  location: location
  sku: {
    name: 'Standard_ZRS'
  }
  kind: 'StorageV2'
  properties: {
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    publicNetworkAccess: 'Disabled'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'AzureServices'
      ipRules: []
      virtualNetworkRules: []
    }
    encryption: {
      requireInfrastructureEncryption: true
      keySource: 'Microsoft.Storage'
      services: {
        blob: {
          enabled: true
        }
        file: {
          enabled: true
        }
      }
    }
  }
}

resource peStlzflowlogsBlob 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-stlzflowlogs-blob'
  location: location
  properties: {
    subnet: {
      id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke-data', 'snet-data')
    }
    privateLinkServiceConnections: [
      {
        name: 'pe-stlzflowlogs-blob'
        properties: {
          privateLinkServiceId: stlzflowlogs.id
          groupIds: [
            'blob'
          ]
        }
      }
    ]
  }
}

resource peStlzflowlogsBlobDns 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = {
  parent: peStlzflowlogsBlob
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'privatelink-blob-core-windows-net'
        properties: {
          privateDnsZoneId: privatelinkBlobCoreWindowsNet.id
        }
      }
    ]
  }
}

resource pipVmJump 'Microsoft.Network/publicIPAddresses@2024-05-01' = {
  name: 'pip-vm-jump'
  location: location
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}

resource nicVmJump 'Microsoft.Network/networkInterfaces@2024-05-01' = {
  name: 'nic-vm-jump'
  location: location
  properties: {
    ipConfigurations: [
      {
        name: 'ipconfig1'
        properties: {
          privateIPAllocationMethod: 'Dynamic'
          subnet: {
            id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke-data', 'snet-mgmt')
          }
          publicIPAddress: {
            id: pipVmJump.id
          }
        }
      }
    ]
  }
  dependsOn: [
    vnetSpokeData
  ]
}

resource vmJump 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm-jump'
  location: location
  properties: {
    hardwareProfile: {
      vmSize: 'Standard_D2s_v5'
    }
    osProfile: {
      computerName: 'vm-jump'
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
          id: nicVmJump.id
        }
      ]
    }
  }
}
