import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json' },
    { file: 'fixtures/pass.tf' },
    { file: 'fixtures/pass.bicep' },
    // No NSG, but only the application gateway's listener port and Bastion's 443 are published.
    { file: 'fixtures/pass-gateways.json', name: 'gateway and Bastion subnets without NSG' },
    { file: 'fixtures/pass-gateways.tf', name: 'gateway and Bastion subnets without NSG' },
    { file: 'fixtures/pass-gateways.bicep', name: 'gateway and Bastion subnets without NSG' },
    // GatewayManager on 65200-65535: the infrastructure rule Application Gateway v2 requires.
    { file: 'fixtures/pass-gateway-manager.json', name: 'GatewayManager infrastructure ports' },
    { file: 'fixtures/pass-gateway-manager.tf', name: 'GatewayManager infrastructure ports' },
    { file: 'fixtures/pass-gateway-manager.bicep', name: 'GatewayManager infrastructure ports' },
  ],
  invalid: [
    {
      file: 'fixtures/fail.json',
      errors: [
        {
          line: 12,
          severity: 'high',
          message:
            'Internet → nic-web in vnet-app/snet-web tcp/8080 (wide port range) via rule allow-all-internet (priority 100) of nsg-web; reachable through load balancer lb-web rule http',
        },
        {
          line: 26,
          severity: 'medium',
          message:
            'tcp/1024-5000 (wide port range) via rule allow-high-ports (priority 100) of nsg-detached; the NSG is not attached',
        },
        {
          line: 34,
          severity: 'low',
          message: 'rule deny-all-first (priority 90) of nsg-detached decides that traffic first (dead rule)',
        },
      ],
    },
    {
      file: 'fixtures/pass.json',
      name: 'threshold lowered to 50 ports',
      options: { wideRangePorts: 50 },
      errors: [{ line: 26 }],
    },
    { file: 'fixtures/fail.tf', errors: [{ line: 25 }, { line: 81 }, { line: 93 }] },
    { file: 'fixtures/fail.bicep', errors: [{ line: 8 }, { line: 98 }, { line: 111 }] },
  ],
});
