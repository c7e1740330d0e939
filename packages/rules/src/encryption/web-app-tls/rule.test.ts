import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    {
      file: 'fixtures/pass.json',
      name: '1.2/1.3, defaults, and a config resource overriding a weak inline value',
    },

    { file: 'fixtures/pass.bicep', name: 'Bicep 1.3/1.2 with a config/web child' },
    { file: '../../testing/scenarios/web-app/pass.tf', name: 'Terraform minimum_tls_version 1.2' },
    {
      file: 'fixtures/pass-logic-flex.tf',
      name: 'Logic App Standard and Flex Consumption with the TLS 1.2 defaults',
    },
  ],
  invalid: [
    {
      file: 'fixtures/fail.json',
      name: 'inline 1.0 and SCM 1.1; config/web resource lowering to 1.1',
      errors: [
        { line: 13, message: "site of 'app-legacy' accepts TLS 1.0" },
        { line: 14, message: "SCM (deployment) site of 'app-legacy' accepts TLS 1.1" },
        { line: 34, message: "site of 'app-override' accepts TLS 1.1" },
      ],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'Bicep: @allowed parameter permitting 1.0 for SCM; site 1.1',
      errors: [
        { line: 7, message: "Parameter 'scmTls' sets scmMinTlsVersion of the SCM (deployment) site" },
        { line: 15, message: 'accepts TLS 1.1' },
      ],
    },
    {
      file: 'fixtures/fail.tf',
      name: 'Terraform site 1.0 and SCM 1.1',
      errors: [
        { line: 9, message: 'accepts TLS 1.0' },
        { line: 10, message: "SCM (deployment) site of 'app-legacy' accepts TLS 1.1" },
      ],
    },
    {
      file: 'fixtures/fail-logic-flex.tf',
      name: 'Logic App Standard min_tls_version 1.0; Flex Consumption 1.1 and SCM 1.0',
      errors: [
        { line: 11, message: "site of 'la-orders' accepts TLS 1.0" },
        { line: 28, message: "site of 'fx-orders' accepts TLS 1.1" },
        { line: 29, message: "SCM (deployment) site of 'fx-orders' accepts TLS 1.0" },
      ],
    },
  ],
});
