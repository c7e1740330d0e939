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
          line: 271,
          message:
            "VNet 'vnet-prod-app' peers directly with 'vnet-dev-app': traffic between them bypasses the hub vnet-hub",
        },
        { line: 282, message: "VNet 'vnet-dev-app' peers directly with 'vnet-prod-app'" },
      ],
    },
    {
      file: '../../testing/scenarios/hub-spoke/fail.json',
      name: 'hubVnets option makes vnet-prod-app the hub',
      options: { hubVnets: ['vnet-prod-app'] },
      errors: [
        { line: 224, message: "VNet 'vnet-hub' peers directly with 'vnet-prod-data'" },
        { line: 236 },
        {
          line: 247,
          message:
            "VNet 'vnet-hub' peers directly with 'vnet-dev-app': traffic between them bypasses the hub vnet-prod-app",
        },
        { line: 259, message: "VNet 'vnet-dev-app' peers directly with 'vnet-hub'" },
      ],
    },
    { file: '../../testing/scenarios/hub-spoke/fail.tf', errors: [{ line: 214 }, { line: 221 }] },
    { file: '../../testing/scenarios/hub-spoke/fail.bicep', errors: [{ line: 261 }, { line: 272 }] },
  ],
});
