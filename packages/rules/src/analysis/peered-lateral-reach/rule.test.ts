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
          line: 74,
          message:
            'vnet-prod-app/snet-app accepts every TCP port from peered vnet-dev-app/snet-app (no NSG on the subnet).',
        },
        {
          line: 122,
          message:
            'vnet-dev-app/snet-app accepts every TCP port from peered vnet-prod-app/snet-app (no NSG on the subnet).',
        },
      ],
    },
    { file: '../../testing/scenarios/hub-spoke/fail.tf', errors: [{ line: 63 }, { line: 94 }] },
    { file: '../../testing/scenarios/hub-spoke/fail.bicep', errors: [{ line: 68 }, { line: 114 }] },
  ],
});
