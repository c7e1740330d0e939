import { defineRule, type FindingDraft } from '@ztkit/core';
import { apiVersionBefore } from '../../shared/api-version.js';
import { minimumTlsFindings } from '../../shared/minimum-tls-property.js';

/** Namespaces created with API versions before this one default to TLS 1.0, later ones to 1.2. */
const TLS12_DEFAULT_SINCE = '2022-01-01';

export default defineRule({
  meta: {
    id: 'ZT-E10-01',
    title: 'Event Hubs namespaces refuse TLS older than 1.2',
    severity: 'high',
    catalog: ['E10'],
    principles: ['verify-explicitly', 'assume-breach'],
    pack: 'encryption',
    source: [{ document: '002', step: '§7 Encryption: all traffic is encrypted' }],
    benchmark: ['DP-3'],
    peers: { checkov: ['CKV_AZURE_223'], psrule: ['Azure.EventHub.MinTLS'] },
    resourceTypes: ['Microsoft.EventHub/namespaces'],
    rationale:
      'Producers and consumers authenticate with SAS keys or Entra tokens on every AMQP and HTTPS connection. A namespace that accepts TLS 1.0/1.1 lets those credentials and messages travel over protocols with known weaknesses.',
    remediation: {
      summary: 'Set minimumTlsVersion to 1.2 on the namespace.',
      arm: '"properties": { "minimumTlsVersion": "1.2" }',
      bicep: "properties: {\n  minimumTlsVersion: '1.2'\n}",
      terraform: 'minimum_tls_version = "1.2"  # azurerm_eventhub_namespace',
    },
    links: [
      'https://learn.microsoft.com/azure/event-hubs/transport-layer-security-configure-minimum-version',
    ],
    notes: [
      'A missing minimumTlsVersion is treated as 1.0 for API versions before 2022-01-01-preview and 1.2 from then on, as the Event Hubs documentation states.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const namespace of graph.ofType('Microsoft.EventHub/namespaces')) {
      const legacy = apiVersionBefore(namespace, TLS12_DEFAULT_SINCE);
      yield* minimumTlsFindings({
        resource: namespace,
        path: ['properties', 'minimumTlsVersion'],
        label: `Event Hubs namespace '${namespace.name}'`,
        defaultVersion: legacy ? '1.0' : undefined,
      });
    }
  },
});
