import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass-load-balancer.tf', name: 'azurerm metric alert on the load balancer IP' },
    { file: 'fixtures/pass.tf', name: 'azurerm metric alert on the firewall IP' },
    { file: 'fixtures/pass.bicep', name: 'Bicep metric alert on the Bastion IP' },
    { file: 'fixtures/pass.json', name: 'one alert per protected public IP' },
    { file: 'fixtures/pass-multi-resource.json', name: 'one multi-resource alert over the resource group' },
  ],
  invalid: [
    {
      file: 'fixtures/fail-load-balancer.tf',
      name: 'azurerm load balancer IP with IP protection, no alert',
      errors: [{ line: 15, severity: 'low', message: "'pip-lb-web' is DDoS-protected but no metric alert" }],
    },
    {
      file: 'fixtures/fail.tf',
      errors: [{ line: 25, severity: 'low', message: "'pip-afw' is DDoS-protected but no metric alert" }],
    },
    {
      file: 'fixtures/fail.bicep',
      errors: [{ line: 30, severity: 'low', message: "'pip-bastion' is DDoS-protected but no metric alert" }],
    },
    {
      file: 'fixtures/fail.json',
      name: 'the Application Gateway IP has an alert, the firewall IP has none',
      errors: [
        { line: 37, severity: 'low', message: "Public IP 'pip-afw' is DDoS-protected but no metric alert" },
      ],
    },
  ],
});
