import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: '../../testing/scenarios/hub-spoke/pass.json' },
    { file: '../../testing/scenarios/hub-spoke/pass.tf' },
    { file: '../../testing/scenarios/hub-spoke/pass.bicep' },
  ],
  invalid: [
    {
      file: '../../testing/scenarios/hub-spoke/fail.json',
      errors: [
        {
          line: 140,
          message: "Gateway 'vgw-dev' terminates on-premises connectivity in spoke VNet 'vnet-dev-app'",
        },
        { line: 233, message: "Hub 'vnet-hub' does not offer its gateway to spoke 'vnet-prod-data'" },
        { line: 236, message: "Spoke 'vnet-prod-data' does not use the gateway of hub 'vnet-hub'" },
        { line: 268, message: "Spoke 'vnet-dev-app' does not use the gateway" },
      ],
    },
    {
      file: '../../testing/scenarios/hub-spoke/fail.tf',
      errors: [{ line: 116 }, { line: 188 }, { line: 191 }, { line: 211 }],
    },
    {
      file: '../../testing/scenarios/hub-spoke/fail.bicep',
      errors: [{ line: 133 }, { line: 222 }, { line: 226 }, { line: 257 }],
    },
  ],
});
