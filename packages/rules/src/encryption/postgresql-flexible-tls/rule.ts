import { defineRule, type FindingDraft, isUnknown } from '@ztkit/core';
import { insecureParameterFinding } from '../../shared/parameter-bindings.js';
import { isSwitchedOff, serverParameters, singleServerFindings } from '../../shared/server-parameters.js';
import { compareTls, MINIMUM_TLS, oldestTlsInList } from '../../shared/tls.js';

const SINGLE_SERVERS = 'Microsoft.DBforPostgreSQL/servers';
const CONFIGURATIONS = 'Microsoft.DBforPostgreSQL/flexibleServers/configurations';
const VALUE = ['properties', 'value'] as const;
const weakTls = (v: unknown) => {
  const oldest = oldestTlsInList(v);
  return oldest !== undefined && compareTls(oldest, MINIMUM_TLS) < 0;
};

export default defineRule({
  meta: {
    id: 'ZT-E09-02',
    title: 'PostgreSQL servers require secure transport with TLS 1.2 or later',
    severity: 'high',
    catalog: ['E09'],
    principles: ['verify-explicitly', 'assume-breach'],
    pack: 'encryption',
    source: [{ document: '002', step: '§7 Encryption: all traffic is encrypted' }],
    benchmark: ['DP-3'],
    peers: {},
    resourceTypes: ['Microsoft.DBforPostgreSQL/flexibleServers', CONFIGURATIONS, SINGLE_SERVERS],
    rationale:
      'Database logins and query results cross the network on every connection. Turning require_secure_transport off lets clients connect without TLS; allowing TLS 1.0/1.1 in ssl_min_protocol_version lets them negotiate protocols with known weaknesses.',
    remediation: {
      summary:
        'Leave require_secure_transport ON and ssl_min_protocol_version at TLSv1.2 (or do not override them). On single servers set sslEnforcement to Enabled and minimalTlsVersion to TLS1_2.',
      arm: '{ "type": "Microsoft.DBforPostgreSQL/flexibleServers/configurations", "name": "[format(\'{0}/require_secure_transport\', parameters(\'serverName\'))]", "properties": { "value": "ON", "source": "user-override" } }',
      bicep:
        "resource secureTransport 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2023-06-30' = {\n  parent: server\n  name: 'require_secure_transport'\n  properties: { value: 'ON', source: 'user-override' }\n}",
      terraform:
        'resource "azurerm_postgresql_flexible_server_configuration" "secure_transport" {\n  name      = "require_secure_transport"\n  server_id = azurerm_postgresql_flexible_server.this.id\n  value     = "ON"\n}',
    },
    links: ['https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-networking-ssl-tls'],
    notes: [
      'Flexible servers default to require_secure_transport ON and ssl_min_protocol_version TLSv1.2; only server parameters that override them are reported.',
      "Single servers (retired, still found in templates): sslEnforcement 'Disabled' and minimalTlsVersion TLS1_0, TLS1_1 or TLSEnforcementDisabled are reported; a missing minimalTlsVersion is TLSEnforcementDisabled, the documented default. The azurerm provider defaults ssl_minimal_tls_version_enforced to TLS1_2.",
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    yield* singleServerFindings(graph, SINGLE_SERVERS, 'PostgreSQL');
    for (const parameter of serverParameters(graph, CONFIGURATIONS)) {
      const { resource, name, value, server } = parameter;
      const check =
        name === 'require_secure_transport'
          ? {
              insecure: isSwitchedOff,
              says: 'accepts connections without TLS (require_secure_transport OFF)',
            }
          : name === 'ssl_min_protocol_version'
            ? {
                insecure: weakTls,
                says: `accepts TLS older than 1.2 (ssl_min_protocol_version '${String(value)}')`,
              }
            : undefined;
      if (!check) continue;
      const viaParameter = insecureParameterFinding(
        resource,
        VALUE,
        check.insecure,
        `${name} of PostgreSQL flexible server '${server}'`,
      );
      if (viaParameter) yield viaParameter;
      else if (!isUnknown(value) && check.insecure(value))
        yield {
          resource,
          path: [...VALUE],
          message: `PostgreSQL flexible server '${server}' ${check.says}.`,
        };
    }
  },
});
