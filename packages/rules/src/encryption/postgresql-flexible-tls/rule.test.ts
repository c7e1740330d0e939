import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json', name: 'secure transport ON, TLS 1.2+, unrelated parameter off' },
    { file: 'fixtures/pass.bicep', name: 'Bicep TLSv1.2 parameter' },
    { file: 'fixtures/pass.tf', name: 'Terraform TLSv1.2' },
    {
      file: 'fixtures/pass-single.tf',
      name: 'Terraform single server with SSL enforced (ssl_minimal_tls_version_enforced defaults to TLS1_2)',
    },
  ],
  invalid: [
    {
      file: 'fixtures/fail-single.json',
      name: 'single servers: SSL enforcement off (one finding), TLS1_1, minimalTlsVersion unset; TLS1_2 passes',
      errors: [
        { line: 12, message: 'accepts connections without TLS (sslEnforcement Disabled)' },
        { line: 24, message: "minimalTlsVersion 'TLS1_1'" },
        { line: 27, message: 'does not set minimalTlsVersion' },
      ],
    },
    {
      file: 'fixtures/fail-single.tf',
      name: 'Terraform single server ssl_enforcement_enabled false',
      errors: [{ line: 8, message: 'sslEnforcement Disabled' }],
    },
    {
      file: 'fixtures/fail.json',
      name: 'secure transport OFF and a TLS floor below 1.2',
      errors: [
        { line: 19, message: 'require_secure_transport OFF' },
        { line: 29, message: 'accepts TLS older than 1.2' },
      ],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'Bicep child configurations: off, TLSv1',
      errors: [
        { line: 12, message: 'require_secure_transport OFF' },
        { line: 21, message: "ssl_min_protocol_version 'TLSv1'" },
      ],
    },
    {
      file: 'fixtures/fail.tf',
      name: 'Terraform OFF and TLSv1.1',
      errors: [
        { line: 12, message: 'require_secure_transport OFF' },
        { line: 18, message: "ssl_min_protocol_version 'TLSv1.1'" },
      ],
    },
  ],
});
