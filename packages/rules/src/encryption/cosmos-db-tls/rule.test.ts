import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json', name: 'Tls12' },
    { file: 'fixtures/pass-default.json', name: 'not set or null: the API default is Tls12' },
    { file: 'fixtures/pass.bicep', name: 'Bicep Tls12' },
    { file: 'fixtures/pass.tf', name: 'Terraform Tls12' },
  ],
  invalid: [
    {
      file: 'fixtures/fail.json',
      name: "'Tls' (1.0), 'Tls11'",
      errors: [
        { line: 14, message: 'accepts TLS 1.0' },
        { line: 25, message: 'accepts TLS 1.1' },
      ],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'Bicep Tls11',
      errors: [{ line: 10, message: 'accepts TLS 1.1' }],
    },
    {
      file: 'fixtures/fail.tf',
      name: 'Terraform minimal_tls_version Tls',
      errors: [{ line: 6, message: 'accepts TLS 1.0' }],
    },
  ],
});
