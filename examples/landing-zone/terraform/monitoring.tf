# Shared services: Log Analytics, VNet flow logs with traffic analytics, diagnostic settings,
# DDoS alerts, private DNS.

locals {
  vnets = {
    "vnet-hub"        = azurerm_virtual_network.hub.id
    "vnet-spoke-web"  = azurerm_virtual_network.spoke_web.id
    "vnet-spoke-data" = azurerm_virtual_network.spoke_data.id
  }
  private_dns_zones = toset(["privatelink.blob.core.windows.net", "privatelink.azurewebsites.net"])
  dns_zone_links = {
    for pair in setproduct(local.private_dns_zones, keys(local.vnets)) :
    "${pair[0]}/${pair[1]}" => { zone = pair[0], vnet = pair[1] }
  }
  logged_resources = {
    "afw-hub" = azurerm_firewall.hub.id
    "vgw-hub" = azurerm_virtual_network_gateway.hub.id
    "bas-hub" = azurerm_bastion_host.hub.id
  }
}

resource "azurerm_log_analytics_workspace" "lz" {
  name                = "law-lz"
  location            = local.location
  resource_group_name = local.resource_group_name
  sku                 = "PerGB2018"
  retention_in_days   = 90
}

resource "azurerm_monitor_action_group" "netops" {
  name                = "ag-netops"
  resource_group_name = local.resource_group_name
  short_name          = "netops"

  email_receiver {
    name                    = "netops"
    email_address           = var.alert_email
    use_common_alert_schema = true
  }
}

resource "azurerm_network_watcher" "lz" {
  name                = "nw-lz"
  location            = local.location
  resource_group_name = local.resource_group_name
}

resource "azurerm_network_watcher_flow_log" "vnet" {
  for_each             = local.vnets
  name                 = "fl-${each.key}"
  network_watcher_name = azurerm_network_watcher.lz.name
  resource_group_name  = local.resource_group_name
  target_resource_id   = each.value
  storage_account_id   = azurerm_storage_account.lz["stlzflowlogs"].id
  enabled              = true
  version              = 2

  retention_policy {
    enabled = true
    days    = 90
  }
  traffic_analytics {
    enabled               = true
    workspace_id          = azurerm_log_analytics_workspace.lz.workspace_id
    workspace_region      = azurerm_log_analytics_workspace.lz.location
    workspace_resource_id = azurerm_log_analytics_workspace.lz.id
    interval_in_minutes   = 10
  }
}

resource "azurerm_monitor_diagnostic_setting" "network" {
  for_each                       = local.logged_resources
  name                           = "diag-${each.key}"
  target_resource_id             = each.value
  log_analytics_workspace_id     = azurerm_log_analytics_workspace.lz.id
  log_analytics_destination_type = "Dedicated"

  enabled_log {
    category_group = "allLogs"
  }
  metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_metric_alert" "ddos" {
  for_each            = toset(["pip-afw-hub", "pip-vgw-hub", "pip-bas-hub"])
  name                = "alert-ddos-${each.key}"
  resource_group_name = local.resource_group_name
  scopes              = [azurerm_public_ip.hub[each.key].id]
  description         = "${each.key} is under DDoS attack."
  severity            = 1
  frequency           = "PT1M"
  window_size         = "PT5M"

  criteria {
    metric_namespace = "Microsoft.Network/publicIPAddresses"
    metric_name      = "IfUnderDDoSAttack"
    aggregation      = "Maximum"
    operator         = "GreaterThan"
    threshold        = 0
  }
  action {
    action_group_id = azurerm_monitor_action_group.netops.id
  }
}

resource "azurerm_private_dns_zone" "zones" {
  for_each            = local.private_dns_zones
  name                = each.key
  resource_group_name = local.resource_group_name
}

resource "azurerm_private_dns_zone_virtual_network_link" "links" {
  for_each              = local.dns_zone_links
  name                  = "link-${each.value.vnet}"
  resource_group_name   = local.resource_group_name
  private_dns_zone_name = azurerm_private_dns_zone.zones[each.value.zone].name
  virtual_network_id    = local.vnets[each.value.vnet]
  registration_enabled  = false
}
