# Web spoke: web VM, App Service behind a private endpoint, UDR to the hub firewall.

resource "azurerm_network_security_group" "web" {
  name                = "nsg-web"
  location            = local.location
  resource_group_name = local.resource_group_name

  security_rule {
    name                       = "allow-https-from-hub-firewall"
    description                = "Web traffic arrives through the hub firewall only."
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_address_prefix      = "10.0.0.0/26"
    source_port_range          = "*"
    destination_address_prefix = "10.1.1.0/24"
    destination_port_range     = "443"
  }
  security_rule {
    name                       = "allow-ssh-from-bastion"
    description                = "Administration through Azure Bastion."
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_address_prefix      = "10.0.2.0/26"
    source_port_range          = "*"
    destination_address_prefix = "10.1.1.0/24"
    destination_port_range     = "22"
  }
  security_rule {
    name                       = "allow-rdp-from-internet"
    description                = "Temporary vendor access (deliberate flaw: RDP open to the Internet)."
    priority                   = 120
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_address_prefix      = "Internet"
    source_port_range          = "*"
    destination_address_prefix = "*"
    destination_port_range     = "3389"
  }
}

resource "azurerm_network_security_group" "pe_web" {
  name                = "nsg-pe-web"
  location            = local.location
  resource_group_name = local.resource_group_name

  security_rule {
    name                       = "allow-https-from-app-subnet"
    description                = "The web app's VNet integration reaches its private endpoints."
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_address_prefix      = "10.1.2.0/24"
    source_port_range          = "*"
    destination_address_prefix = "10.1.3.0/24"
    destination_port_range     = "443"
  }
}

resource "azurerm_route_table" "spoke_web" {
  name                          = "rt-spoke-web"
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

resource "azurerm_virtual_network" "spoke_web" {
  name                = "vnet-spoke-web"
  location            = local.location
  resource_group_name = local.resource_group_name
  address_space       = ["10.1.0.0/16"]

  ddos_protection_plan {
    id     = azurerm_network_ddos_protection_plan.lz.id
    enable = true
  }
  encryption {
    enforcement = "AllowUnencrypted"
  }
}

resource "azurerm_subnet" "web" {
  name                 = "snet-web"
  resource_group_name  = local.resource_group_name
  virtual_network_name = azurerm_virtual_network.spoke_web.name
  address_prefixes     = ["10.1.1.0/24"]
}

# Deliberate flaw (S01): snet-app gets a route table but no NSG association.
resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = local.resource_group_name
  virtual_network_name = azurerm_virtual_network.spoke_web.name
  address_prefixes     = ["10.1.2.0/24"]

  delegation {
    name = "web"
    service_delegation {
      name = "Microsoft.Web/serverFarms"
    }
  }
}

resource "azurerm_subnet" "pe_web" {
  name                              = "snet-pe"
  resource_group_name               = local.resource_group_name
  virtual_network_name              = azurerm_virtual_network.spoke_web.name
  address_prefixes                  = ["10.1.3.0/24"]
  private_endpoint_network_policies = "Enabled"
}

resource "azurerm_subnet_network_security_group_association" "web" {
  subnet_id                 = azurerm_subnet.web.id
  network_security_group_id = azurerm_network_security_group.web.id
}

resource "azurerm_subnet_network_security_group_association" "pe_web" {
  subnet_id                 = azurerm_subnet.pe_web.id
  network_security_group_id = azurerm_network_security_group.pe_web.id
}

resource "azurerm_subnet_route_table_association" "web" {
  subnet_id      = azurerm_subnet.web.id
  route_table_id = azurerm_route_table.spoke_web.id
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.spoke_web.id
}

resource "azurerm_subnet_route_table_association" "pe_web" {
  subnet_id      = azurerm_subnet.pe_web.id
  route_table_id = azurerm_route_table.spoke_web.id
}

resource "azurerm_virtual_network_peering" "web_to_hub" {
  name                         = "peer-web-to-hub"
  resource_group_name          = local.resource_group_name
  virtual_network_name         = azurerm_virtual_network.spoke_web.name
  remote_virtual_network_id    = azurerm_virtual_network.hub.id
  allow_virtual_network_access = true
  allow_forwarded_traffic      = true
  use_remote_gateways          = true
}

# Deliberate flaw (S07): a direct spoke-to-spoke peering that bypasses the hub firewall.
resource "azurerm_virtual_network_peering" "web_to_data" {
  name                         = "peer-web-to-data"
  resource_group_name          = local.resource_group_name
  virtual_network_name         = azurerm_virtual_network.spoke_web.name
  remote_virtual_network_id    = azurerm_virtual_network.spoke_data.id
  allow_virtual_network_access = true
  allow_forwarded_traffic      = true
}

resource "azurerm_service_plan" "web" {
  name                = "asp-web"
  location            = local.location
  resource_group_name = local.resource_group_name
  os_type             = "Linux"
  sku_name            = "P1v3"
}

resource "azurerm_linux_web_app" "web" {
  name                          = "app-web"
  location                      = local.location
  resource_group_name           = local.resource_group_name
  service_plan_id               = azurerm_service_plan.web.id
  https_only                    = false # deliberate flaw (E01)
  public_network_access_enabled = false
  virtual_network_subnet_id     = azurerm_subnet.app.id

  identity {
    type = "SystemAssigned"
  }
  site_config {
    minimum_tls_version     = "1.2"
    scm_minimum_tls_version = "1.2"
    ftps_state              = "Disabled"
    http2_enabled           = true
    vnet_route_all_enabled  = true
    application_stack {
      node_version = "22-lts"
    }
  }
}

resource "azurerm_private_endpoint" "app_web" {
  name                = "pe-app-web"
  location            = local.location
  resource_group_name = local.resource_group_name
  subnet_id           = azurerm_subnet.pe_web.id

  private_service_connection {
    name                           = "pe-app-web"
    private_connection_resource_id = azurerm_linux_web_app.web.id
    subresource_names              = ["sites"]
    is_manual_connection           = false
  }
  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.zones["privatelink.azurewebsites.net"].id]
  }
}

resource "azurerm_network_interface" "vm_web" {
  name                = "nic-vm-web"
  location            = local.location
  resource_group_name = local.resource_group_name

  ip_configuration {
    name                          = "ipconfig1"
    subnet_id                     = azurerm_subnet.web.id
    private_ip_address_allocation = "Dynamic"
  }
}

resource "azurerm_linux_virtual_machine" "web" {
  name                            = "vm-web"
  location                        = local.location
  resource_group_name             = local.resource_group_name
  size                            = "Standard_D2s_v5"
  admin_username                  = var.admin_username
  disable_password_authentication = true
  encryption_at_host_enabled      = true
  network_interface_ids           = [azurerm_network_interface.vm_web.id]

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
