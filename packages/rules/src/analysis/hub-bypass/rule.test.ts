import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [{ file: 'fixtures/pass.json' }, { file: 'fixtures/pass.tf' }, { file: 'fixtures/pass.bicep' }],
  invalid: [
    {
      file: 'fixtures/fail.json',
      errors: [
        {
          line: 271,
          message:
            "'vnet-prod-app' → 'vnet-dev-app' bypasses the hub firewall: spoke-to-spoke peering with vnet-dev-app; snet-app reach it without a route through the hub firewall.",
        },
        // The other direction too: its 0.0.0.0/0 route to the firewall loses to the longer peering route.
        { line: 282, message: "'vnet-dev-app' → 'vnet-prod-app' bypasses the hub firewall" },
      ],
    },
    { file: 'fixtures/fail.tf', errors: [{ line: 214 }, { line: 221 }] },
    { file: 'fixtures/fail.bicep', errors: [{ line: 261 }, { line: 272 }] },
  ],
});
