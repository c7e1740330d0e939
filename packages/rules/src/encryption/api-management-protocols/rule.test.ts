import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json', name: 'all legacy settings False, and defaults' },
    { file: 'fixtures/pass.bicep', name: 'Bicep all legacy settings False' },
    { file: 'fixtures/pass.tf', name: 'Terraform security block all false' },
  ],
  invalid: [
    {
      file: 'fixtures/fail.json',
      name: 'client TLS 1.0, backend TLS 1.1 and 3DES on',
      errors: [
        { line: 15, message: 'TLS 1.0 from clients' },
        { line: 17, message: 'TLS 1.1 to backends' },
        { line: 18, message: '3DES' },
      ],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'Bicep client TLS 1.1 and backend TLS 1.0',
      errors: [
        { line: 9, message: 'TLS 1.1 from clients' },
        { line: 10, message: 'TLS 1.0 to backends' },
      ],
    },
    {
      file: 'fixtures/fail.tf',
      name: 'Terraform frontend TLS 1.0 and 3DES on',
      errors: [
        { line: 10, message: 'TLS 1.0 from clients' },
        { line: 11, message: '3DES' },
      ],
    },
  ],
});
