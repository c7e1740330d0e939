import { defineRule, type FindingDraft, type Resource, type ResourceGraph } from '@ztkit/core';
import { inheritedPolicySetting, policyRules, policyTier } from '../../shared/azure-firewall.js';
import { recordOf } from '../../shared/property-values.js';

export default defineRule({
  meta: {
    id: 'ZT-S11-02',
    title: 'Premium firewall policies configure TLS inspection',
    severity: 'low',
    catalog: ['S11'],
    principles: ['assume-breach', 'verify-explicitly'],
    pack: 'segmentation',
    source: [
      {
        document: '002',
        step: '§6 Threat protection: machine learning-based threat protection and filtering',
      },
    ],
    benchmark: ['NS-10'],
    peers: {},
    resourceTypes: [
      'Microsoft.Network/firewallPolicies',
      'Microsoft.Network/firewallPolicies/ruleCollectionGroups',
    ],
    rationale:
      'Most attacks travel inside TLS. Without TLS inspection Premium IDPS and URL filtering see only SNI and unencrypted flows; with an intermediate CA in transportSecurity the firewall can decrypt the application rules that opt in with terminateTLS.',
    remediation: {
      summary:
        'Store an intermediate CA certificate in Key Vault, give the policy a managed identity that can read it, and set transportSecurity.certificateAuthority on the Premium policy.',
      arm: '"transportSecurity": {\n  "certificateAuthority": { "name": "afw-tls-ca", "keyVaultSecretId": "[parameters(\'caSecretId\')]" }\n}',
      bicep:
        "transportSecurity: {\n  certificateAuthority: {\n    name: 'afw-tls-ca'\n    keyVaultSecretId: caSecretId\n  }\n}",
      terraform:
        'tls_certificate {\n  key_vault_secret_id = azurerm_key_vault_certificate.afw_ca.secret_id\n  name                = "afw-tls-ca"\n}',
    },
    links: ['https://learn.microsoft.com/azure/firewall/premium-certificates'],
    notes: [
      'A Premium policy without a CA is advice (low); one whose application rules set terminateTLS without a CA is high, because the rules cannot work as written.',
      'Which application rules inspect TLS is checked by ZT-S24-02.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    const inspecting = policiesWithTerminateTls(graph);
    for (const policy of graph.ofType('Microsoft.Network/firewallPolicies')) {
      if (policyTier(policy) !== 'premium') continue;
      const ca = inheritedPolicySetting(graph, policy, (p) =>
        p.properties.transportSecurity === undefined
          ? undefined
          : recordOf(p.properties.transportSecurity)?.certificateAuthority,
      );
      if (!ca.known || ca.value != null) continue;
      const rules = inspecting.get(policy);
      yield rules
        ? {
            resource: policy,
            severity: 'high',
            message: `Firewall policy '${policy.name}' has application rules with terminateTLS (${rules.slice(0, 3).join(', ')}) but no transportSecurity.certificateAuthority: TLS inspection cannot work.`,
          }
        : {
            resource: policy,
            message: `Premium firewall policy '${policy.name}' has no TLS inspection certificate (transportSecurity.certificateAuthority): IDPS and URL filtering see only unencrypted traffic.`,
          };
    }
  },
});

function policiesWithTerminateTls(graph: ResourceGraph): Map<Resource, string[]> {
  const out = new Map<Resource, string[]>();
  for (const r of policyRules(graph)) {
    if (r.kind !== 'application' || r.rule.terminateTLS !== true || !r.policy) continue;
    const list = out.get(r.policy) ?? [];
    list.push(`${r.collectionName}/${r.ruleName}`);
    out.set(r.policy, list);
  }
  return out;
}
