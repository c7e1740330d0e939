import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    {
      file: '../../testing/scenarios/firewall-policy/pass.bicep',
      name: 'Bicep Premium policy with CA, IDPS Deny and specific rules',
    },
    {
      file: '../../testing/scenarios/firewall-policy/pass.tf',
      name: 'azurerm Premium policy and rule collection group done right',
    },
    { file: 'fixtures/pass.json', name: 'web DNAT from anywhere, management DNAT only from admin ranges' },
  ],
  invalid: [
    {
      file: 'fixtures/classic-fail.tf',
      name: 'azurerm classic NAT rule collection',
      errors: [{ line: 17, message: "'dnat-legacy/ssh' forwards 22 (SSH)" }],
    },
    {
      file: '../../testing/scenarios/firewall-policy/fail.bicep',
      errors: [{ line: 32, message: 'forwards 22 (SSH) (published on 2222)' }],
    },
    {
      file: '../../testing/scenarios/firewall-policy/fail.tf',
      errors: [{ line: 22, message: 'forwards 3389 (RDP) from any Internet source' }],
    },
    {
      file: 'fixtures/fail.json',
      errors: [
        {
          line: 26,
          message: "'dnat-inbound/rdp-jump' forwards 3389 (RDP) from any Internet source to 10.1.2.4",
        },
        { line: 36, message: '22 (SSH) (published on 50022)' },
        { line: 77, message: "'dnat-legacy/winrm' forwards 5986 (WinRM over HTTPS)" },
      ],
    },
  ],
});
