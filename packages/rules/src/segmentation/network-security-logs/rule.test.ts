import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.tf', name: 'azurerm diagnostic setting to a workspace' },
    { file: 'fixtures/pass.bicep', name: 'Bicep scoped diagnostic settings to a workspace' },
    {
      file: 'fixtures/pass-nested-child.json',
      name: 'ARM diagnostic settings nested as providers/diagnosticSettings children and at top level',
    },
    {
      file: 'fixtures/pass.json',
      name: 'firewall and gateway logs to a workspace; CDN profile out of scope',
    },
  ],
  invalid: [
    {
      file: 'fixtures/fail.tf',
      errors: [
        { line: 1, message: "Azure Firewall 'afw-hub' has no diagnostic setting" },
        { line: 25, message: 'sends diagnostics only to storage' },
      ],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'scoped setting with metrics only; Front Door without settings; existing gateway not judged',
      errors: [
        { line: 22, message: 'no log category enabled' },
        { line: 33, message: "Front Door profile 'afd-shop' has no diagnostic setting" },
      ],
    },
    {
      file: 'fixtures/fail.json',
      errors: [
        { line: 5, message: "Azure Firewall 'afw-hub' has no diagnostic setting" },
        { line: 23, message: "Application Gateway 'agw-web' sends diagnostics only to storage" },
        {
          line: 41,
          message:
            "Virtual network gateway 'vgw-hub' has a diagnostic setting to Log Analytics with no log category enabled",
        },
        { line: 45, message: "Front Door profile 'afd-shop' has no diagnostic setting" },
      ],
    },
  ],
});
