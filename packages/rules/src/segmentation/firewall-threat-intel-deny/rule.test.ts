import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.tf', name: 'azurerm policy in Deny attached to the firewall' },
    { file: 'fixtures/pass.bicep', name: 'child policy inherits Deny' },
    {
      file: 'fixtures/child-policies-pass.tf',
      name: "child policy with azurerm's default Alert under a Deny base",
    },
    {
      file: 'fixtures/pass.json',
      name: 'Deny on base policy inherited by child; firewall follows its policy; external base not judged',
    },
  ],
  invalid: [
    {
      file: 'fixtures/child-policies.bicep',
      name: 'the strictest mode on the chain applies',
      errors: [
        { line: 26, message: "'afwp-alert-base' has threat intelligence in 'Alert' mode" },
        { line: 35, message: "inherits threat intelligence mode 'Alert' from base policy 'afwp-alert-base'" },
      ],
    },
    {
      file: 'fixtures/parameter.bicep',
      name: 'parameter defaults to Deny but allows Alert and Off',
      errors: [
        {
          line: 9,
          message:
            "Parameter 'threatIntelMode' sets the threat intelligence mode of firewall policy 'afwp-hub' and allows 'Alert', 'Off'",
        },
      ],
    },
    {
      file: 'fixtures/fail.tf',
      errors: [
        { line: 6, message: 'afwp-hub' },
        { line: 9, message: 'afwp-defaulted' },
        { line: 22, message: 'afw-legacy' },
      ],
    },
    {
      file: 'fixtures/fail.bicep',
      errors: [
        { line: 10, message: 'afwp-hub' },
        { line: 21, message: 'inherits threat intelligence mode' },
      ],
    },
    {
      file: 'fixtures/fail.json',
      errors: [
        { line: 12, message: "'Alert' mode" },
        { line: 20, message: "'afwp-base' has threat intelligence in 'Off' mode" },
        { line: 29, message: "inherits threat intelligence mode 'Off' from base policy 'afwp-base'" },
        { line: 37, severity: 'medium', message: 'Basic tier' },
        { line: 46, message: "'afw-legacy' (classic rules) has threat intelligence in 'Off' mode" },
        { line: 50, message: "'afw-default' (classic rules) does not set threatIntelMode" },
      ],
    },
  ],
});
