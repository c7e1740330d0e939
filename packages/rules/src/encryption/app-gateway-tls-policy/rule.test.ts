import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    {
      file: '../../testing/scenarios/app-gateway/pass.json',
      name: 'AppGwSslPolicy20220101S with HTTP-to-HTTPS redirect',
    },
    {
      file: 'fixtures/pass-variants.json',
      name: 'implicit 2022 default (API >= 2023-02-01), CustomV2 TLS 1.3, gateway without TLS',
    },
    { file: '../../testing/scenarios/app-gateway/pass.bicep', name: 'Bicep AppGwSslPolicy20220101S' },
    { file: '../../testing/scenarios/app-gateway/pass.tf', name: 'Terraform AppGwSslPolicy20220101S' },
    { file: 'fixtures/pass-ssl-profile.tf', name: 'Terraform ssl_profile with a CustomV2 TLS 1.2 policy' },
  ],
  invalid: [
    {
      file: 'fixtures/fail-tls-listener.json',
      name: 'layer-4 TLS listener with the API default policy',
      errors: [{ line: 5, message: "'agw-tls-proxy' sets no sslPolicy; with API version 2022-09-01" }],
    },
    {
      file: 'fixtures/fail.json',
      name: 'implicit 2015 default, 2017 predefined, custom SSL profile TLS 1.0, disabled list leaving 1.1',
      errors: [
        { line: 5, message: 'default is AppGwSslPolicy20150501' },
        { line: 24, message: 'AppGwSslPolicy20170401, which accepts TLS 1.1' },
        { line: 33, message: "SSL profile 'profile-partners'" },
        { line: 49, message: 'leaves TLS 1.1 enabled' },
      ],
    },
    {
      file: 'fixtures/fail-null.json',
      name: 'sslPolicy null is no policy (2015 default on old APIs); policyName null with a custom minimum',
      errors: [
        { line: 5, message: 'default is AppGwSslPolicy20150501' },
        { line: 25, message: 'custom TLS policy that accepts TLS 1.1' },
      ],
    },
    {
      file: 'fixtures/fail-null.bicep',
      name: 'Bicep: sslPolicy cond ? {...} : null with the condition false, API 2022-09-01',
      errors: [{ line: 5, message: 'default is AppGwSslPolicy20150501' }],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'Bicep: implicit default on API 2022-11-01; @allowed 20150501; custom TLSv1_1',
      errors: [
        { line: 5, message: "Parameter 'sslPolicyName'" },
        { line: 7, message: 'default is AppGwSslPolicy20150501' },
        { line: 40, message: 'accepts TLS 1.1' },
      ],
    },
    {
      file: 'fixtures/fail.tf',
      name: 'Terraform AppGwSslPolicy20170401',
      errors: [{ line: 18, message: 'AppGwSslPolicy20170401, which accepts TLS 1.1' }],
    },
    {
      file: 'fixtures/fail-ssl-profile.tf',
      name: 'Terraform ssl_profile with AppGwSslPolicy20150501 behind a current gateway policy',
      errors: [
        {
          line: 22,
          message: "SSL profile 'partners' of 'agw-partners' uses predefined policy AppGwSslPolicy20150501",
        },
      ],
    },
  ],
});
