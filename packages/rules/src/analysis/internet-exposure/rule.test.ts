import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.json' },
    { file: '../../testing/scenarios/internet-exposure/pass.tf' },
    { file: '../../testing/scenarios/internet-exposure/pass.bicep' },
  ],
  invalid: [
    {
      file: '../../testing/scenarios/internet-exposure/fail.json',
      errors: [
        {
          line: 70,
          severity: 'medium',
          message:
            'Internet reaches nic-web in vnet-app/snet-web on tcp/22,443,5985-5986 through public IP pip-web on nic-web; allowed by rule allow-ssh (priority 110) of nsg-web',
        },
      ],
    },
    { file: '../../testing/scenarios/internet-exposure/fail.tf', errors: [{ line: 75 }] },
    { file: '../../testing/scenarios/internet-exposure/fail.bicep', errors: [{ line: 85 }] },
  ],
});
