import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: '../../testing/scenarios/hub-spoke/pass.json' },
    { file: '../../testing/scenarios/hub-spoke/pass.tf' },
    { file: '../../testing/scenarios/hub-spoke/pass.bicep' },
    {
      file: '../../testing/scenarios/hub-spoke/fail.json',
      name: 'NVA declared in the hub',
      options: { nvaIpAddresses: ['10.0.2.4'] },
    },
    // No option: the NVA is a NIC with IP forwarding that the spokes' default route points at.
    { file: 'fixtures/pass-nva.json', name: 'NVA found by its route' },
    { file: 'fixtures/pass-nva.tf', name: 'NVA found by its route' },
    { file: 'fixtures/pass-nva.bicep', name: 'NVA found by its route' },
  ],
  invalid: [
    {
      file: '../../testing/scenarios/hub-spoke/fail.json',
      errors: [
        {
          line: 5,
          message: "Hub VNet 'vnet-hub' (has an AzureFirewallSubnet) runs no Azure Firewall and no NVA",
        },
      ],
    },
    {
      file: '../../testing/scenarios/hub-spoke/fail.json',
      name: 'an NVA outside the hub does not count',
      options: { nvaIpAddresses: ['10.1.0.4'] },
      errors: [{ line: 5 }],
    },
    { file: '../../testing/scenarios/hub-spoke/fail.tf', errors: [{ line: 6 }] },
    { file: '../../testing/scenarios/hub-spoke/fail.bicep', errors: [{ line: 3 }] },
  ],
});
