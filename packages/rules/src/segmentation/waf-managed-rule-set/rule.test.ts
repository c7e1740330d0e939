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
    { file: 'fixtures/pass.json', name: 'DRS 2.1 / OWASP 3.2; rule sets from a parameter are not judged' },
    { file: 'fixtures/pass-default-type.tf', name: 'azurerm managed_rule_set without type is OWASP (3.2)' },
  ],
  invalid: [
    {
      file: '../../testing/scenarios/waf-policy/fail.bicep',
      errors: [
        { line: 19, message: 'uses OWASP 3.0' },
        { line: 42, message: 'uses DefaultRuleSet 1.0' },
      ],
    },
    {
      file: '../../testing/scenarios/waf-policy/fail.tf',
      errors: [
        { line: 12, message: 'uses OWASP 3.1' },
        { line: 19, message: 'Front Door Standard tier' },
      ],
    },
    {
      file: 'fixtures/fail-default-type.tf',
      errors: [{ line: 8, message: 'uses OWASP 3.1' }],
    },
    {
      file: 'fixtures/fail.json',
      errors: [
        {
          line: 14,
          message: 'uses OWASP 3.1; use OWASP 3.2 or later or Microsoft_DefaultRuleSet 2.1 or later',
        },
        { line: 28, message: 'has no OWASP / Default Rule Set' },
        { line: 40, message: 'uses DefaultRuleSet 1.0; use Microsoft_DefaultRuleSet 2.0 or later' },
        { line: 43, message: 'Front Door Standard tier' },
        { line: 62, message: "'agw-legacy' runs OWASP 3.0" },
      ],
    },
  ],
});
