import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json', name: 'Disabled inline; FtpsOnly in a config/web resource' },
    { file: 'fixtures/pass.bicep', name: 'Bicep ftpsState Disabled' },
    { file: '../../testing/scenarios/web-app/pass.tf', name: 'Terraform ftps_state Disabled' },
    { file: 'fixtures/pass-logic-flex.tf', name: 'Logic App Standard ftps_state Disabled and FtpsOnly' },
  ],
  invalid: [
    {
      file: 'fixtures/fail.json',
      name: 'AllAllowed, and never set',
      errors: [
        { line: 14, message: 'ftpsState AllAllowed' },
        { line: 18, message: 'does not set ftpsState' },
      ],
    },
    {
      file: 'fixtures/fail-null.json',
      name: 'ftpsState null is not given: App Service keeps accepting FTP',
      errors: [{ line: 5, message: 'does not set ftpsState' }],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'Bicep config/web child with AllAllowed',
      errors: [{ line: 16, message: 'ftpsState AllAllowed' }],
    },
    {
      file: 'fixtures/fail-slot.tf',
      name: 'Terraform function app slot ftps_state AllAllowed (the site keeps the Disabled default)',
      errors: [{ line: 19, message: "'fn-slots/staging' accepts plain FTP" }],
    },
    {
      file: 'fixtures/fail.tf',
      name: 'Terraform function app ftps_state AllAllowed',
      errors: [{ line: 11, message: 'ftpsState AllAllowed' }],
    },
    {
      file: 'fixtures/fail-logic-flex.tf',
      name: 'Logic App Standard unset (AllAllowed) and AllAllowed; Flex Consumption has no FTP endpoint',
      errors: [
        { line: 2, message: "'la-orders' does not set ftpsState" },
        { line: 22, message: "'la-billing' accepts plain FTP (ftpsState AllAllowed)" },
      ],
    },
  ],
});
