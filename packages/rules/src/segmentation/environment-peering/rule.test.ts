import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: '../../testing/scenarios/hub-spoke/pass.json' },
    { file: '../../testing/scenarios/hub-spoke/pass.tf' },
    { file: '../../testing/scenarios/hub-spoke/pass.bicep' },
    {
      file: '../../testing/scenarios/hub-spoke/fail.json',
      name: 'custom patterns that do not recognise dev',
      options: { environmentPatterns: { prod: '^vnet-prod-' } },
    },
    // Tag values that name no environment ("hub-spoke", "spoke1") are labels by default.
    { file: 'fixtures/label-tags.json', name: 'environment tag used for labels' },
    { file: 'fixtures/label-tags.tf', name: 'environment tag used for labels' },
    { file: 'fixtures/label-tags.bicep', name: 'environment tag used for labels' },
  ],
  invalid: [
    {
      file: '../../testing/scenarios/hub-spoke/fail.json',
      errors: [
        { line: 271, message: "Peering joins prod VNet 'vnet-prod-app' to nonprod VNet 'vnet-dev-app'" },
        { line: 282, message: "Peering joins nonprod VNet 'vnet-dev-app' to prod VNet 'vnet-prod-app'" },
      ],
    },
    { file: '../../testing/scenarios/hub-spoke/fail.tf', errors: [{ line: 214 }, { line: 221 }] },
    { file: '../../testing/scenarios/hub-spoke/fail.bicep', errors: [{ line: 261 }, { line: 272 }] },
    {
      file: 'fixtures/label-tags.json',
      name: 'environmentTags names the tag: every value is an environment',
      options: { environmentTags: ['environment'] },
      errors: [
        { line: 14, message: "Peering joins hub-spoke VNet 'hub-vnet' to spoke1 VNet 'spoke1-vnet'" },
        { line: 27 },
      ],
    },
  ],
});
