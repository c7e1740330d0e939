import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [{ file: 'fixtures/pass.json' }],
  invalid: [
    {
      file: 'fixtures/fail.json',
      errors: [
        { line: 13, message: 'HTTP' },
        { line: 14, message: 'TLS 1.0' },
      ],
    },
  ],
});
