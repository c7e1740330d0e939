import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    {
      file: 'fixtures/pass.json',
      name: 'one circuit with a diagnostic setting (type/name form), one with a BGP metric alert',
    },
    { file: 'fixtures/pass.bicep', name: 'Bicep diagnostic setting with scope: circuit' },
    { file: 'fixtures/pass-scope.json', name: 'ARM diagnostic setting with a scope property' },
    { file: 'fixtures/pass.tf', name: 'Terraform azurerm_monitor_diagnostic_setting targeting the circuit' },
  ],
  invalid: [
    {
      file: 'fixtures/fail.json',
      name: 'two circuits, only an alert on a circuit outside the scan',
      errors: [
        { line: 5, message: "'erc-primary' has no diagnostic setting", severity: 'low' },
        { line: 23, message: "'erc-secondary'" },
      ],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'Bicep circuit without monitoring',
      errors: [{ line: 1, message: "'erc-primary' has no diagnostic setting" }],
    },
    {
      file: 'fixtures/fail.tf',
      name: 'Terraform circuit alone',
      errors: [{ line: 1, message: "'erc-primary' has no diagnostic setting" }],
    },
  ],
});
