import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    {
      file: '../../testing/scenarios/firewall-policy/pass.bicep',
      name: 'Bicep Premium policy with CA, IDPS Deny and specific rules',
    },
    { file: 'fixtures/pass.json', name: 'Premium hub policy in Deny, spoke policy inherits it' },
    {
      file: '../../testing/scenarios/firewall-policy/pass.tf',
      name: 'azurerm Premium policy and rule collection group done right',
    },
  ],
  invalid: [
    {
      file: '../../testing/scenarios/firewall-policy/fail.bicep',
      errors: [{ line: 13, message: "runs IDPS in 'Alert' mode" }],
    },
    {
      file: '../../testing/scenarios/firewall-policy/fail.tf',
      errors: [{ line: 9, message: "runs IDPS in 'Alert' mode" }],
    },
    {
      file: 'fixtures/fail.json',
      errors: [
        { line: 13, message: "runs IDPS in 'Alert' mode" },
        { line: 16, message: 'does not configure intrusionDetection' },
        { line: 28, severity: 'medium', message: 'Standard tier' },
        { line: 30, severity: 'medium', message: 'classic rules' },
      ],
    },
  ],
});
