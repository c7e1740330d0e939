import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    {
      file: 'fixtures/pass.json',
      name: 'spoke VM served by the Bastion of its peered hub; VM peered with a hub outside the scan is not judged',
    },
    { file: 'fixtures/pass.bicep', name: 'Bicep spoke VM, peering as a child resource, Bastion in the hub' },
    {
      file: 'fixtures/pass.tf',
      name: 'Terraform spoke VM, azurerm_virtual_network_peering to a hub with Bastion',
    },
    { file: 'fixtures/pass-expressions.json', name: 'ARM with resourceId() references' },
    { file: 'fixtures/pass-developer-local.bicep', name: 'Developer SKU Bastion in the VM network' },
  ],
  invalid: [
    {
      file: 'fixtures/fail-scale-set.bicep',
      name: 'scale set whose network profile subnet has no Bastion',
      errors: [{ line: 17, message: "VM 'vmss-workers' in 'vnet-batch'" }],
    },
    {
      file: 'fixtures/fail-scale-set.tf',
      name: 'azurerm scale set whose network_interface subnet has no Bastion',
      errors: [{ line: 17, message: "VM 'vmss-tf-web' in 'vnet-tf-app'" }],
    },
    {
      file: 'fixtures/fail-developer-peered.bicep',
      name: 'Developer SKU Bastion in the hub does not reach the peered spoke',
      errors: [{ line: 64, message: "VM 'vm-app1' in 'vnet-spoke'" }],
    },
    {
      file: 'fixtures/fail.json',
      name: 'VM in an isolated network; VM in a spoke whose peered hub has no Bastion',
      errors: [
        { line: 45, message: "VM 'vm-jump' in 'vnet-isolated'" },
        { line: 135, message: "VM 'vm-db01' in 'vnet-spoke-db'" },
      ],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'Bicep same topology without the Bastion host',
      errors: [{ line: 50, message: "VM 'vm-app01' in 'vnet-spoke'" }],
    },
    {
      file: 'fixtures/fail.tf',
      name: 'Terraform same topology without Bastion',
      errors: [{ line: 48, message: "VM 'vm-app01' in 'vnet-spoke'" }],
    },
    {
      file: 'fixtures/fail-expressions.json',
      name: 'ARM with resourceId() references, no Bastion',
      errors: [
        { line: 45, message: "VM 'vm-jump'" },
        { line: 135, message: "VM 'vm-db01'" },
      ],
    },
  ],
});
