import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    {
      file: '../../testing/scenarios/firewall-policy/pass.bicep',
      name: 'Bicep Premium policy with CA, IDPS Deny and specific rules',
    },
    { file: 'fixtures/pass.json', name: 'named flows allowed, catch-all is a deny' },
    {
      file: '../../testing/scenarios/firewall-policy/pass.tf',
      name: 'azurerm Premium policy and rule collection group done right',
    },
  ],
  invalid: [
    {
      file: 'fixtures/classic-fail.tf',
      name: 'azurerm classic network rule collection patched onto the firewall',
      errors: [{ line: 17, message: "'net-allow/everything'" }],
    },
    {
      file: '../../testing/scenarios/firewall-policy/fail.bicep',
      errors: [{ line: 52, message: "'allow-all/any-any'" }],
    },
    {
      file: '../../testing/scenarios/firewall-policy/fail.tf',
      errors: [{ line: 37, message: "'allow-all/any-any'" }],
    },
    {
      file: 'fixtures/fail.json',
      errors: [
        { line: 18, message: "'allow-all/any-any' allows any source to any destination on any port" },
        { line: 53, message: "'net-allow/everything'" },
      ],
    },
  ],
});
