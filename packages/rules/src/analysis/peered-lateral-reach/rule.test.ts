import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [{ file: 'fixtures/pass.json' }, { file: 'fixtures/pass.tf' }, { file: 'fixtures/pass.bicep' }],
  invalid: [
    {
      file: 'fixtures/fail.json',
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
    { file: 'fixtures/fail.tf', errors: [{ line: 63 }, { line: 94 }] },
    { file: 'fixtures/fail.bicep', errors: [{ line: 68 }, { line: 114 }] },
  ],
});
