import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: '../../testing/scenarios/hub-spoke/pass.json' },
    { file: '../../testing/scenarios/hub-spoke/pass.tf' },
    { file: '../../testing/scenarios/hub-spoke/pass.bicep' },
  ],
  invalid: [
    {
      file: '../../testing/scenarios/hub-spoke/fail.json',
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
    { file: '../../testing/scenarios/hub-spoke/fail.tf', errors: [{ line: 214 }, { line: 221 }] },
    { file: '../../testing/scenarios/hub-spoke/fail.bicep', errors: [{ line: 261 }, { line: 272 }] },
  ],
});
