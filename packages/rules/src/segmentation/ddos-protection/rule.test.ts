import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    {
      file: 'fixtures/pass-load-balancer.tf',
      name: 'azurerm load balancer IP inheriting the plan of its backend pool VNet',
    },
    { file: 'fixtures/pass.json', name: 'hub on a DDoS plan, edge gateway IP with IP protection' },
    { file: 'fixtures/pass.tf', name: 'azurerm hub VNet on a DDoS plan' },
    { file: 'fixtures/pass.bicep', name: 'Bicep hub VNet on a DDoS plan with Bastion' },
  ],
  invalid: [
    {
      file: 'fixtures/fail-load-balancer.tf',
      name: 'azurerm load balancer with a NIC in its backend pool, no DDoS protection',
      errors: [{ line: 1, message: "VNet 'vnet-app' is public-facing ('pip-lb-web')" }],
    },
    {
      file: 'fixtures/fail.tf',
      errors: [{ line: 1, message: "VNet 'vnet-hub' is public-facing ('pip-afw')" }],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'plan referenced but enableDdosProtection false',
      errors: [{ line: 15, message: "VNet 'vnet-hub' is public-facing ('pip-bastion')" }],
    },
    {
      file: 'fixtures/fail.json',
      errors: [
        { line: 5, message: "VNet 'vnet-hub' is public-facing ('pip-afw') without DDoS Protection" },
        {
          line: 59,
          message:
            "Public IP 'pip-lb' in public-facing VNet 'vnet-web' has DDoS protection explicitly disabled",
        },
      ],
    },
  ],
});
