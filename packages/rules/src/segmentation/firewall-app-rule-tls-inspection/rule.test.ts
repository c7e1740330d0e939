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
    { file: 'fixtures/pass.json', name: 'Premium HTTPS rules inspect TLS; Standard policy out of scope' },
  ],
  invalid: [
    {
      file: '../../testing/scenarios/firewall-policy/fail.bicep',
      errors: [{ line: 60, message: "'allow-all/allow-github'" }],
    },
    {
      file: '../../testing/scenarios/firewall-policy/fail.tf',
      errors: [{ line: 50, message: "'allow-web/allow-github'" }],
    },
    {
      file: 'fixtures/fail.json',
      errors: [
        {
          line: 29,
          message:
            "'allow-web/allow-github' of Premium policy 'afwp-hub' allows HTTPS without TLS inspection",
        },
        { line: 42, message: "'allow-web/allow-nuget'" },
      ],
    },
  ],
});
