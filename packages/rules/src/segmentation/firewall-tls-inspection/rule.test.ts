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
    { file: 'fixtures/pass.json', name: 'Premium policy with an intermediate CA; Standard is out of scope' },
  ],
  invalid: [
    {
      file: '../../testing/scenarios/firewall-policy/fail.bicep',
      errors: [{ line: 4, severity: 'low', message: 'no TLS inspection certificate' }],
    },
    {
      file: '../../testing/scenarios/firewall-policy/fail.tf',
      errors: [{ line: 1, severity: 'low', message: 'no TLS inspection certificate' }],
    },
    {
      file: 'fixtures/fail.json',
      errors: [
        { line: 5, severity: 'high', message: 'allow-web/allow-updates' },
        { line: 38, severity: 'low', message: 'no TLS inspection certificate' },
      ],
    },
  ],
});
