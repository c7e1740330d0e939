import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json' },
    { file: 'fixtures/pass-parameter.json', name: 'TLS bound to a parameter that allows only TLS1_2/TLS1_3' },
    { file: 'fixtures/pass.bicep', name: 'Bicep, @allowed TLS1_2/TLS1_3' },
    { file: 'fixtures/pass.tf', name: 'Terraform, https only and TLS1_2' },
    { file: 'fixtures/plan/pass.plan.json', name: 'Terraform plan JSON, https only and TLS1_2' },
    {
      file: 'fixtures/pass-unknown.json',
      name: 'values from parameters without default or allowedValues: unknown, not reported',
    },
  ],
  invalid: [
    {
      file: 'fixtures/fail.json',
      errors: [
        { line: 13, message: 'HTTP' },
        { line: 14, message: 'TLS 1.0' },
      ],
    },
    {
      file: 'fixtures/fail-outer-output.json',
      name: 'TLS from the output of an outer-scope nested deployment declared later',
      errors: [{ line: 15, message: "Storage account 'stouter' accepts TLS 1.0" }],
    },
    {
      file: 'fixtures/fail-defaults.json',
      name: 'API 2018-07-01 without either property: HTTP and TLS 1.0 by default',
      errors: [
        { line: 5, message: 'defaults to false' },
        { line: 5, message: 'does not set minimumTlsVersion' },
      ],
    },
    {
      file: 'fixtures/fail-null.json',
      name: 'API 2018-07-01 with both properties null: null is not given, so the defaults apply',
      errors: [
        { line: 8, message: 'defaults to false' },
        { line: 8, message: 'does not set minimumTlsVersion' },
      ],
    },
    {
      file: 'fixtures/fail-null.bicep',
      name: 'Bicep: minimumTlsVersion ?? null with the parameter not given',
      errors: [{ line: 4, message: 'does not set minimumTlsVersion' }],
    },
    {
      file: 'fixtures/fail-parameter.json',
      name: "minimumTlsVersion bound to parameter 'tls' whose allowedValues include TLS1_0",
      errors: [
        {
          line: 5,
          message:
            "Parameter 'tls' sets minimumTlsVersion of Storage account 'stparam' and allows 'TLS1_0', 'TLS1_1'",
        },
      ],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'Bicep: HTTP and TLS 1.0 literals; @allowed parameter permitting TLS1_0',
      errors: [
        { line: 7, message: "Parameter 'minimumTlsVersion'" },
        { line: 15, message: 'HTTP' },
        { line: 16, message: 'TLS 1.0' },
      ],
    },
    {
      file: 'fixtures/fail-module-scope.bicep',
      name: "Bicep module deployed to two resource groups: resourceGroup().name is the module's scope",
      errors: [{ line: 9, message: "'strglegacy' accepts TLS 1.0" }],
    },
    {
      file: 'fixtures/fail-extends.bicepparam',
      name: 'Bicep parameter file that extends a base setting TLS1_0',
      errors: [{ line: 10, message: "'stextends' accepts TLS 1.0" }],
    },
    {
      file: 'fixtures/fail.tf',
      name: 'Terraform: https_traffic_only_enabled false, TLS1_0',
      errors: [
        { line: 7, message: 'HTTP' },
        { line: 8, message: 'TLS 1.0' },
      ],
    },
    {
      file: 'fixtures/fail-override.tf',
      name: "Terraform: a module's override.tf sets TLS1_0 on one account and TLS1_2 on another",
      errors: [{ line: 6, message: "'stworse' accepts TLS 1.0" }],
    },
    {
      file: 'fixtures/plan/fail.plan.json',
      name: 'Terraform plan JSON: planned values false / TLS1_0',
      errors: [
        { line: 20, message: 'HTTP' },
        { line: 21, message: 'TLS 1.0' },
      ],
    },
  ],
});
