import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json', name: 'HTTP redirect rule + HTTPS-only forwarding rule' },
    { file: 'fixtures/pass.bicep', name: 'Bicep redirect + HTTPS forwarding' },
    { file: 'fixtures/pass.tf', name: 'Terraform redirect rule + HTTPS-only forwarding rule' },
    { file: 'fixtures/pass-disabled-rule.bicep', name: 'disabled routing rule that would accept HTTP' },
  ],
  invalid: [
    {
      file: 'fixtures/fail.json',
      name: 'forwarding rule accepting HTTP with HttpOnly backend; MatchRequest redirect on HTTP',
      errors: [
        { line: 16, message: 'accepts HTTP and forwards it' },
        { line: 20, message: 'forwardingProtocol HttpOnly' },
        { line: 31, message: 'redirectProtocol MatchRequest' },
      ],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'Bicep forwarding rule accepting HTTP',
      errors: [{ line: 10, message: 'accepts HTTP and forwards it' }],
    },
    {
      file: 'fixtures/fail.tf',
      name: 'Terraform forwarding rule accepting HTTP, HttpOnly',
      errors: [
        { line: 33, message: 'accepts HTTP and forwards it' },
        { line: 38, message: 'forwardingProtocol HttpOnly' },
      ],
    },
  ],
});
