import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: '../../testing/scenarios/app-gateway/pass.json', name: 'Https backend settings only' },
    { file: '../../testing/scenarios/app-gateway/pass.bicep', name: 'Bicep Https backend settings' },
    { file: '../../testing/scenarios/app-gateway/pass.tf', name: 'Terraform Https backend settings' },
  ],
  invalid: [
    {
      file: 'fixtures/fail.json',
      name: 'one Http backend setting beside an Https one',
      errors: [{ line: 17, message: "'settings-http'" }],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'Bicep Http backend setting',
      errors: [{ line: 11, message: "'settings-http'" }],
    },
    {
      file: 'fixtures/fail.tf',
      name: 'Terraform Http backend settings',
      errors: [{ line: 49, message: "'settings-plain'" }],
    },
  ],
});
