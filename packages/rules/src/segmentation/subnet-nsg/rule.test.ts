import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json', name: 'every workload subnet has an NSG, platform subnets exempt' },
    { file: 'fixtures/pass.bicep', name: 'inline subnet with NSG; firewall subnet exempt' },
    {
      file: 'fixtures/pass.tf',
      name: 'inline subnet block with security_group, separate subnet with association',
    },
    {
      file: 'fixtures/exempt.json',
      name: 'subnet exempted by option; subnet with unknown properties is not judged',
      options: { exemptSubnets: ['snet-netapp'] },
    },
    {
      file: 'fixtures/unknown-name.json',
      name: 'subnet module whose whole name is one unknown format() with a slash inside (AVM subnet main.json)',
    },
  ],
  invalid: [
    {
      file: 'fixtures/fail.bicep',
      errors: [
        { line: 19, message: "'vnet-spoke/snet-web' has no network security group" },
        { line: 44, message: "'vnet-spoke/snet-data' has no network security group" },
      ],
    },
    {
      file: 'fixtures/fail.tf',
      name: 'azurerm_subnet without association; associated subnet and GatewaySubnet pass',
      errors: [{ line: 13, message: "'vnet-spoke/snet-web' has no network security group" }],
    },
    {
      file: 'fixtures/fail.json',
      errors: [
        { line: 20, message: "'vnet-spoke/snet-web' has no network security group" },
        { line: 35, severity: 'low', message: 'Azure Bastion' },
        { line: 42, severity: 'high', message: "'vnet-spoke/snet-data'" },
      ],
    },
    {
      file: 'fixtures/exempt.json',
      name: 'delegated subnet without NSG and without exemption',
      errors: [{ line: 13, message: 'snet-netapp' }],
    },
  ],
});
