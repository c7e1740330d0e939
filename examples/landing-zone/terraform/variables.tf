variable "resource_group_name" {
  type        = string
  description = "Resource group of the landing zone."
  default     = "rg-landing-zone"
}

variable "location" {
  type        = string
  description = "Region of every resource."
  default     = "westeurope"
}

variable "admin_username" {
  type        = string
  description = "VM administrator name."
  default     = "azureadmin"
}

variable "admin_ssh_public_key" {
  type        = string
  description = "SSH public key of the administrators."
  sensitive   = true
}

variable "on_premises_gateway_ip" {
  type        = string
  description = "Public IP of the on-premises VPN device."
}

variable "vpn_shared_key" {
  type        = string
  description = "Pre-shared key of the site-to-site connection (from Key Vault)."
  sensitive   = true
}

variable "tls_inspection_ca_secret_id" {
  type        = string
  description = "Key Vault secret ID of the intermediate CA used for TLS inspection (readable by id-fwpol-hub)."
}

variable "alert_email" {
  type        = string
  description = "Where DDoS alerts are sent."
}
