import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json', name: 'Entra ID over OpenVPN; site-to-site-only gateway' },
    { file: 'fixtures/pass.bicep', name: 'Bicep Entra ID over OpenVPN' },
    { file: 'fixtures/pass.tf', name: 'Terraform Entra ID over OpenVPN' },
    { file: 'fixtures/pass-radius-servers.tf', name: 'radius_server blocks next to Entra ID over OpenVPN' },
  ],
  invalid: [
    {
      file: 'fixtures/fail.json',
      name: 'certificate auth; Entra ID without OpenVPN; RADIUS inferred on an old API version',
      errors: [
        { line: 17, message: 'authenticates with certificate' },
        { line: 33, message: 'not the OpenVPN protocol', severity: 'medium' },
        { line: 49, message: 'authenticates with radius' },
      ],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'Bicep certificate + RADIUS',
      errors: [{ line: 11, message: 'authenticates with certificate and radius' }],
    },
    {
      file: 'fixtures/fail-null.bicep',
      name: 'Bicep certificate-only with aadTenant and vpnAuthenticationTypes null (AVM): not Entra ID',
      errors: [{ line: 15, message: 'authenticates with certificate, not Entra ID' }],
    },
    {
      file: 'fixtures/fail.tf',
      name: 'Terraform certificate auth',
      errors: [{ line: 18, message: 'authenticates with certificate' }],
    },
    {
      file: 'fixtures/fail-radius-servers.tf',
      name: 'Terraform radius_server blocks: RADIUS inferred, not "no declared method"',
      errors: [
        {
          line: 17,
          message: "Point-to-site on VPN gateway 'vgw-radius' authenticates with radius, not Entra ID",
        },
      ],
    },
  ],
});
