import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json' },
    { file: 'fixtures/pass.tf' },
    { file: 'fixtures/pass.bicep' },
    {
      file: 'fixtures/fail.json',
      name: 'custom patterns that do not recognise dev',
      options: { environmentPatterns: { prod: '^vnet-prod-' } },
    },
  ],
  invalid: [
    {
      file: 'fixtures/fail.json',
      errors: [
        { line: 271, message: "Peering joins prod VNet 'vnet-prod-app' to nonprod VNet 'vnet-dev-app'" },
        { line: 282, message: "Peering joins nonprod VNet 'vnet-dev-app' to prod VNet 'vnet-prod-app'" },
      ],
    },
    { file: 'fixtures/fail.tf', errors: [{ line: 214 }, { line: 221 }] },
    { file: 'fixtures/fail.bicep', errors: [{ line: 261 }, { line: 272 }] },
  ],
});
