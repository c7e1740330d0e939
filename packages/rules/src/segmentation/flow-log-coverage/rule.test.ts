import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.tf', name: 'azurerm VNet flow log covers the associated NSG' },
    { file: 'fixtures/pass.bicep', name: 'Bicep VNet flow log' },
    { file: 'fixtures/pass.json', name: 'VNet flow log covers the subnet NSG; legacy NSG flow log' },
    { file: 'fixtures/unknown-target.json', name: 'flow log target from a parameter: cannot tell' },
  ],
  invalid: [
    {
      file: 'fixtures/fail.tf',
      errors: [
        { line: 1, message: "VNet 'vnet-spoke' has no flow log" },
        { line: 8, message: "NSG 'nsg-mgmt' is not covered" },
      ],
    },
    {
      file: 'fixtures/fail.bicep',
      errors: [{ line: 3, message: "VNet 'vnet-spoke' has no flow log" }],
    },
    {
      file: 'fixtures/fail.json',
      name: 'spoke VNet without flow log (its NSG reported through it), standalone NSG',
      errors: [
        { line: 12, severity: 'low', message: "NSG 'nsg-standalone' is not covered by a flow log" },
        { line: 19, severity: 'low', message: "VNet 'vnet-spoke' has no flow log in this scan" },
      ],
    },
  ],
});
