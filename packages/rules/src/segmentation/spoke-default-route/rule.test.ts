import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: '../../testing/scenarios/hub-spoke/pass.json' },
    { file: '../../testing/scenarios/hub-spoke/pass.tf' },
    { file: '../../testing/scenarios/hub-spoke/pass.bicep' },
    // A subnet of private endpoints only has no outbound traffic to route.
    { file: 'fixtures/pass-endpoint-subnet.json', name: 'private endpoint subnet without route table' },
    { file: 'fixtures/pass-endpoint-subnet.tf', name: 'private endpoint subnet without route table' },
    { file: 'fixtures/pass-endpoint-subnet.bicep', name: 'private endpoint subnet without route table' },
  ],
  invalid: [
    {
      file: '../../testing/scenarios/hub-spoke/fail.json',
      errors: [
        { line: 74, severity: 'high', message: "Spoke subnet 'vnet-prod-app/snet-app' has no route table" },
        {
          line: 170,
          severity: 'medium',
          message: "Route table 'rt-data' (used by vnet-prod-data/snet-db) propagates BGP routes",
        },
        {
          line: 172,
          severity: 'high',
          message: 'route default-out (0.0.0.0/0) sends it to Internet, not the hub firewall',
        },
        {
          line: 182,
          severity: 'medium',
          message: "Route table 'rt-dev' (used by vnet-dev-app/snet-app) propagates BGP routes",
        },
      ],
    },
    {
      file: '../../testing/scenarios/hub-spoke/pass.json',
      name: 'a declared NVA IP that the route does not use',
      options: { nvaIpAddresses: ['10.0.0.68'] },
      errors: [{ line: 143, message: 'sends it to VirtualAppliance 10.0.0.4, not the hub firewall' }],
    },
    {
      file: '../../testing/scenarios/hub-spoke/fail.tf',
      errors: [
        { line: 63 },
        { line: 135, message: 'set bgp_route_propagation_enabled = false' },
        { line: 137 },
        { line: 149, message: 'set bgp_route_propagation_enabled = false' },
      ],
    },
    {
      file: '../../testing/scenarios/hub-spoke/fail.bicep',
      errors: [{ line: 68 }, { line: 160 }, { line: 162 }, { line: 173 }],
    },
  ],
});
