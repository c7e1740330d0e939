import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json' },
    { file: 'fixtures/pass.tf' },
    { file: 'fixtures/pass.bicep' },
    {
      file: 'fixtures/fail.json',
      name: 'NVA declared in the hub',
      options: { nvaIpAddresses: ['10.0.2.4'] },
    },
  ],
  invalid: [
    {
      file: 'fixtures/fail.json',
      errors: [
        {
          line: 5,
          message:
            "Hub VNet 'vnet-hub' (has an AzureFirewallSubnet) runs no Azure Firewall and no declared NVA",
        },
      ],
    },
    {
      file: 'fixtures/fail.json',
      name: 'an NVA outside the hub does not count',
      options: { nvaIpAddresses: ['10.1.0.4'] },
      errors: [{ line: 5 }],
    },
    { file: 'fixtures/fail.tf', errors: [{ line: 6 }] },
    { file: 'fixtures/fail.bicep', errors: [{ line: 3 }] },
  ],
});
