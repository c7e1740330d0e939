import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    {
      file: 'fixtures/pass.json',
      name: 'IKEv2 with GCMAES256/ECP384 policy; ExpressRoute connection ignored',
    },
    { file: 'fixtures/pass.bicep', name: 'Bicep IKEv2, GCMAES256, DHGroup14, PFS2048' },
    { file: 'fixtures/pass.tf', name: 'Terraform IKEv2, GCMAES256/ECP384' },
  ],
  invalid: [
    {
      file: 'fixtures/fail.json',
      name: 'IKEv1 with DES3/SHA1/MD5/DHGroup2/no PFS; connection on the default policy set',
      errors: [
        { line: 12, message: 'uses IKEv1' },
        { line: 19, message: 'ipsecEncryption DES3' },
        { line: 20, message: 'ipsecIntegrity SHA1' },
        { line: 22, message: 'ikeIntegrity MD5' },
        { line: 23, message: 'dhGroup DHGroup2' },
        { line: 24, message: 'pfsGroup None' },
        { line: 29, message: 'no custom IPsec/IKE policy', severity: 'low' },
      ],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'Bicep DES for IKE and DH group 1',
      errors: [
        { line: 25, message: 'ikeEncryption DES' },
        { line: 27, message: 'dhGroup DHGroup1' },
      ],
    },
    {
      file: 'fixtures/fail.tf',
      name: 'Terraform IKEv1, DHGroup2, SHA1, no PFS',
      errors: [
        { line: 6, message: 'uses IKEv1' },
        { line: 12, message: 'dhGroup DHGroup2' },
        { line: 16, message: 'ipsecIntegrity SHA1' },
        { line: 17, message: 'pfsGroup None' },
      ],
    },
  ],
});
