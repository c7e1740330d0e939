import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json', name: 'user-assigned identity, both links with Key Vault CKN/CAK' },
    { file: 'fixtures/pass.bicep', name: 'Bicep user-assigned identity, Key Vault secret URIs' },
    { file: 'fixtures/pass.tf', name: 'Terraform identity and Key Vault secrets on both links' },
  ],
  invalid: [
    {
      file: 'fixtures/fail.json',
      name: 'no identity; link without MACsec; link with an inline CKN and no CAK',
      errors: [
        { line: 5, message: 'no user-assigned managed identity' },
        { line: 17, message: "Link 'link1'" },
        { line: 25, message: 'sets no cakSecretIdentifier' },
        { line: 26, message: 'not a Key Vault secret identifier' },
      ],
    },
    {
      file: 'fixtures/fail-null.json',
      name: 'identity null and a null CKN: not given, reported as missing',
      errors: [
        { line: 5, message: 'no user-assigned managed identity' },
        { line: 20, message: 'sets no cknSecretIdentifier' },
      ],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'Bicep identity None; CAK outside Key Vault',
      errors: [
        { line: 4, message: 'no user-assigned managed identity' },
        { line: 18, message: 'not a Key Vault secret identifier' },
      ],
    },
    {
      file: 'fixtures/fail.tf',
      name: 'Terraform no identity, links without MACsec',
      errors: [
        { line: 1, message: 'no user-assigned managed identity' },
        { line: 9, message: "Link 'link1'" },
        { line: 13, message: "Link 'link2'" },
      ],
    },
  ],
});
