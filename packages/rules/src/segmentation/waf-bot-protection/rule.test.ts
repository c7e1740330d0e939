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
    {
      file: 'fixtures/pass.json',
      name: 'Bot Manager on every policy; rule sets from a parameter not judged',
    },
  ],
  invalid: [
    {
      file: '../../testing/scenarios/waf-policy/fail.bicep',
      errors: [
        { line: 18, message: "'wafp-agw' has no bot protection" },
        { line: 41, message: "'wafpshop' has no bot protection" },
      ],
    },
    {
      file: '../../testing/scenarios/waf-policy/fail.tf',
      errors: [
        { line: 12, message: 'has no bot protection' },
        { line: 19, message: 'Front Door Standard tier' },
      ],
    },
    {
      file: 'fixtures/fail.json',
      errors: [
        { line: 13, message: 'has no bot protection (Microsoft_BotManagerRuleSet)' },
        { line: 17, message: 'Front Door Standard tier' },
        { line: 32, message: 'inline WAF configuration' },
      ],
    },
  ],
});
