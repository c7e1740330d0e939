import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json', name: 'private NICs behind a load balancer' },
    { file: 'fixtures/pass.tf', name: 'azurerm VM with a private NIC' },
    { file: 'fixtures/pass.bicep', name: 'Bicep VM with a private NIC' },
  ],
  invalid: [
    {
      file: 'fixtures/fail.tf',
      errors: [
        { line: 18, message: "NIC 'nic-vm-jump' has a public IP" },
        { line: 56, message: "Scale set 'vmss-web' gives every instance a public IP" },
      ],
    },
    {
      file: 'fixtures/fail.bicep',
      errors: [{ line: 27, message: "NIC 'nic-vm-jump' of VM 'vm-jump'" }],
    },
    {
      file: 'fixtures/fail.json',
      name: 'NIC attached to a VM, scale set instance IPs, VM with inline network interface configuration',
      errors: [
        { line: 31, message: "NIC 'nic-vm-jump' of VM 'vm-jump' has a public IP on 'ipconfig1'" },
        { line: 82, message: "Scale set 'vmss-web' gives every instance a public IP ('nic-web/ipconfig1')" },
        { line: 121, message: "VM 'vm-flex-1' creates a public IP on 'nic-flex/ipconfig1'" },
      ],
    },
  ],
});
