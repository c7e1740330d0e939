import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [{ file: 'fixtures/pass.json' }, { file: 'fixtures/pass.tf' }, { file: 'fixtures/pass.bicep' }],
  invalid: [
    {
      file: 'fixtures/rule-on-unseen-nsg.tf',
      name: 'any-to-any rule added to an NSG read through a data source',
      errors: [{ line: 7, severity: 'high', message: 'allow-any-temp' }],
    },
    {
      file: 'fixtures/fail.json',
      errors: [
        {
          line: 12,
          severity: 'high',
          message:
            'rule allow-any-in (priority 100) of nsg-flat allows any source to reach any destination on any port (* → *)',
        },
        {
          line: 16,
          severity: 'medium',
          message:
            'allows any source to send to any destination on any port (0.0.0.0/0 → 0.0.0.0/1, 128.0.0.0/1)',
        },
        {
          line: 34,
          severity: 'low',
          message: 'never applies: rule deny-all (priority 100) of nsg-dead decides all',
        },
      ],
    },
    { file: 'fixtures/fail.tf', errors: [{ line: 25 }, { line: 37 }, { line: 84 }] },
    { file: 'fixtures/fail.bicep', errors: [{ line: 8 }, { line: 21 }, { line: 97 }] },
  ],
});
