import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    {
      file: '../../testing/scenarios/app-gateway/pass.json',
      name: 'port 80 redirects to the HTTPS listener',
    },
    {
      file: '../../testing/scenarios/app-gateway/pass.bicep',
      name: 'Bicep with resourceId() references: port 80 redirects to HTTPS',
    },
    {
      file: '../../testing/scenarios/app-gateway/pass.tf',
      name: 'Terraform redirect_configuration to the HTTPS listener',
    },
  ],
  invalid: [
    {
      file: 'fixtures/fail.json',
      name: 'HTTP listener forwarding to the backend; redirect whose target listener is HTTP',
      errors: [
        { line: 25, message: "'rule-http-forward' serves it" },
        { line: 33, message: "'rule-http-redirect' redirects it to plain HTTP" },
      ],
    },
    {
      file: 'fixtures/fail.bicep',
      name: 'Bicep: HTTP listener forwarding to the backend (interpolated IDs)',
      errors: [{ line: 22, message: "'rule-http-forward' serves it" }],
    },
    {
      file: 'fixtures/fail.tf',
      name: 'Terraform HTTP listener forwarding to the pool',
      errors: [{ line: 59, message: "'rule-http-forward' serves it" }],
    },
  ],
});
