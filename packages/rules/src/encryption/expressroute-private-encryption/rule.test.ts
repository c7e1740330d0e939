import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json', name: 'VPN gateway beside the ER gateway with IPsec over private peering' },
    {
      file: 'fixtures/pass.bicep',
      name: 'Bicep VPN gateway beside the ER gateway, IPsec over private peering',
    },
    {
      file: 'fixtures/pass.tf',
      name: 'Terraform VPN gateway beside the ER gateway, private_ip_address_enabled connection',
    },
    {
      file: 'fixtures/pass-peering-child.tf',
      name: 'Terraform circuit with only a Microsoft peering resource',
    },
  ],
  invalid: [
    {
      file: 'fixtures/fail-second-circuit.json',
      name: 'a tunnel over one circuit does not cover a second circuit no gateway in the scan connects to',
      errors: [{ line: 73, message: "circuit 'erc-dr-frankfurt' has private peering" }],
    },
    {
      file: 'fixtures/fail.json',
      name: 'only an Internet VPN beside the ER gateway; a circuit with private peering and no gateway',
      errors: [
        { line: 26, message: "ExpressRoute gateway 'ergw-hub'", severity: 'low' },
        { line: 134, message: "circuit 'erc-unattached'" },
      ],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'Bicep ER gateway alone in the hub',
      errors: [{ line: 12, message: "ExpressRoute gateway 'ergw-hub'" }],
    },
    {
      file: 'fixtures/fail.tf',
      name: 'Terraform ER gateway alone',
      errors: [{ line: 15, message: "ExpressRoute gateway 'ergw-hub'" }],
    },
    {
      file: 'fixtures/fail-peering-child.tf',
      name: 'Terraform private peering as an azurerm_express_route_circuit_peering resource',
      errors: [{ line: 2, message: "circuit 'erc-hub' has private peering" }],
    },
  ],
});
