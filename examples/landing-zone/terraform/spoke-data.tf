# Data spoke: storage behind private endpoints, a management subnet reached from Bastion.

resource "azurerm_network_security_group" "data" {
  name                = "nsg-data"
  location            = local.location
  resource_group_name = local.resource_group_name

  security_rule {
    name                       = "allow-https-from-web-tier"
    description                = "The web tier reads blobs through the storage private endpoints."
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_address_prefix      = "10.1.1.0/24"
    source_port_range          = "*"
    destination_address_prefix = "10.2.1.0/24"
    destination_port_range     = "443"
  }
}

resource "azurerm_network_security_group" "mgmt" {
  name                = "nsg-mgmt"
  location            = local.location
  resource_group_name = local.resource_group_name

  security_rule {
    name                       = "allow-ssh-from-bastion"
    description                = "Administration through Azure Bastion only."
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_address_prefix      = "10.0.2.0/26"
    source_port_range          = "*"
    destination_address_prefix = "10.2.2.0/24"
    destination_port_range     = "22"
  }
}

resource "azurerm_route_table" "spoke_data" {
  name                          = "rt-spoke-data"
  location                      = local.location
  resource_group_name           = local.resource_group_name
  bgp_route_propagation_enabled = false

  route {
    name                   = "default-via-hub-firewall"
    address_prefix         = "0.0.0.0/0"
    next_hop_type          = "VirtualAppliance"
    next_hop_in_ip_address = local.hub_firewall_ip
  }
}

resource "azurerm_virtual_network" "spoke_data" {
  name                = "vnet-spoke-data"
  location            = local.location
  resource_group_name = local.resource_group_name
  address_space       = ["10.2.0.0/16"]

  ddos_protection_plan {
    id     = azurerm_network_ddos_protection_plan.lz.id
    enable = true
  }
  encryption {
    enforcement = "AllowUnencrypted"
  }
}

resource "azurerm_subnet" "data" {
  name                              = "snet-data"
  resource_group_name               = local.resource_group_name
  virtual_network_name              = azurerm_virtual_network.spoke_data.name
  address_prefixes                  = ["10.2.1.0/24"]
  private_endpoint_network_policies = "Enabled"
}

resource "azurerm_subnet" "mgmt" {
  name                 = "snet-mgmt"
  resource_group_name  = local.resource_group_name
  virtual_network_name = azurerm_virtual_network.spoke_data.name
  address_prefixes     = ["10.2.2.0/24"]
}

resource "azurerm_subnet_network_security_group_association" "data" {
  subnet_id                 = azurerm_subnet.data.id
  network_security_group_id = azurerm_network_security_group.data.id
}

resource "azurerm_subnet_network_security_group_association" "mgmt" {
  subnet_id                 = azurerm_subnet.mgmt.id
  network_security_group_id = azurerm_network_security_group.mgmt.id
}

resource "azurerm_subnet_route_table_association" "data" {
  subnet_id      = azurerm_subnet.data.id
  route_table_id = azurerm_route_table.spoke_data.id
}

resource "azurerm_subnet_route_table_association" "mgmt" {
  subnet_id      = azurerm_subnet.mgmt.id
  route_table_id = azurerm_route_table.spoke_data.id
}

resource "azurerm_virtual_network_peering" "data_to_hub" {
  name                         = "peer-data-to-hub"
  resource_group_name          = local.resource_group_name
  virtual_network_name         = azurerm_virtual_network.spoke_data.name
  remote_virtual_network_id    = azurerm_virtual_network.hub.id
  allow_virtual_network_access = true
  allow_forwarded_traffic      = true
  use_remote_gateways          = true
}

# Deliberate flaw (S07): the other half of the direct spoke-to-spoke peering.
resource "azurerm_virtual_network_peering" "data_to_web" {
  name                         = "peer-data-to-web"
  resource_group_name          = local.resource_group_name
  virtual_network_name         = azurerm_virtual_network.spoke_data.name
  remote_virtual_network_id    = azurerm_virtual_network.spoke_web.id
  allow_virtual_network_access = true
  allow_forwarded_traffic      = true
}

locals {
  # Both accounts: private endpoint only, no shared keys, infrastructure encryption.
  storage_accounts = {
    stlzdata     = { secure_transfer = false } # deliberate flaw (E08): secure transfer switched off
    stlzflowlogs = { secure_transfer = true }
  }
}

resource "azurerm_storage_account" "lz" {
  for_each                          = local.storage_accounts
  name                              = each.key
  location                          = local.location
  resource_group_name               = local.resource_group_name
  account_kind                      = "StorageV2"
  account_tier                      = "Standard"
  account_replication_type          = "ZRS"
  https_traffic_only_enabled        = each.value.secure_transfer
  min_tls_version                   = "TLS1_2"
  allow_nested_items_to_be_public   = false
  shared_access_key_enabled         = false
  public_network_access_enabled     = false
  infrastructure_encryption_enabled = true

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }
}

resource "azurerm_private_endpoint" "storage_blob" {
  for_each            = local.storage_accounts
  name                = "pe-${each.key}-blob"
  location            = local.location
  resource_group_name = local.resource_group_name
  subnet_id           = azurerm_subnet.data.id

  private_service_connection {
    name                           = "pe-${each.key}-blob"
    private_connection_resource_id = azurerm_storage_account.lz[each.key].id
    subresource_names              = ["blob"]
    is_manual_connection           = false
  }
  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.zones["privatelink.blob.core.windows.net"].id]
  }
}

# Deliberate flaw (S06): the jump VM is given a public IP.
resource "azurerm_public_ip" "vm_jump" {
  name                = "pip-vm-jump"
  location            = local.location
  resource_group_name = local.resource_group_name
  sku                 = "Standard"
  allocation_method   = "Static"
}

resource "azurerm_network_interface" "vm_jump" {
  name                = "nic-vm-jump"
  location            = local.location
  resource_group_name = local.resource_group_name

  ip_configuration {
    name                          = "ipconfig1"
    subnet_id                     = azurerm_subnet.mgmt.id
    private_ip_address_allocation = "Dynamic"
    public_ip_address_id          = azurerm_public_ip.vm_jump.id
  }
}

resource "azurerm_linux_virtual_machine" "jump" {
  name                            = "vm-jump"
  location                        = local.location
  resource_group_name             = local.resource_group_name
  size                            = "Standard_D2s_v5"
  admin_username                  = var.admin_username
  disable_password_authentication = true
  encryption_at_host_enabled      = true
  network_interface_ids           = [azurerm_network_interface.vm_jump.id]

  admin_ssh_key {
    username   = var.admin_username
    public_key = var.admin_ssh_public_key
  }
  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }
  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
}
