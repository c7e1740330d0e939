import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json', name: 'explicit 1.2, and unset on an API version that defaults to 1.2' },
    { file: 'fixtures/pass.bicep', name: 'Bicep 1.2' },
    { file: 'fixtures/pass.tf', name: 'Terraform 1.2' },
  ],
  invalid: [
    {
      file: 'fixtures/fail.json',
      name: 'explicit 1.0, and unset on an API version that defaults to 1.0',
      errors: [
        { line: 12, message: 'accepts TLS 1.0' },
        { line: 15, message: 'the API default accepts TLS 1.0' },
      ],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'Bicep parameter defaulting to 1.1',
      errors: [
        {
          line: 6,
          message:
            "Parameter 'minimumTlsVersion' sets minimumTlsVersion of Event Hubs namespace 'ns-legacy' and defaults to '1.1'",
        },
      ],
    },
    {
      file: 'fixtures/fail.tf',
      name: 'Terraform variable defaulting to 1.0',
      errors: [
        {
          line: 1,
          message:
            "Variable 'minimum_tls_version' sets minimumTlsVersion of Event Hubs namespace 'ns-legacy' and defaults to '1.0'",
        },
      ],
    },
  ],
});
