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
    { file: 'fixtures/pass.json', name: 'Application Gateway and Front Door policies enabled in Prevention' },
  ],
  invalid: [
    {
      file: '../../testing/scenarios/waf-policy/fail.bicep',
      name: 'mode from a parameter defaulting to Detection; disabled Front Door policy',
      errors: [
        {
          line: 7,
          message:
            "Parameter 'wafMode' sets the mode of Application Gateway WAF policy 'wafp-agw' and defaults to 'Detection'",
        },
        { line: 37, message: "'wafpshop' is disabled" },
      ],
    },
    {
      file: '../../testing/scenarios/waf-policy/fail.tf',
      errors: [{ line: 8, message: "is in 'Detection' mode" }],
    },
    {
      file: 'fixtures/fail.json',
      errors: [
        { line: 11, message: "is in 'Detection' mode" },
        { line: 21, message: "'wafp-agw-off' is disabled" },
        { line: 32, severity: 'medium', message: 'does not set policySettings.mode' },
        { line: 45, message: "Application Gateway 'agw-legacy' runs its WAF in 'Detection' mode" },
      ],
    },
  ],
});
