import { allRules } from '../../index.generated.js';
import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

// The score judges the other rules' findings, so every case runs with the whole registry.
const withRules = allRules.filter((r) => r.meta.id !== rule.meta.id);
const score =
  /^Zero Trust score \d+% \(\d+ of \d+ controls pass\): verify explicitly \d+%, use least privilege access \d+%, assume breach \d+%; weakest objective §\d+ .*Failing: .*ZT-E08-01/;

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json', withRules, name: 'every control passes' },
    { file: 'fixtures/pass.bicep', withRules },
    { file: 'fixtures/pass.tf', withRules },
    { file: 'fixtures/fail.json', name: 'no other rule ran: nothing to score' },
  ],
  invalid: [
    { file: 'fixtures/fail.json', withRules, errors: [{ line: 5, severity: 'info', message: score }] },
    { file: 'fixtures/fail.bicep', withRules, errors: [{ line: 1, message: score }] },
    { file: 'fixtures/fail.tf', withRules, errors: [{ line: 1, message: score }] },
  ],
});
