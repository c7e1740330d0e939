import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json', name: 'redirect enabled + HttpsOnly; HTTPS-only route with MatchRequest' },
    { file: 'fixtures/pass.bicep', name: 'Bicep redirect enabled, HttpsOnly' },
    { file: 'fixtures/pass.tf', name: 'Terraform https_redirect_enabled, HttpsOnly' },
    {
      file: 'fixtures/pass-module.bicep',
      name: "Bicep module instances given HttpsOnly/Enabled or the defaults: the module's @allowed is not reported per instance",
    },
    {
      file: 'fixtures/pass-module.tf',
      name: 'Terraform module calls given HttpsOnly or the default: the validation is not reported per call',
    },
    {
      file: 'fixtures/pass-nested.json',
      name: 'nested deployment given HttpsOnly; httpsRedirect left at its Enabled default',
    },
  ],
  invalid: [
    {
      file: 'fixtures/fail.json',
      name: 'route relying on defaults; route with redirect disabled and HttpOnly forwarding',
      errors: [
        { line: 5, message: 'httpsRedirect defaults to Disabled' },
        { line: 21, message: 'set httpsRedirect to Enabled' },
        { line: 22, message: 'forwardingProtocol HttpOnly' },
      ],
    },
    {
      file: 'fixtures/fail-null.json',
      name: 'supportedProtocols and httpsRedirect null: the defaults (Http+Https, Disabled) apply',
      errors: [{ line: 5, message: 'httpsRedirect defaults to Disabled' }],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'Bicep redirect disabled, HttpOnly',
      errors: [
        { line: 24, message: 'set httpsRedirect to Enabled' },
        { line: 25, message: 'forwardingProtocol HttpOnly' },
      ],
    },
    {
      file: 'fixtures/fail-module.bicep',
      name: 'Bicep module given HttpOnly (the module property), and given an unknown value (the module parameter)',
      errors: [
        { line: 11, message: "Parameter 'forwardingProtocol'" },
        { line: 34, message: 'forwardingProtocol HttpOnly' },
      ],
    },
    {
      file: 'fixtures/fail.tf',
      name: 'Terraform redirect off, HttpOnly',
      errors: [
        { line: 26, message: 'set httpsRedirect to Enabled' },
        { line: 27, message: 'forwardingProtocol HttpOnly' },
      ],
    },
  ],
});
