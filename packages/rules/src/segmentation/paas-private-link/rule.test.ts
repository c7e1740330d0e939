import { ruleTester } from '../../testing/rule-tester.js';
import rule from './rule.js';

ruleTester(rule, import.meta.dirname, {
  valid: [
    { file: 'fixtures/pass.tf', name: 'azurerm storage closed, endpoint with private_dns_zone_group' },
    {
      file: 'fixtures/pass-namespaces.tf',
      name: 'azurerm Event Hubs / Service Bus closed by their inline network rule set',
    },
    {
      file: 'fixtures/pass-firewall-rules.tf',
      name: 'azurerm flexible servers and Redis admitting one office range',
    },
    {
      file: 'fixtures/pass-registry-ai.tf',
      name: 'azurerm container registry closed, AI services account denying by default',
    },
    { file: 'fixtures/pass.bicep', name: 'Bicep SQL server closed, endpoint with zone group' },
    {
      file: 'fixtures/pass.json',
      name: 'public access closed, private endpoints with DNS zone groups, VNet-injected server',
    },
  ],
  invalid: [
    {
      file: 'fixtures/fail.tf',
      errors: [
        { line: 1, severity: 'high', message: 'is reachable over its public endpoint' },
        { line: 1, severity: 'medium', message: 'has no private endpoint' },
        {
          line: 19,
          severity: 'medium',
          message: "'pe-kv-app' of Key Vault 'kv-app' has no privateDnsZoneGroup",
        },
      ],
    },
    {
      file: 'fixtures/fail-namespaces.tf',
      name: 'azurerm namespace rule sets: 0.0.0.0/0 IP rule, default action Allow',
      errors: [
        { line: 10, severity: 'high', message: "Event Hubs namespace 'evhns-open' admits 0.0.0.0/0" },
        { line: 17, severity: 'high', message: "Service Bus namespace 'sbns-open' is reachable" },
      ],
    },
    {
      file: 'fixtures/fail-firewall-rules.tf',
      name: 'azurerm firewall-rule children: every address, every Azure service',
      errors: [
        {
          line: 8,
          severity: 'high',
          message: "MySQL flexible server 'mysql-app' admits 0.0.0.0-255.255.255.255",
        },
        {
          line: 24,
          severity: 'high',
          message: "PostgreSQL flexible server 'psql-app' admits every Azure service",
        },
        {
          line: 40,
          severity: 'high',
          message: "Azure Cache for Redis 'redis-app' admits 0.0.0.0-255.255.255.255",
        },
      ],
    },
    {
      file: 'fixtures/fail-registry-ai.tf',
      name: 'azurerm container registry left at the public default, AI services account admitting 0.0.0.0/0',
      errors: [
        { line: 2, severity: 'high', message: "Container registry 'acrapp' is reachable" },
        { line: 19, severity: 'high', message: "Azure AI services account 'oai-app' admits 0.0.0.0/0" },
      ],
    },
    {
      file: 'fixtures/fail.bicep',
      errors: [
        { line: 13, severity: 'high', message: 'admits 0.0.0.0-255.255.255.255' },
        { line: 22, severity: 'high', message: "Cosmos DB account 'cosmos-app' is reachable" },
        { line: 22, severity: 'medium', message: 'has no private endpoint' },
        { line: 36, severity: 'medium', message: "'pe-sql-app' of SQL server" },
      ],
    },
    {
      file: 'fixtures/fail.json',
      errors: [
        {
          line: 5,
          severity: 'high',
          message: "Storage account 'stopen' is reachable over its public endpoint",
        },
        { line: 5, severity: 'medium', message: "Storage account 'stopen' has no private endpoint" },
        { line: 26, severity: 'high', message: "Key Vault 'kv-app' admits 0.0.0.0/0" },
        {
          line: 30,
          severity: 'medium',
          message: "Private endpoint 'pe-kv-app' of Key Vault 'kv-app' has no privateDnsZoneGroup",
        },
        { line: 49, severity: 'high', message: "SQL server 'sql-app' admits every Azure service" },
        {
          line: 79,
          severity: 'high',
          message: "Event Hubs namespace 'evhns-app' is reachable over its public endpoint",
        },
        { line: 79, severity: 'medium', message: "Event Hubs namespace 'evhns-app' has no private endpoint" },
      ],
    },
    {
      file: 'fixtures/fail.json',
      name: 'DNS zone groups managed by policy, wider IP rule threshold',
      options: { dnsZoneGroupsByPolicy: true, maxIpRuleAddresses: 2 ** 32 },
      errors: [
        { line: 5, message: 'reachable over its public endpoint' },
        { line: 5, message: 'no private endpoint' },
        { line: 49, message: 'every Azure service' },
        { line: 79, message: 'reachable over its public endpoint' },
        { line: 79, message: 'no private endpoint' },
      ],
    },
  ],
});
