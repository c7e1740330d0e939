import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json' },
    { file: '../../testing/scenarios/internet-exposure/pass.bicep' },
    { file: '../../testing/scenarios/internet-exposure/pass.tf' },
  ],
  invalid: [
    {
      file: '../../testing/scenarios/internet-exposure/fail.json',
      errors: [
        {
          line: 16,
          severity: 'critical',
          message:
            'Internet → nic-web in vnet-app/snet-web tcp/22 (management port) via rule allow-ssh (priority 110) of nsg-web; reachable through public IP pip-web',
        },
        {
          line: 20,
          severity: 'low',
          message: 'rule deny-rdp (priority 100) of nsg-web decides that traffic first',
        },
        {
          line: 24,
          severity: 'high',
          message: 'public address ranges → nic-web in vnet-app/snet-web tcp/5985-5986',
        },
        {
          line: 42,
          severity: 'medium',
          message: 'tcp/22-23 udp/22-23 (management port) via rule allow-ssh-anywhere',
        },
      ],
    },
    {
      file: '../../testing/scenarios/internet-exposure/fail.bicep',
      errors: [
        {
          line: 21,
          severity: 'critical',
          message: 'Internet → nic-web in vnet-app/snet-web tcp/22 (management port) via rule allow-ssh',
        },
        { line: 34, severity: 'low', message: 'decides that traffic first (dead rule)' },
        {
          line: 111,
          severity: 'medium',
          message:
            'tcp/5985-5986 (management port) via rule allow-winrm (priority 100) of nsg-app; the NSG is not attached',
        },
      ],
    },
    {
      file: '../../testing/scenarios/internet-exposure/fail.tf',
      errors: [
        {
          line: 37,
          severity: 'critical',
          message: 'Internet → nic-web in vnet-app/snet-web tcp/22 (management port) via rule allow-ssh',
        },
        {
          line: 49,
          severity: 'low',
          message: 'rule deny-rdp (priority 100) of nsg-web decides that traffic first',
        },
        {
          line: 94,
          severity: 'medium',
          message: 'tcp/5985-5986 (management port) via rule allow-winrm (priority 100) of nsg-app',
        },
      ],
    },
    {
      file: 'fixtures/no-nsg.tf',
      name: 'no NSG at all: a Standard public IP is closed by default, a Basic one is not',
      errors: [
        {
          line: 51,
          severity: 'critical',
          message:
            'Internet → nic-basic in vnet-app/snet-web tcp/22-23,3389,5900,5985-5986 udp/22-23,3389,5900,5985-5986 (management port): no NSG on the subnet or NIC; reachable through public IP pip-basic on nic-basic.',
        },
      ],
    },
    {
      file: 'fixtures/no-nsg-scale-sets.json',
      name: 'scale sets without NSG: Standard per-instance public IPs are closed, unspecified ones are not',
      errors: [
        {
          line: 57,
          severity: 'critical',
          message: /^Internet → vmss-unspecified \(scale set\) in vnet-app\/snet-app tcp\/22/,
        },
      ],
    },
    {
      file: 'fixtures/subnet-on-existing-vnet.bicep',
      name: 'subnet of an existing VNet: its NSG is attached, so the exposure is the subnet',
      errors: [{ line: 11, severity: 'medium', message: /^Internet → vnet-spoke\/snet-app tcp\/22/ }],
    },
    {
      file: 'fixtures/subnet-on-existing-vnet.tf',
      name: 'subnet of a data-source VNet: its NSG is attached, so the exposure is the subnet',
      errors: [{ line: 19, severity: 'medium', message: /^Internet → vnet-spoke\/snet-app tcp\/22/ }],
    },
    {
      file: 'fixtures/rule-on-unseen-nsg.tf',
      name: 'azurerm_network_security_rule on an NSG read through a data source',
      errors: [{ line: 7, severity: 'medium', message: /^Internet → tcp\/22 .*the NSG is not in this scan/ }],
    },
    {
      file: 'fixtures/rules-on-unseen-nsg-shadowed.json',
      name: 'rules added to one unseen NSG share it: the higher-priority Deny shadows the Allow',
      errors: [{ line: 20, severity: 'low', message: 'dead rule' }],
    },
    {
      file: 'fixtures/rule-on-unseen-nsg.json',
      name: 'securityRules child resource of an NSG the template does not declare',
      errors: [{ line: 8, severity: 'medium', message: /^Internet → tcp\/3389 .*allow-rdp-vendor/ }],
    },
    {
      file: 'fixtures/unknown-name-copies.json',
      name: 'copies whose names are partly unknown stay apart: each NSG guards its own subnet',
      errors: [
        {
          line: 17,
          severity: 'medium',
          message:
            "Internet → <unknown: parameters('prefix')>-vnet-1/web tcp/3389 (management port) via rule rdp (priority 100) of <unknown: parameters('prefix')>-nsg-1; no public IP",
        },
      ],
    },
    {
      file: 'fixtures/linked-declared-later.json',
      name: 'NSG ID read from a linked deployment declared after the VNet: the NSG is attached',
      // The line is in the linked template, modules/nsg-rdp.json.
      errors: [
        {
          line: 12,
          severity: 'medium',
          message:
            'Internet → vnet-app/web tcp/3389 (management port) via rule rdp (priority 100) of nsg-rdp; no public IP',
        },
      ],
    },
    {
      file: 'fixtures/ipv6-any.tf',
      name: '::/0 counts as the whole Internet, like 0.0.0.0/0',
      errors: [{ line: 10, severity: 'medium', message: /^Internet → tcp\/22/ }],
    },
    {
      file: 'fixtures/no-nsg-scale-sets.tf',
      name: 'scale sets without NSG: Standard per-instance public IPs are closed, unspecified ones are not',
      errors: [{ line: 46, severity: 'critical', message: /^Internet → vmss-unspecified \(scale set\)/ }],
    },
    {
      file: '../../testing/scenarios/internet-exposure/fail.json',
      name: 'managementPorts option adds 443',
      options: { managementPorts: [443] },
      errors: [
        { line: 16 },
        { line: 20 },
        { line: 24 },
        { line: 28, severity: 'critical', message: 'tcp/443' },
        { line: 42 },
      ],
    },
  ],
});
