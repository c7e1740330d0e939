import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json', name: 'TLS 1.2, port closed; Enterprise encrypted' },
    { file: 'fixtures/pass.bicep', name: 'Bicep TLS 1.2, port closed' },
    { file: 'fixtures/pass.tf', name: 'Terraform port closed, 1.2' },
    {
      file: 'fixtures/enterprise-pass.tf',
      name: 'azurerm Redis Enterprise and Managed Redis with provider defaults',
    },
  ],
  invalid: [
    {
      file: 'fixtures/enterprise-fail.tf',
      name: 'azurerm Redis Enterprise cluster at TLS 1.0, plaintext Enterprise and Managed Redis databases',
      errors: [
        { line: 9, message: "Redis Enterprise cluster 'rec-legacy'" },
        { line: 14, message: "database 'rec-legacy/default' accepts plaintext clients" },
        { line: 24, message: "database 'amr-sessions/default' accepts plaintext clients" },
      ],
    },
    {
      file: 'fixtures/fail.json',
      name: 'non-TLS port, TLS 1.0, default TLS, Enterprise 1.1 and plaintext database',
      errors: [
        { line: 12, message: 'non-TLS port' },
        { line: 13, message: 'accepts TLS 1.0' },
        { line: 16, message: 'does not set minimumTlsVersion' },
        { line: 31, message: "cluster 'redisent' accepts TLS 1.1" },
        { line: 38, message: 'plaintext clients' },
      ],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'Bicep non-TLS port and TLS 1.1',
      errors: [
        { line: 6, message: 'non-TLS port' },
        { line: 7, message: 'accepts TLS 1.1' },
      ],
    },
    {
      file: 'fixtures/fail.tf',
      name: 'Terraform non-TLS port and TLS 1.0',
      errors: [
        { line: 8, message: 'non-TLS port' },
        { line: 9, message: 'accepts TLS 1.0' },
      ],
    },
  ],
});
