metadata description = 'Shared services: Log Analytics, VNet flow logs with traffic analytics, diagnostic settings, DDoS alerts, private DNS.'

@description('Region of every resource of this template.')
param location string = resourceGroup().location

@description('Where DDoS alerts are sent.')
param alertEmail string

// Declared in the other templates of the landing zone.
resource vnetHub 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: 'vnet-hub'
}

resource stlzflowlogs 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'stlzflowlogs'
}

resource vnetSpokeWeb 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: 'vnet-spoke-web'
}

resource vnetSpokeData 'Microsoft.Network/virtualNetworks@2024-05-01' existing = {
  name: 'vnet-spoke-data'
}

resource afwHub 'Microsoft.Network/azureFirewalls@2024-05-01' existing = {
  name: 'afw-hub'
}

resource vgwHub 'Microsoft.Network/virtualNetworkGateways@2024-05-01' existing = {
  name: 'vgw-hub'
}

resource basHub 'Microsoft.Network/bastionHosts@2024-05-01' existing = {
  name: 'bas-hub'
}

resource pipAfwHub 'Microsoft.Network/publicIPAddresses@2024-05-01' existing = {
  name: 'pip-afw-hub'
}

resource pipVgwHub 'Microsoft.Network/publicIPAddresses@2024-05-01' existing = {
  name: 'pip-vgw-hub'
}

resource pipBasHub 'Microsoft.Network/publicIPAddresses@2024-05-01' existing = {
  name: 'pip-bas-hub'
}

resource lawLz 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'law-lz'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 90
  }
}

resource agNetops 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-netops'
  location: 'global'
  properties: {
    groupShortName: 'netops'
    enabled: true
    emailReceivers: [
      {
        name: 'netops'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

resource nwLz 'Microsoft.Network/networkWatchers@2024-05-01' = {
  name: 'nw-lz'
  location: location
  properties: {}
}

resource flVnetHub 'Microsoft.Network/networkWatchers/flowLogs@2024-05-01' = {
  parent: nwLz
  name: 'fl-vnet-hub'
  location: location
  properties: {
    targetResourceId: vnetHub.id
    storageId: stlzflowlogs.id
    enabled: true
    format: {
      type: 'JSON'
      version: 2
    }
    retentionPolicy: {
      enabled: true
      days: 90
    }
    flowAnalyticsConfiguration: {
      networkWatcherFlowAnalyticsConfiguration: {
        enabled: true
        workspaceResourceId: lawLz.id
        trafficAnalyticsInterval: 10
      }
    }
  }
}

resource flVnetSpokeWeb 'Microsoft.Network/networkWatchers/flowLogs@2024-05-01' = {
  parent: nwLz
  name: 'fl-vnet-spoke-web'
  location: location
  properties: {
    targetResourceId: vnetSpokeWeb.id
    storageId: stlzflowlogs.id
    enabled: true
    format: {
      type: 'JSON'
      version: 2
    }
    retentionPolicy: {
      enabled: true
      days: 90
    }
    flowAnalyticsConfiguration: {
      networkWatcherFlowAnalyticsConfiguration: {
        enabled: true
        workspaceResourceId: lawLz.id
        trafficAnalyticsInterval: 10
      }
    }
  }
}

resource flVnetSpokeData 'Microsoft.Network/networkWatchers/flowLogs@2024-05-01' = {
  parent: nwLz
  name: 'fl-vnet-spoke-data'
  location: location
  properties: {
    targetResourceId: vnetSpokeData.id
    storageId: stlzflowlogs.id
    enabled: true
    format: {
      type: 'JSON'
      version: 2
    }
    retentionPolicy: {
      enabled: true
      days: 90
    }
    flowAnalyticsConfiguration: {
      networkWatcherFlowAnalyticsConfiguration: {
        enabled: true
        workspaceResourceId: lawLz.id
        trafficAnalyticsInterval: 10
      }
    }
  }
}

resource diagAfwHub 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'diag-afw-hub'
  scope: afwHub
  properties: {
    workspaceId: lawLz.id
    logAnalyticsDestinationType: 'Dedicated'
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

resource diagVgwHub 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'diag-vgw-hub'
  scope: vgwHub
  properties: {
    workspaceId: lawLz.id
    logAnalyticsDestinationType: 'Dedicated'
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

resource diagBasHub 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'diag-bas-hub'
  scope: basHub
  properties: {
    workspaceId: lawLz.id
    logAnalyticsDestinationType: 'Dedicated'
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

resource alertDdosPipAfwHub 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-ddos-pip-afw-hub'
  location: 'global'
  properties: {
    description: 'pip-afw-hub is under DDoS attack.'
    severity: 1
    enabled: true
    scopes: [
      pipAfwHub.id
    ]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'under-attack'
          metricName: 'IfUnderDDoSAttack'
          metricNamespace: 'Microsoft.Network/publicIPAddresses'
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Maximum'
        }
      ]
    }
    actions: [
      {
        actionGroupId: agNetops.id
      }
    ]
  }
}

resource alertDdosPipVgwHub 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-ddos-pip-vgw-hub'
  location: 'global'
  properties: {
    description: 'pip-vgw-hub is under DDoS attack.'
    severity: 1
    enabled: true
    scopes: [
      pipVgwHub.id
    ]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'under-attack'
          metricName: 'IfUnderDDoSAttack'
          metricNamespace: 'Microsoft.Network/publicIPAddresses'
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Maximum'
        }
      ]
    }
    actions: [
      {
        actionGroupId: agNetops.id
      }
    ]
  }
}

resource alertDdosPipBasHub 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-ddos-pip-bas-hub'
  location: 'global'
  properties: {
    description: 'pip-bas-hub is under DDoS attack.'
    severity: 1
    enabled: true
    scopes: [
      pipBasHub.id
    ]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'under-attack'
          metricName: 'IfUnderDDoSAttack'
          metricNamespace: 'Microsoft.Network/publicIPAddresses'
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Maximum'
        }
      ]
    }
    actions: [
      {
        actionGroupId: agNetops.id
      }
    ]
  }
}

resource privatelinkBlobCoreWindowsNet 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.blob.core.windows.net'
  location: 'global'
  properties: {}
}

resource linkVnetHub 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: privatelinkBlobCoreWindowsNet
  name: 'link-vnet-hub'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnetHub.id
    }
  }
}

resource linkVnetSpokeWeb 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: privatelinkBlobCoreWindowsNet
  name: 'link-vnet-spoke-web'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnetSpokeWeb.id
    }
  }
}

resource linkVnetSpokeData 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: privatelinkBlobCoreWindowsNet
  name: 'link-vnet-spoke-data'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnetSpokeData.id
    }
  }
}

resource privatelinkAzurewebsitesNet 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.azurewebsites.net'
  location: 'global'
  properties: {}
}

resource linkVnetHub 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: privatelinkAzurewebsitesNet
  name: 'link-vnet-hub'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnetHub.id
    }
  }
}

resource linkVnetSpokeWeb 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: privatelinkAzurewebsitesNet
  name: 'link-vnet-spoke-web'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnetSpokeWeb.id
    }
  }
}

resource linkVnetSpokeData 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: privatelinkAzurewebsitesNet
  name: 'link-vnet-spoke-data'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnetSpokeData.id
    }
  }
}
