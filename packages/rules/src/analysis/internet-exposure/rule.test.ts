import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    {
      file: 'fixtures/pass-load-balancer.tf',
      name: 'azurerm load balancer rules the NSG admits only from the VNet',
    },
    { file: 'fixtures/pass.json' },
    { file: '../../testing/scenarios/internet-exposure/pass.tf' },
    { file: '../../testing/scenarios/internet-exposure/pass.bicep' },
  ],
  invalid: [
    {
      file: 'fixtures/fail-load-balancer.tf',
      name: 'azurerm load balancer rule and NAT rule to a pool member the NSG opens to the Internet',
      errors: [
        {
          line: 23,
          severity: 'medium',
          message:
            'Internet reaches nic-web in vnet-app/snet-web on tcp/22,443 through load balancer lb-web rule https, load balancer lb-web NAT rule ssh',
        },
      ],
    },
    {
      file: '../../testing/scenarios/internet-exposure/fail.json',
      errors: [
        {
          line: 70,
          severity: 'medium',
          message:
            'Internet reaches nic-web in vnet-app/snet-web on tcp/22,443,5985-5986 through public IP pip-web on nic-web; allowed by rule allow-ssh (priority 110) of nsg-web',
        },
      ],
    },
    { file: '../../testing/scenarios/internet-exposure/fail.tf', errors: [{ line: 75 }] },
    { file: '../../testing/scenarios/internet-exposure/fail.bicep', errors: [{ line: 85 }] },
  ],
});
