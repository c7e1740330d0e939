import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    {
      file: '../../testing/scenarios/waf-policy/pass.bicep',
      name: 'Bicep WAF policies done right on both platforms',
    },
    {
      file: '../../testing/scenarios/waf-policy/pass.tf',
      name: 'azurerm WAF policies: Prevention, DRS 2.1, Bot Manager, custom rules',
    },
    { file: 'fixtures/pass.json', name: 'custom rules on both platforms; rules from a parameter not judged' },
  ],
  invalid: [
    {
      file: '../../testing/scenarios/waf-policy/fail.bicep',
      errors: [
        { line: 25, severity: 'info', message: "'wafp-agw' has no custom rules" },
        { line: 29, severity: 'info', message: "'wafpshop' has no custom rules" },
      ],
    },
    {
      file: '../../testing/scenarios/waf-policy/fail.tf',
      errors: [
        { line: 1, severity: 'info', message: "'wafp-agw' has no custom rules" },
        { line: 19, severity: 'info', message: "'wafpshop' has no custom rules" },
      ],
    },
    {
      file: 'fixtures/fail.json',
      errors: [
        {
          line: 13,
          severity: 'info',
          message: "Application Gateway WAF policy 'wafp-agw' has no custom rules",
        },
        { line: 16, severity: 'info', message: "Front Door WAF policy 'wafpfd' has no custom rules" },
      ],
    },
  ],
});
