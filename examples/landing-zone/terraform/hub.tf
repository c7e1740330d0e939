# Hub: Azure Firewall Premium, VPN gateway, Bastion and the DDoS plan every VNet uses.

resource "azurerm_network_ddos_protection_plan" "lz" {
  name                = "ddos-lz"
  location            = local.location
  resource_group_name = local.resource_group_name
}

# The NSG rules Azure Bastion requires (learn.microsoft.com/azure/bastion/bastion-nsg), nothing more.
resource "azurerm_network_security_group" "bastion" {
  name                = "nsg-bastion"
  location            = local.location
  resource_group_name = local.resource_group_name

  security_rule {
    name                       = "allow-https-inbound"
    description                = "Users reach Bastion over TLS."
    priority                   = 120
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_address_prefix      = "Internet"
    source_port_range          = "*"
    destination_address_prefix = "*"
    destination_port_range     = "443"
  }
  security_rule {
    name                       = "allow-gateway-manager-inbound"
    description                = "Bastion control plane."
    priority                   = 130
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_address_prefix      = "GatewayManager"
    source_port_range          = "*"
    destination_address_prefix = "*"
    destination_port_range     = "443"
  }
  security_rule {
    name                       = "allow-load-balancer-inbound"
    description                = "Health probes."
    priority                   = 140
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_address_prefix      = "AzureLoadBalancer"
    source_port_range          = "*"
    destination_address_prefix = "*"
    destination_port_range     = "443"
  }
  security_rule {
    name                       = "allow-bastion-host-communication"
    description                = "Bastion data plane."
    priority                   = 150
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "*"
    source_address_prefix      = "VirtualNetwork"
    source_port_range          = "*"
    destination_address_prefix = "VirtualNetwork"
    destination_port_ranges    = ["8080", "5701"]
  }
  security_rule {
    name                       = "allow-ssh-rdp-outbound"
    description                = "Sessions to the target VMs."
    priority                   = 100
    direction                  = "Outbound"
    access                     = "Allow"
    protocol                   = "*"
    source_address_prefix      = "*"
    source_port_range          = "*"
    destination_address_prefix = "VirtualNetwork"
    destination_port_ranges    = ["22", "3389"]
  }
  security_rule {
    name                       = "allow-azure-cloud-outbound"
    description                = "Diagnostics and metering."
    priority                   = 110
    direction                  = "Outbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_address_prefix      = "*"
    source_port_range          = "*"
    destination_address_prefix = "AzureCloud"
    destination_port_range     = "443"
  }
  security_rule {
    name                       = "allow-bastion-communication"
    description                = "Bastion data plane."
    priority                   = 120
    direction                  = "Outbound"
    access                     = "Allow"
    protocol                   = "*"
    source_address_prefix      = "VirtualNetwork"
    source_port_range          = "*"
    destination_address_prefix = "VirtualNetwork"
    destination_port_ranges    = ["8080", "5701"]
  }
  security_rule {
    name                       = "allow-session-information"
    description                = "Session and certificate validation."
    priority                   = 130
    direction                  = "Outbound"
    access                     = "Allow"
    protocol                   = "*"
    source_address_prefix      = "*"
    source_port_range          = "*"
    destination_address_prefix = "Internet"
    destination_port_range     = "80"
  }
}

resource "azurerm_virtual_network" "hub" {
  name                = "vnet-hub"
  location            = local.location
  resource_group_name = local.resource_group_name
  address_space       = ["10.0.0.0/16"]

  ddos_protection_plan {
    id     = azurerm_network_ddos_protection_plan.lz.id
    enable = true
  }
  encryption {
    enforcement = "AllowUnencrypted"
  }
}

resource "azurerm_subnet" "firewall" {
  name                 = "AzureFirewallSubnet"
  resource_group_name  = local.resource_group_name
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.0.0/26"]
}

resource "azurerm_subnet" "gateway" {
  name                 = "GatewaySubnet"
  resource_group_name  = local.resource_group_name
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.1.0/27"]
}

resource "azurerm_subnet" "bastion" {
  name                 = "AzureBastionSubnet"
  resource_group_name  = local.resource_group_name
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.2.0/26"]
}

resource "azurerm_subnet_network_security_group_association" "bastion" {
  subnet_id                 = azurerm_subnet.bastion.id
  network_security_group_id = azurerm_network_security_group.bastion.id
}

resource "azurerm_virtual_network_peering" "hub_to_web" {
  name                      = "peer-hub-to-web"
  resource_group_name       = local.resource_group_name
  virtual_network_name      = azurerm_virtual_network.hub.name
  remote_virtual_network_id = azurerm_virtual_network.spoke_web.id
  allow_virtual_network_access = true
  allow_forwarded_traffic   = true
  allow_gateway_transit     = true
}

resource "azurerm_virtual_network_peering" "hub_to_data" {
  name                      = "peer-hub-to-data"
  resource_group_name       = local.resource_group_name
  virtual_network_name      = azurerm_virtual_network.hub.name
  remote_virtual_network_id = azurerm_virtual_network.spoke_data.id
  allow_virtual_network_access = true
  allow_forwarded_traffic   = true
  allow_gateway_transit     = true
}

