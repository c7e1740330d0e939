import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json', name: 'enabled with AllowUnencrypted (the GA value)' },
    { file: 'fixtures/pass.bicep', name: 'Bicep enabled' },
    { file: 'fixtures/pass.tf', name: 'Terraform encryption block (azurerm enables it)' },
    { file: 'fixtures/plan/pass.plan.json', name: 'Terraform plan JSON with an encryption block' },
  ],
  invalid: [
    {
      file: 'fixtures/fail.json',
      name: 'no encryption block; enabled false',
      errors: [
        { line: 5, message: "'vnet-plain' does not enable encryption" },
        { line: 22, message: "'vnet-disabled'" },
      ],
    },
    {
      file: 'fixtures/pass.json',
      name: 'AllowUnencrypted when the option requires DropUnencrypted',
      options: { requireDropUnencrypted: true },
      errors: [{ line: 12, message: 'enforcement AllowUnencrypted', severity: 'low' }],
    },
    {
      file: 'fixtures/fail-null.json',
      name: 'encryption null (AVM: if(..., createObject(...), null())): no block, not a crash',
      errors: [
        { line: 8, message: "'vnet-avm' does not enable encryption" },
        { line: 18, message: "'vnet-literal-null' does not enable encryption" },
      ],
    },
    {
      file: 'fixtures/fail-null.bicep',
      name: 'Bicep: encryption: cond ? {...} : null with the condition false',
      errors: [{ line: 4, message: "'vnet-avm' does not enable encryption" }],
    },
    {
      file: 'fixtures/unknown-name-copies.json',
      name: 'copies whose names are partly unknown are two VNets, not one',
      errors: [
        { line: 33, message: "'<unknown: parameters('prefix')>-vnet-0' does not enable encryption" },
        { line: 33, message: "'<unknown: parameters('prefix')>-vnet-1' does not enable encryption" },
      ],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'Bicep enabled false',
      errors: [{ line: 7, message: 'does not enable encryption' }],
    },
    {
      file: 'fixtures/fail.tf',
      name: 'Terraform without an encryption block',
      errors: [{ line: 1, message: 'does not enable encryption' }],
    },
    {
      file: 'fixtures/plan/fail.plan.json',
      name: 'Terraform plan JSON without encryption',
      errors: [{ line: 14, message: 'does not enable encryption' }],
    },
  ],
});
