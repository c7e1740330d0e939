import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: '../../testing/scenarios/hub-spoke/pass.json' },
    { file: '../../testing/scenarios/hub-spoke/pass.tf' },
    { file: '../../testing/scenarios/hub-spoke/pass.bicep' },
    // A gateway in a VNet peered with nothing is a branch, not a spoke's way around the hub.
    { file: 'fixtures/pass-isolated-gateway.json', name: 'gateway in an isolated VNet' },
    { file: 'fixtures/pass-isolated-gateway.tf', name: 'gateway in an isolated VNet' },
    { file: 'fixtures/pass-isolated-gateway.bicep', name: 'gateway in an isolated VNet' },
  ],
  invalid: [
    {
      file: '../../testing/scenarios/hub-spoke/fail.json',
      errors: [
        {
          line: 140,
          message: "Gateway 'vgw-dev' terminates on-premises connectivity in spoke VNet 'vnet-dev-app'",
        },
        { line: 233, message: "Hub 'vnet-hub' does not offer its gateway to spoke 'vnet-prod-data'" },
        { line: 236, message: "Spoke 'vnet-prod-data' does not use the gateway of hub 'vnet-hub'" },
        // vnet-dev-app has a gateway of its own, so Azure would refuse useRemoteGateways on its
        // peering: the gateway finding above is the one to act on.
      ],
    },
    {
      file: '../../testing/scenarios/hub-spoke/fail.tf',
      errors: [{ line: 116 }, { line: 188 }, { line: 191 }],
    },
    {
      file: '../../testing/scenarios/hub-spoke/fail.bicep',
      errors: [{ line: 133 }, { line: 222 }, { line: 226 }],
    },
  ],
});
