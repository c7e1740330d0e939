import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json', name: 'TLS12, default, classic 1.2' },
    { file: 'fixtures/pass.bicep', name: 'Bicep TLS12' },
    { file: 'fixtures/pass.tf', name: 'Terraform TLS12' },
  ],
  invalid: [
    {
      file: 'fixtures/fail.json',
      name: 'AFD TLS10 and a classic endpoint at 1.0',
      errors: [
        { line: 13, message: 'accepts TLS 1.0' },
        { line: 24, message: 'Front Door (classic) endpoint' },
      ],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'Bicep TLS10',
      errors: [{ line: 14, message: 'accepts TLS 1.0' }],
    },
    {
      file: 'fixtures/fail.tf',
      name: 'Terraform TLS10',
      errors: [{ line: 14, message: 'accepts TLS 1.0' }],
    },
  ],
});
