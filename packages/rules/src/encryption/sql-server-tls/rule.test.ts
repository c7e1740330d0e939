import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json', name: '1.2 and 1.3' },
    { file: 'fixtures/pass.bicep', name: 'Bicep 1.2 with Entra-only admin' },
    { file: 'fixtures/pass.tf', name: 'Terraform 1.2, Entra-only' },
    {
      file: 'fixtures/pass-mssql-default.tf',
      name: 'azurerm_mssql_server without minimum_tls_version (1.2)',
    },
  ],
  invalid: [
    {
      file: 'fixtures/fail.json',
      name: "1.1, 'None', and unset",
      errors: [
        { line: 12, message: 'accepts TLS 1.1' },
        { line: 21, message: "minimalTlsVersion 'None'" },
        { line: 24, message: 'does not set minimalTlsVersion' },
      ],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'Bicep: @allowed permitting 1.0/1.1; literal 1.0',
      errors: [
        {
          line: 6,
          message:
            "Parameter 'minimalTls' sets minimalTlsVersion of SQL server 'sql-param' and allows '1.0', '1.1'",
        },
        { line: 12, message: 'accepts TLS 1.0' },
      ],
    },
    {
      file: 'fixtures/fail-disabled.tf',
      name: 'Terraform minimum_tls_version "Disabled" (the API\'s None)',
      errors: [{ line: 7, message: "enforces no minimum TLS version (minimalTlsVersion 'None')" }],
    },
    {
      file: 'fixtures/fail-disabled-variable.tf',
      name: 'Terraform variable whose validation allows "Disabled"',
      errors: [
        {
          line: 2,
          message:
            "Variable 'minimum_tls' sets minimalTlsVersion of SQL server 'sql-chosen' and allows 'Disabled'",
        },
      ],
    },
    {
      file: 'fixtures/fail.tf',
      name: 'Terraform minimum_tls_version 1.0',
      errors: [{ line: 8, message: 'accepts TLS 1.0' }],
    },
    {
      file: 'fixtures/fail-legacy-sql-server.tf',
      name: 'legacy azurerm_sql_server, which cannot set a minimum TLS version',
      errors: [{ line: 2, message: 'does not set minimalTlsVersion; the API default accepts TLS 1.0' }],
    },
  ],
});
