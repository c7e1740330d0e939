// biome-ignore-all lint/suspicious/noTemplateCurlyInString: HCL source text uses ${} in ordinary strings
import { basename, join } from 'node:path';
import { isUnknown, locateValue } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../testing/load-files.js';

const RG = `
resource "azurerm_resource_group" "rg" {
  name     = "rg-app"
  location = "westeurope"
}
`;

function nsg(name: string, extra = ''): string {
  return `
resource "azurerm_network_security_group" "${name}" {
  ${extra}
  location            = "westeurope"
  resource_group_name = "rg"
`;
}

describe('module evaluation', () => {
  it('uses variable defaults, terraform.tfvars, *.auto.tfvars and -var-file in precedence order', () => {
    const files = {
      'main.tf': `
variable "a" { default = "from-default" }
variable "b" { default = "from-default" }
variable "c" { default = "from-default" }
variable "d" {}
resource "azurerm_storage_account" "s" {
  name                     = "\${var.a}-\${var.b}-\${var.c}"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = var.d
}
`,
      'terraform.tfvars': 'b = "tfvars"\nc = "tfvars"\n',
      'x.auto.tfvars': 'c = "auto"\n',
      'vars/prod.tfvars': 'd = "TLS1_0"\n',
    };
    const r = loadFiles(files, {
      parameterFiles: ['vars/prod.tfvars'],
      only: ['main.tf', 'terraform.tfvars', 'x.auto.tfvars'],
    });
    const sa = r.graph.ofType('Microsoft.Storage/storageAccounts')[0]!;
    expect(sa.name).toBe('from-default-tfvars-auto');
    expect(sa.properties.minimumTlsVersion).toBe('TLS1_0');
    expect(r.outcomes.find((o) => o.path.endsWith('terraform.tfvars'))?.status).toBe('scanned');
  });

  it('leaves a variable without value Unknown and records its binding', () => {
    const r = loadFiles({
      'main.tf': `
variable "tls" {
  type = string
  validation {
    condition     = contains(["TLS1_0", "TLS1_2"], var.tls)
    error_message = "bad"
  }
}
resource "azurerm_storage_account" "s" {
  name                = "st"
  resource_group_name = "rg"
  min_tls_version     = var.tls
}
`,
    });
    const sa = r.graph.ofType('Microsoft.Storage/storageAccounts')[0]!;
    expect(isUnknown(sa.properties.minimumTlsVersion)).toBe(true);
    const b = sa.bindings?.get('properties.minimumTlsVersion');
    expect(b).toMatchObject({ name: 'tls', kind: 'variable', allowedValues: ['TLS1_0', 'TLS1_2'] });
    expect(b?.declaration?.startLine).toBe(2);
  });

  it('binds a child module variable only to what its caller leaves open', () => {
    const child = `
variable "tls" {
  type    = string
  default = "TLS1_2"
  validation {
    condition     = contains(["TLS1_0", "TLS1_2"], var.tls)
    error_message = "bad"
  }
}
variable "name" {}
resource "azurerm_storage_account" "s" {
  name                = var.name
  resource_group_name = "rg"
  min_tls_version     = var.tls
}
`;
    const r = loadFiles({
      'main.tf': `
variable "open" {}
module "given" {
  source = "./st"
  name   = "given"
  tls    = "TLS1_2"
}
module "absent" {
  source = "./st"
  name   = "absent"
}
module "unknown" {
  source = "./st"
  name   = "unknown"
  tls    = var.open
}
`,
      'st/main.tf': child,
    });
    const binding = (n: string) =>
      r.graph
        .ofType('Microsoft.Storage/storageAccounts')
        .find((s) => s.name === n)
        ?.bindings?.get('properties.minimumTlsVersion');
    // A known value from the caller is the value: nothing is left to choose.
    expect(binding('given')).toBeUndefined();
    // Nothing given: the default is the value; the validated values are choices nobody makes.
    expect(binding('absent')).toMatchObject({ name: 'tls', defaultValue: 'TLS1_2' });
    expect(binding('absent')?.allowedValues).toBeUndefined();
    // An unknown value is still bounded by the validation; the default does not apply.
    expect(binding('unknown')).toMatchObject({ name: 'tls', allowedValues: ['TLS1_0', 'TLS1_2'] });
    expect(binding('unknown')?.defaultValue).toBeUndefined();
  });

  it('leaves no choice to report for a root variable that terraform.tfvars sets', () => {
    const r = loadFiles({
      'main.tf': `
variable "tls" {
  default = "TLS1_0"
}
variable "access" {
  default = true
}
resource "azurerm_storage_account" "s" {
  name                          = "st"
  resource_group_name           = "rg"
  min_tls_version               = var.tls
  public_network_access_enabled = var.access
}
`,
      'terraform.tfvars': 'tls = "TLS1_2"\n',
    });
    const sa = r.graph.ofType('Microsoft.Storage/storageAccounts')[0]!;
    expect(sa.properties.minimumTlsVersion).toBe('TLS1_2');
    expect(sa.bindings?.get('properties.minimumTlsVersion')).toBeUndefined();
    // Not in the var file: the deployer still chooses, so the default is reported.
    expect(sa.bindings?.get('properties.publicNetworkAccess')).toMatchObject({
      name: 'access',
      defaultValue: true,
    });
  });

  it('applies optional() defaults and primitive conversions of variable types', () => {
    const r = loadFiles({
      'main.tf': `variable "rules" {
  type = list(object({
    name     = string
    port     = optional(string, "443")
    priority = number
    access   = optional(string)
  }))
  default = [{ name = "https", priority = "100" }]
}
resource "azurerm_network_security_group" "n" {
  name                = "nsg"
  resource_group_name = "rg"
  dynamic "security_rule" {
    for_each = var.rules
    content {
      name                   = security_rule.value.name
      priority               = security_rule.value.priority
      destination_port_range = security_rule.value.port
      access                 = coalesce(security_rule.value.access, "Deny")
    }
  }
}
`,
    });
    const [rule] = r.graph.ofType('Microsoft.Network/networkSecurityGroups/securityRules');
    expect(rule?.properties).toMatchObject({ priority: 100, destinationPortRange: '443', access: 'Deny' });
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('evaluates locals in any order and references between resources', () => {
    const r = loadFiles({
      'a.tf': `locals {\n  full = "\${local.prefix}-nsg"\n}\n`,
      'b.tf': `locals {\n  prefix = lower("APP")\n}\n${RG}${nsg('n', 'name = local.full')}}\n`,
    });
    expect(r.graph.ofType('Microsoft.Network/networkSecurityGroups').map((x) => x.name)).toEqual(['app-nsg']);
  });

  it('expands count and for_each into one resource per instance', () => {
    const r = loadFiles({
      'main.tf': `
${nsg('counted', 'count = 2\n  name = "nsg-${count.index}"')}}
${nsg('each', 'for_each = toset(["web", "db"])\n  name = "nsg-${each.key}"')}}
${nsg('map', 'for_each = { a = "x" }\n  name = "nsg-${each.value}"')}}
${nsg('none', 'count = 0\n  name = "never"')}}
`,
    });
    const nsgs = r.graph.ofType('Microsoft.Network/networkSecurityGroups');
    expect(nsgs.map((n) => n.name).sort()).toEqual(['nsg-0', 'nsg-1', 'nsg-db', 'nsg-web', 'nsg-x']);
    expect(nsgs.map((n) => n.extra?.address).sort()).toEqual([
      'azurerm_network_security_group.counted[0]',
      'azurerm_network_security_group.counted[1]',
      'azurerm_network_security_group.each["db"]',
      'azurerm_network_security_group.each["web"]',
      'azurerm_network_security_group.map["a"]',
    ]);
  });

  it('marks a count known only after apply as an Unknown condition', () => {
    const r = loadFiles({
      'main.tf': `variable "n" {}\n${nsg('maybe', 'count = var.n\n  name = "nsg"')}}\n`,
    });
    const [only] = r.graph.ofType('Microsoft.Network/networkSecurityGroups');
    expect(isUnknown(only!.condition)).toBe(true);
  });

  it('expands dynamic blocks with the default and a custom iterator', () => {
    const r = loadFiles({
      'main.tf': `
locals {
  rules = [
    { name = "ssh", port = "22", priority = 100 },
    { name = "rdp", port = "3389", priority = 110 },
  ]
}
${nsg('n', 'name = "nsg"')}
  dynamic "security_rule" {
    for_each = local.rules
    content {
      name                       = security_rule.value.name
      priority                   = security_rule.value.priority
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "Tcp"
      destination_port_range     = security_rule.value.port
      source_address_prefix      = "*"
    }
  }
  dynamic "security_rule" {
    for_each = { https = 443 }
    iterator = r
    content {
      name                   = r.key
      priority               = 200
      destination_port_range = tostring(r.value)
    }
  }
}
`,
    });
    const rules = r.graph.ofType('Microsoft.Network/networkSecurityGroups/securityRules');
    expect(rules.map((x) => [x.name, x.properties.destinationPortRange])).toEqual([
      ['nsg/ssh', '22'],
      ['nsg/rdp', '3389'],
      ['nsg/https', '443'],
    ]);
  });

  it('loads local modules with inputs and outputs, and resolves module.x.output', () => {
    const r = loadFiles({
      'main.tf': `
module "net" {
  source   = "./modules/net"
  vnet     = "vnet-spoke"
  prefixes = ["10.1.0.0/24"]
}
resource "azurerm_subnet_network_security_group_association" "a" {
  subnet_id                 = module.net.subnet_id
  network_security_group_id = azurerm_network_security_group.n.id
}
${nsg('n', 'name = "nsg-spoke"')}}
module "registry" {
  source  = "Azure/avm-res-network-virtualnetwork/azurerm"
  version = "0.1.0"
}
`,
      'modules/net/main.tf': `
variable "vnet" {}
variable "prefixes" { type = list(string) }
resource "azurerm_subnet" "s" {
  name                 = "snet-app"
  resource_group_name  = "rg"
  virtual_network_name = var.vnet
  address_prefixes     = var.prefixes
}
output "subnet_id" { value = azurerm_subnet.s.id }
`,
    });
    const subnet = r.graph.find('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke/snet-app')!;
    expect(subnet.extra?.address).toBe('module.net.azurerm_subnet.s');
    expect(subnet.via?.[0]?.startLine).toBe(2);
    expect(r.graph.resolve(subnet.properties.networkSecurityGroup)?.name).toBe('nsg-spoke');
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'module-not-resolved', severity: 'info' }),
    );
    // The module folder was scanned through its caller only: no duplicate subnet.
    expect(r.graph.ofType('Microsoft.Network/virtualNetworks/subnets')).toHaveLength(1);
    const modOutcome = r.outcomes.find((o) => o.path === join(r.root, 'modules/net/main.tf'));
    expect(modOutcome).toMatchObject({ status: 'scanned', reason: `module of ${basename(r.root)}` });
  });

  it('reports module cycles and keeps going', () => {
    const r = loadFiles({
      'a/main.tf': 'module "b" {\n  source = "../b"\n}\n',
      'b/main.tf': `module "a" {\n  source = "../a"\n}\n${nsg('n', 'name = "still-here"')}}\n`,
    });
    expect(r.diagnostics.some((d) => d.code === 'module-cycle')).toBe(true);
    expect(r.graph.ofType('Microsoft.Network/networkSecurityGroups').map((n) => n.name)).toContain(
      'still-here',
    );
  });

  it('reports reference cycles as Unknown with a located warning', () => {
    const r = loadFiles({
      'main.tf': `locals {\n  a = local.b\n  b = local.a\n}\n${nsg('n', 'name = local.a')}}\n`,
    });
    expect(r.diagnostics.some((d) => /reference cycle/.test(d.message) && d.span)).toBe(true);
    expect(r.graph.ofType('Microsoft.Network/networkSecurityGroups')[0]!.name).toMatch(/unknown/);
  });

  it('fails the file when count breaches limits.maxCopyCount and scans the rest', () => {
    const r = loadFiles(
      {
        'big.tf': `${nsg('many', 'count = 5000\n  name = "n-${count.index}"')}}\n`,
        'ok.tf': `${nsg('one', 'name = "fine"')}}\n`,
      },
      { limits: { maxCopyCount: 100 } },
    );
    const big = r.outcomes.find((o) => o.path.endsWith('big.tf'))!;
    expect(big.status).toBe('failed');
    expect(big.reason).toMatch(
      /count is 5000, over the cap of 100 instances \(limits.maxCopyCount\) \(line 2\)/,
    );
    expect(r.outcomes.find((o) => o.path.endsWith('ok.tf'))?.status).toBe('scanned');
    expect(r.graph.ofType('Microsoft.Network/networkSecurityGroups').map((n) => n.name)).toEqual(['fine']);
  });

  it('fails a file with a syntax error naming line and column, and scans the others', () => {
    const r = loadFiles({
      'bad.tf': 'resource "azurerm_network_security_group" "x" {\n  name = [1, 2\n}\n',
      'good.tf': `${nsg('g', 'name = "good"')}}\n`,
    });
    const bad = r.outcomes.find((o) => o.path.endsWith('bad.tf'))!;
    expect(bad.status).toBe('failed');
    expect(bad.reason).toMatch(/^syntax error at line 3, column 1: expected/);
    expect(r.diagnostics.find((d) => d.code === 'hcl-syntax')?.span?.startLine).toBe(3);
    expect(r.graph.ofType('Microsoft.Network/networkSecurityGroups').map((n) => n.name)).toEqual(['good']);
  });

  it('keeps resources named by unknowns in different folders apart', () => {
    const folder = `variable "name" {}
resource "azurerm_network_security_group" "n" {
  name                = var.name
  resource_group_name = "rg"
}
resource "azurerm_network_interface_security_group_association" "a" {
  network_interface_id      = azurerm_network_interface.nic.id
  network_security_group_id = azurerm_network_security_group.n.id
}
resource "azurerm_network_interface" "nic" {
  name                = "nic-\${random_pet.p.id}"
  resource_group_name = "rg"
}
resource "random_pet" "p" {}
`;
    // Nested folders: the qualifier must not put a slash into the id.
    const r = loadFiles({ 'envs/a/main.tf': folder, 'envs/b/main.tf': folder });
    const nsgs = r.graph.ofType('Microsoft.Network/networkSecurityGroups');
    expect(nsgs.map((n) => n.name).sort()).toEqual([
      '<unknown: var.name in envs:a>',
      '<unknown: var.name in envs:b>',
    ]);
    const nics = r.graph.ofType('Microsoft.Network/networkInterfaces');
    expect(nics.map((n) => r.graph.resolve(n.properties.networkSecurityGroup)?.name).sort()).toEqual([
      '<unknown: var.name in envs:a>',
      '<unknown: var.name in envs:b>',
    ]);
  });

  describe('override files', () => {
    const sa = (name: string, body: string) => `
resource "azurerm_storage_account" "${name}" {
  name                     = "st${name}"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
${body}
}
`;
    const byName = (r: ReturnType<typeof loadFiles>, n: string) =>
      r.graph.ofType('Microsoft.Storage/storageAccounts').find((x) => x.name === n)!;

    it('merges attributes, nested blocks, locals and variables into the base blocks, spans in the override', () => {
      const r = loadFiles({
        'main.tf': `variable "tls" { default = "TLS1_2" }
locals { pna = true }
${sa('a', '  min_tls_version = "TLS1_2"\n  network_rules {\n    default_action = "Deny"\n    bypass = ["AzureServices"]\n  }')}
${sa('b', '  min_tls_version = var.tls\n  public_network_access_enabled = local.pna')}
`,
        'override.tf': `resource "azurerm_storage_account" "a" {
  min_tls_version = "TLS1_0"
  network_rules {
    default_action = "Allow"
  }
}
`,
        'tls_override.tf': `variable "tls" { default = "TLS1_1" }
locals { pna = false }
`,
      });
      expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      const a = byName(r, 'sta');
      expect(a.properties.minimumTlsVersion).toBe('TLS1_0');
      const tls = locateValue(a, ['properties', 'minimumTlsVersion']);
      expect([basename(tls!.file), tls!.startLine]).toEqual(['override.tf', 2]);
      // The override's network_rules block replaces the base's whole: its bypass is gone.
      const acls = a.properties.networkAcls as Record<string, unknown>;
      expect(acls.defaultAction).toBe('Allow');
      expect(acls.bypass).toBeUndefined();
      const b = byName(r, 'stb');
      expect(b.properties.minimumTlsVersion).toBe('TLS1_1');
      expect(b.properties.publicNetworkAccess).toBe('Disabled');
      expect(b.bindings?.get('properties.minimumTlsVersion')?.defaultValue).toBe('TLS1_1');
    });

    it('applies override files in lexical order of their names, whatever order they are read in', () => {
      const r = loadFiles(
        {
          'main.tf': sa('a', '  min_tls_version = "TLS1_0"'),
          'b_override.tf': 'resource "azurerm_storage_account" "a" {\n  min_tls_version = "TLS1_2"\n}\n',
          'a_override.tf': 'resource "azurerm_storage_account" "a" {\n  min_tls_version = "TLS1_1"\n}\n',
        },
        { only: ['b_override.tf', 'main.tf', 'a_override.tf'] },
      );
      const a = byName(r, 'sta');
      expect(a.properties.minimumTlsVersion).toBe('TLS1_2');
      expect(basename(locateValue(a, ['properties', 'minimumTlsVersion'])!.file)).toBe('b_override.tf');
    });

    it('reports an override without a base block and a depends_on in an override, and uses neither', () => {
      const r = loadFiles({
        'main.tf': `${sa('a', '  min_tls_version = "TLS1_2"')}\nlocals { x = 1 }\n`,
        'override.tf': `resource "azurerm_storage_account" "nobase" {
  name = "stnobase"
}
resource "azurerm_storage_account" "a" {
  depends_on = [azurerm_storage_account.nobase]
}
locals { y = 2 }
`,
      });
      expect(r.graph.ofType('Microsoft.Storage/storageAccounts').map((x) => x.name)).toEqual(['sta']);
      const codes = r.diagnostics
        .filter((d) => d.code.startsWith('override-'))
        .map((d) => [d.code, basename(d.span!.file), d.span!.startLine]);
      expect(codes).toEqual([
        ['override-without-base', 'override.tf', 1],
        ['override-depends-on', 'override.tf', 5],
        ['override-without-base', 'override.tf', 7],
      ]);
    });
  });

  it('counts untranslated types in one info diagnostic', () => {
    const r = loadFiles({ 'main.tf': `${RG}resource "random_string" "s" {\n  length = 4\n}\n` });
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'terraform-untranslated',
        message: expect.stringMatching(/random_string \(1\)/),
      }),
    );
  });
});
