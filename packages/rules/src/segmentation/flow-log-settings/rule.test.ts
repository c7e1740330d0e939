import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json', name: '90-day and indefinite retention, traffic analytics on' },
    { file: 'fixtures/pass.tf', name: 'azurerm flow log with 90-day retention and traffic analytics' },
    { file: 'fixtures/pass.bicep', name: 'Bicep flow log done right' },
  ],
  invalid: [
    {
      file: 'fixtures/fail.tf',
      errors: [
        { line: 1, severity: 'low', message: 'traffic analytics off' },
        { line: 12, severity: 'medium', message: 'deletes records after 30 days' },
      ],
    },
    {
      file: 'fixtures/fail.bicep',
      errors: [{ line: 16, message: 'is disabled' }],
    },
    {
      file: 'fixtures/fail.json',
      errors: [
        {
          line: 5,
          severity: 'low',
          message: "'NetworkWatcher_westeurope/fl-vnet-spoke' has traffic analytics off",
        },
        { line: 14, severity: 'medium', message: 'deletes records after 7 days' },
        { line: 26, severity: 'medium', message: "'NetworkWatcher_westeurope/fl-nsg-web' is disabled" },
        {
          line: 40,
          severity: 'low',
          message: "'NetworkWatcher_westeurope/fl-vnet-hub' has traffic analytics off",
        },
      ],
    },
    {
      file: 'fixtures/fail.json',
      name: 'minRetentionDays lowered to 7',
      options: { minRetentionDays: 7 },
      errors: [
        { line: 5, message: 'traffic analytics off' },
        { line: 26, message: 'is disabled' },
        { line: 40, message: 'traffic analytics off' },
      ],
    },
  ],
});
