import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    {
      file: 'fixtures/pass.tf',
      name: 'azurerm Front Door endpoint under a WAF security policy; private web app',
    },
    {
      file: 'fixtures/pass.bicep',
      name: 'WAF_v2 gateway with policy forwarding to the site runtime host name',
    },
    {
      file: 'fixtures/pass.json',
      name: 'WAF_v2 gateways with gateway or per-listener policies, Front Door domains covered, web apps fronted or private',
    },
    {
      file: 'fixtures/restrictions-pass.tf',
      name: 'web apps whose access restrictions default to Deny, with or without a Front Door exception',
    },
    {
      file: 'fixtures/pass-private-listeners.bicep',
      name: 'v2 gateway whose public frontend serves no listener (all bound to the private frontend)',
    },
    {
      file: 'fixtures/restrictions-pass.bicep',
      name: 'web app with default action Deny and no exceptions',
    },
  ],
  invalid: [
    {
      file: 'fixtures/fail-listener-policy.tf',
      name: 'per-listener WAF policy on one public listener but not the other: the message names the bare one',
      errors: [{ line: 34, message: "public listener 'blog' has no per-listener WAF policy either" }],
    },
    {
      file: 'fixtures/restrictions-fail.tf',
      errors: [
        {
          line: 12,
          severity: 'medium',
          message: "Web app 'app-fd-rule-default-allow' is reachable from the Internet directly",
        },
      ],
    },
    {
      file: 'fixtures/fail.tf',
      errors: [
        { line: 16, message: 'Standard_v2 tier' },
        { line: 72, message: 'without a WAF security policy' },
        { line: 85, severity: 'medium', message: 'reachable from the Internet directly' },
      ],
    },
    {
      file: 'fixtures/fail.bicep',
      errors: [
        { line: 20, message: 'WAF_v2 tier with a public frontend but no WAF policy' },
        { line: 41, severity: 'medium', message: 'reachable from the Internet directly' },
      ],
    },
    {
      file: 'fixtures/fail.json',
      errors: [
        { line: 11, message: "'agw-standard' has a public frontend on the Standard_v2 tier" },
        { line: 23, message: "'agw-waf-nopolicy' is WAF_v2 tier with a public frontend but no WAF policy" },
        {
          line: 38,
          message: "Front Door endpoint 'afd-shop/fde-shop' serves 'afd-shop/fde-shop' without a WAF",
        },
        { line: 52, message: "frontend endpoint 'fd-classic-azurefd-net' has no WAF policy link" },
        {
          line: 56,
          severity: 'medium',
          message: "Web app 'app-direct' is reachable from the Internet directly",
        },
      ],
    },
  ],
});
