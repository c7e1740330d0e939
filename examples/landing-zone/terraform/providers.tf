# Terraform twin of ../arm: the same hub-and-spoke landing zone, resource for resource, with the same
# deliberate flaws (see ../EXPECTED.md).
terraform {
  required_version = ">= 1.9"
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "lz" {
  name     = var.resource_group_name
  location = var.location
}

locals {
  location            = azurerm_resource_group.lz.location
  resource_group_name = azurerm_resource_group.lz.name
  # First usable address of AzureFirewallSubnet (10.0.0.0/26): where the spokes' default route points.
  hub_firewall_ip = "10.0.0.4"
}
