import { defineRule, type FindingDraft } from '@ztkit/core';
import { policyRules, policyTier } from '../../shared/azure-firewall.js';
import { arrayOf, enumIs, recordOf } from '../../shared/property-values.js';

export default defineRule({
  meta: {
    id: 'ZT-S24-02',
    title: 'HTTPS application rules of Premium firewall policies inspect TLS',
    severity: 'medium',
    catalog: ['S24'],
    principles: ['verify-explicitly', 'assume-breach'],
    pack: 'segmentation',
    source: [
      {
        document: '002',
        step: '§3 Threat protection: cloud native filtering and protection for known threats',
      },
    ],
    benchmark: ['NS-10'],
    peers: {},
    resourceTypes: [
      'Microsoft.Network/firewallPolicies/ruleCollectionGroups',
      'Microsoft.Network/firewallPolicies',
    ],
    rationale:
      'An application rule that allows HTTPS without terminateTLS lets the firewall see only the SNI: IDPS signatures, URL filtering and web categories beyond the host name cannot act on the encrypted payload. A Premium policy pays for inspection; the rule has to opt in.',
    remediation: {
      summary:
        'Set terminateTLS to true on HTTPS application rules of Premium policies (with transportSecurity.certificateAuthority configured); exempt only destinations that must not be decrypted.',
      arm: '{\n  "ruleType": "ApplicationRule",\n  "name": "allow-updates",\n  "protocols": [{ "protocolType": "Https", "port": 443 }],\n  "targetFqdns": ["*.ubuntu.com"],\n  "sourceAddresses": ["10.1.0.0/16"],\n  "terminateTLS": true\n}',
      bicep:
        "{\n  ruleType: 'ApplicationRule'\n  name: 'allow-updates'\n  protocols: [{ protocolType: 'Https', port: 443 }]\n  targetFqdns: ['*.ubuntu.com']\n  sourceAddresses: ['10.1.0.0/16']\n  terminateTLS: true\n}",
      terraform:
        'rule {\n  name = "allow-updates"\n  protocols {\n    type = "Https"\n    port = 443\n  }\n  source_addresses  = ["10.1.0.0/16"]\n  destination_fqdns = ["*.ubuntu.com"]\n  terminate_tls     = true\n}',
    },
    links: ['https://learn.microsoft.com/azure/firewall/premium-features#tls-inspection'],
    notes: [
      'Only rules of policies known to be Premium are judged: Standard and Basic cannot inspect TLS (see ZT-S11-01).',
      'Destinations that must not be decrypted (banking, health, certificate-pinned services) are legitimate exceptions: suppress those rules with a justification.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const r of policyRules(graph)) {
      if (r.kind !== 'application' || r.action !== 'allow' || !r.policy) continue;
      if (policyTier(r.policy) !== 'premium' || r.rule.terminateTLS === true) continue;
      const https = arrayOf(r.rule.protocols).some((p) => enumIs(recordOf(p)?.protocolType, 'Https'));
      if (!https) continue;
      yield {
        resource: r.resource,
        path: r.rule.terminateTLS === undefined ? r.path : [...r.path, 'terminateTLS'],
        message: `Application rule '${r.collectionName}/${r.ruleName}' of Premium policy '${r.policy.name}' allows HTTPS without TLS inspection (terminateTLS): the payload passes uninspected.`,
      };
    }
  },
});
