import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json', name: 'VpnGw2AZ; ExpressRoute gateway on Standard is not a VPN SKU' },
    { file: 'fixtures/pass.bicep', name: 'Bicep VpnGw2AZ' },
    { file: 'fixtures/pass.tf', name: 'Terraform VpnGw2AZ' },
  ],
  invalid: [
    {
      file: 'fixtures/fail.json',
      name: 'Basic and legacy HighPerformance',
      errors: [
        { line: 14, message: 'Basic SKU', severity: 'high' },
        { line: 27, message: 'legacy HighPerformance', severity: 'medium' },
      ],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'Bicep @allowed SKU list containing Basic',
      errors: [
        {
          line: 6,
          message: "Parameter 'gatewaySku' sets the SKU of VPN gateway 'vgw-hub' and allows 'Basic'",
        },
      ],
    },
    {
      file: 'fixtures/fail.tf',
      name: 'Terraform Basic',
      errors: [{ line: 7, message: 'Basic SKU' }],
    },
  ],
});
