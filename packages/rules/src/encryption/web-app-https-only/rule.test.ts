import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json', name: 'site and slot set httpsOnly' },
    { file: 'fixtures/pass.bicep', name: 'Bicep site and slot with httpsOnly' },
    { file: '../../testing/scenarios/web-app/pass.tf', name: 'Terraform https_only true' },
    { file: 'fixtures/pass-logic-flex.tf', name: 'Logic App Standard and Flex Consumption with https_only' },
  ],
  invalid: [
    {
      file: 'fixtures/fail.json',
      name: 'explicit false, missing (default false), slot false',
      errors: [
        { line: 12, message: 'httpsOnly is false' },
        { line: 15, message: 'does not set httpsOnly' },
        { line: 31, message: "Site 'app-https/staging'" },
      ],
    },
    {
      file: 'fixtures/fail-null.json',
      name: 'httpsOnly null is not given: reported as unset, not as "httpsOnly is null"',
      errors: [{ line: 5, message: "Site 'app-null' does not set httpsOnly" }],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'Bicep: explicit false and missing',
      errors: [
        { line: 14, message: 'httpsOnly is false' },
        { line: 18, message: 'does not set httpsOnly' },
      ],
    },
    {
      file: 'fixtures/fail-slot.tf',
      name: 'Terraform web app slot without https_only (defaults to false; the site sets it)',
      errors: [{ line: 11, message: "Site 'app-slots/staging' serves plain HTTP" }],
    },
    {
      file: 'fixtures/fail.tf',
      name: 'Terraform https_only false',
      errors: [{ line: 14, message: 'httpsOnly is false' }],
    },
    {
      file: 'fixtures/fail-logic-flex.tf',
      name: 'Logic App Standard without https_only (defaults to false); Flex Consumption false',
      errors: [
        { line: 2, message: "Site 'la-orders' serves plain HTTP (httpsOnly is false)" },
        { line: 21, message: "Site 'fx-orders' serves plain HTTP" },
      ],
    },
  ],
});
