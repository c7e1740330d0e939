import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json', name: 'no VNet, no summary' },
    { file: 'fixtures/pass.tf', name: 'no VNet, no summary' },
    { file: 'fixtures/pass.bicep', name: 'no VNet, no summary' },
  ],
  invalid: [
    {
      file: '../../testing/scenarios/hub-spoke/fail.json',
      errors: [
        {
          line: 5,
          severity: 'info',
          message:
            'Topology: 4 VNet(s); hub: vnet-hub (no firewall); 3 spoke(s), 0 other peered, 0 isolated; 0 subnet(s) reachable from the Internet; 2 hub bypass(es).',
        },
      ],
    },
    {
      file: '../../testing/scenarios/hub-spoke/fail.tf',
      errors: [{ line: 6, severity: 'info', message: '3 spoke(s)' }],
    },
    {
      file: '../../testing/scenarios/hub-spoke/fail.bicep',
      errors: [{ line: 3, severity: 'info', message: '2 hub bypass(es)' }],
    },
  ],
});
