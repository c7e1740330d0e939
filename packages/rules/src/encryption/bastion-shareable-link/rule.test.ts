import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json', name: 'shareable links off, native client tunnelling on' },
    { file: 'fixtures/pass.bicep', name: 'Bicep Premium, links off, session recording' },
    { file: 'fixtures/pass.tf', name: 'Terraform links off' },
  ],
  invalid: [
    {
      file: 'fixtures/fail.json',
      name: 'shareable links on',
      errors: [{ line: 12, message: 'shareable links' }],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'Bicep parameter defaulting to true',
      errors: [{ line: 2, message: "Parameter 'allowShareableLinks' sets enableShareableLink" }],
    },
    {
      file: 'fixtures/fail.tf',
      name: 'Terraform shareable_link_enabled true',
      errors: [{ line: 6, message: 'shareable links' }],
    },
  ],
});