resource "azurerm_public_ip" "hub" {
  for_each            = toset(["pip-afw-hub", "pip-vgw-hub", "pip-bas-hub"])
  name                = each.key
  location            = local.location
  resource_group_name = local.resource_group_name
  sku                 = "Standard"
  allocation_method   = "Static"
  zones               = ["1", "2", "3"]
}

resource "azurerm_user_assigned_identity" "fwpol" {
  name                = "id-fwpol-hub"
  location            = local.location
  resource_group_name = local.resource_group_name
}

resource "azurerm_firewall_policy" "hub" {
  name                     = "fwpol-hub"
  location                 = local.location
  resource_group_name      = local.resource_group_name
  sku                      = "Premium"
  threat_intelligence_mode = "Alert" # deliberate flaw (S10): alerts on known-malicious traffic but lets it through

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.fwpol.id]
  }
  tls_certificate {
    name                = "ca-tls-inspection"
    key_vault_secret_id = var.tls_inspection_ca_secret_id
  }
  intrusion_detection {
    mode = "Deny"
  }
  dns {
    proxy_enabled = true
  }
}

resource "azurerm_firewall_policy_rule_collection_group" "spokes" {
  name               = "rcg-spokes"
  firewall_policy_id = azurerm_firewall_policy.hub.id
  priority           = 200

  network_rule_collection {
    name     = "web-to-data"
    priority = 100
    action   = "Allow"
    rule {
      name                  = "web-tier-to-data-https"
      protocols             = ["TCP"]
      source_addresses      = ["10.1.1.0/24", "10.1.2.0/24"]
      destination_addresses = ["10.2.1.0/24"]
      destination_ports     = ["443"]
    }
  }

  application_rule_collection {
    name     = "spokes-to-internet"
    priority = 200
    action   = "Allow"
    rule {
      name              = "os-updates"
      source_addresses  = ["10.1.0.0/16", "10.2.0.0/16"]
      destination_fqdns = ["*.ubuntu.com", "packages.microsoft.com"]
      terminate_tls     = true
      protocols {
        type = "Https"
        port = 443
      }
    }
  }
}

resource "azurerm_firewall" "hub" {
  name                = "afw-hub"
  location            = local.location
  resource_group_name = local.resource_group_name
  sku_name            = "AZFW_VNet"
  sku_tier            = "Premium"
  firewall_policy_id  = azurerm_firewall_policy.hub.id
  zones               = ["1", "2", "3"]

  ip_configuration {
    name                 = "ipconfig"
    subnet_id            = azurerm_subnet.firewall.id
    public_ip_address_id = azurerm_public_ip.hub["pip-afw-hub"].id
  }
  depends_on = [azurerm_firewall_policy_rule_collection_group.spokes]
}

resource "azurerm_virtual_network_gateway" "hub" {
  name                = "vgw-hub"
  location            = local.location
  resource_group_name = local.resource_group_name
  type                = "Vpn"
  vpn_type            = "RouteBased"
  sku                 = "VpnGw2AZ"
  generation          = "Generation2"
  bgp_enabled         = false
  active_active       = false

  ip_configuration {
    name                          = "ipconfig"
    private_ip_address_allocation = "Dynamic"
    subnet_id                     = azurerm_subnet.gateway.id
    public_ip_address_id          = azurerm_public_ip.hub["pip-vgw-hub"].id
  }
}

resource "azurerm_local_network_gateway" "onprem" {
  name                = "lgw-onprem"
  location            = local.location
  resource_group_name = local.resource_group_name
  gateway_address     = var.on_premises_gateway_ip
  address_space       = ["192.168.0.0/16"]
}

resource "azurerm_virtual_network_gateway_connection" "onprem" {
  name                       = "cn-hub-onprem"
  location                   = local.location
  resource_group_name        = local.resource_group_name
  type                       = "IPsec"
  connection_protocol        = "IKEv2"
  virtual_network_gateway_id = azurerm_virtual_network_gateway.hub.id
  local_network_gateway_id   = azurerm_local_network_gateway.onprem.id
  shared_key                 = var.vpn_shared_key

  ipsec_policy {
    dh_group         = "ECP384"
    ike_encryption   = "AES256"
    ike_integrity    = "SHA384"
    ipsec_encryption = "GCMAES256"
    ipsec_integrity  = "GCMAES256"
    pfs_group        = "ECP384"
    sa_lifetime      = 27000
    sa_datasize      = 102400000
  }
}

resource "azurerm_bastion_host" "hub" {
  name                   = "bas-hub"
  location               = local.location
  resource_group_name    = local.resource_group_name
  sku                    = "Standard"
  shareable_link_enabled = false
  tunneling_enabled      = false
  ip_connect_enabled     = false
  copy_paste_enabled     = false

  ip_configuration {
    name                 = "ipconfig"
    subnet_id            = azurerm_subnet.bastion.id
    public_ip_address_id = azurerm_public_ip.hub["pip-bas-hub"].id
  }
}
