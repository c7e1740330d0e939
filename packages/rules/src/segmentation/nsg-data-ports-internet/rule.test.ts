import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [{ file: 'fixtures/pass.json' }, { file: 'fixtures/pass.tf' }, { file: 'fixtures/pass.bicep' }],
  invalid: [
    {
      file: 'fixtures/fail.json',
      errors: [
        {
          line: 12,
          severity: 'high',
          message:
            'Internet → nic-db in vnet-data/snet-db tcp/1433,5432 (data port) via rule allow-sql (priority 100) of nsg-data; reachable through public IP pip-db',
        },
        {
          line: 16,
          severity: 'medium',
          message: 'public address ranges → nic-db in vnet-data/snet-db tcp/6379',
        },
      ],
    },
    {
      file: 'fixtures/pass.json',
      name: 'dataPorts option makes 8443 a data port',
      options: { dataPorts: [8443] },
      errors: [{ line: 16, severity: 'high', message: 'tcp/8443 (data port) via rule allow-admin-api' }],
    },
    { file: 'fixtures/fail.tf', errors: [{ line: 25 }, { line: 37 }] },
    { file: 'fixtures/fail.bicep', errors: [{ line: 8 }, { line: 24 }] },
  ],
});
