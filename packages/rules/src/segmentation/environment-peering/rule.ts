import { networkAnalysis, type VnetInfo } from '@ztkit/analysis';
import { defineRule, type FindingDraft, type RuleOptions } from '@ztkit/core';

/** Default naming conventions: a VNet name token that names an environment. */
const DEFAULT_PATTERNS: Readonly<Record<string, string>> = {
  prod: '(^|[-_.])(prod|prd|production|live)([-_.]|$)',
  nonprod: '(^|[-_.])(dev|develop|test|tst|qa|uat|stage|stg|staging|nonprod|np|sandbox|sbx)([-_.]|$)',
};
const DEFAULT_TAGS = ['environment', 'env'];
/** Tag values that mean one macro segment. */
const SEGMENT_OF_VALUE: Readonly<Record<string, string>> = {
  prod: 'prod',
  prd: 'prod',
  production: 'prod',
  live: 'prod',
  dev: 'nonprod',
  development: 'nonprod',
  test: 'nonprod',
  tst: 'nonprod',
  qa: 'nonprod',
  uat: 'nonprod',
  stage: 'nonprod',
  staging: 'nonprod',
  nonprod: 'nonprod',
  'non-prod': 'nonprod',
  sandbox: 'nonprod',
};
/** Shared platform VNets that legitimately peer with every environment. */
const SHARED_VALUES = new Set(['shared', 'hub', 'platform', 'connectivity', 'core']);

function environmentOf(vnet: VnetInfo, options: RuleOptions): string | undefined {
  const configuredTags = Array.isArray(options.environmentTags);
  const tagNames = configuredTags
    ? (options.environmentTags as unknown[]).filter((t): t is string => typeof t === 'string')
    : DEFAULT_TAGS;
  const tags =
    typeof vnet.resource.tags === 'object' && vnet.resource.tags !== null
      ? (vnet.resource.tags as Record<string, unknown>)
      : {};
  const patterns =
    typeof options.environmentPatterns === 'object' && options.environmentPatterns !== null
      ? (options.environmentPatterns as Record<string, unknown>)
      : DEFAULT_PATTERNS;
  for (const [k, v] of Object.entries(tags)) {
    if (!tagNames.some((t) => t.toLowerCase() === k.toLowerCase()) || typeof v !== 'string') continue;
    const value = v.trim().toLowerCase();
    if (SHARED_VALUES.has(value)) return undefined;
    // A value that names no known environment ("spoke1", "hub-spoke", "onprem": labels, not macro
    // segments) is an environment only when the user named the tag (option environmentTags).
    return SEGMENT_OF_VALUE[value] ?? matchPatterns(value, patterns) ?? (configuredTags ? value : undefined);
  }
  return matchPatterns(vnet.name.slice(vnet.name.lastIndexOf('/') + 1).toLowerCase(), patterns);
}

/** The environment whose pattern matches `text` (a VNet name or a tag value), if any. */
function matchPatterns(text: string, patterns: Record<string, unknown>): string | undefined {
  for (const [env, pattern] of Object.entries(patterns)) {
    if (typeof pattern !== 'string' || pattern.length > 200) continue;
    try {
      if (new RegExp(pattern, 'i').test(text)) return env;
    } catch {
      // an invalid user pattern matches nothing
    }
  }
  return undefined;
}

/** S23: macro segments (environments) stay apart: no peering between different environments. */
export default defineRule({
  meta: {
    id: 'ZT-S23-01',
    title: 'VNets of different environments are not peered',
    severity: 'high',
    catalog: ['S23'],
    principles: ['assume-breach', 'least-privilege'],
    pack: 'segmentation',
    source: [{ document: '002', step: '§1 Macro segmentation strategy' }],
    benchmark: ['NS-1'],
    peers: {},
    resourceTypes: [
      'Microsoft.Network/virtualNetworks',
      'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
    ],
    rationale:
      'Macro segmentation keeps production apart from development and test, whose controls are weaker and whose users are many. A peering between environments joins the segments: a compromised test machine reaches production data.',
    remediation: {
      summary:
        'Remove the cross-environment peering; give each environment its own hub (or a shared hub that filters between them) and exchange data through published, authenticated endpoints.',
      arm: '// delete the Microsoft.Network/virtualNetworks/virtualNetworkPeerings resource that joins the environments',
      bicep: '// delete the virtualNetworkPeerings resource that joins the environments',
      terraform: '# delete the azurerm_virtual_network_peering that joins the environments',
    },
    links: [
      'https://learn.microsoft.com/azure/cloud-adoption-framework/ready/landing-zone/design-area/network-topology-and-connectivity',
    ],
    notes: [
      'Environment of a VNet: its `environment` / `env` tag (option `environmentTags`), prod/nonprod values grouped (dev, test, qa, uat, staging = nonprod), else its name against `environmentPatterns` (env name → regular expression; default prod vs nonprod tokens).',
      'A tag value that is no known environment and matches no pattern (e.g. `spoke1`, `hub-spoke`) is a label, not a macro segment, unless option `environmentTags` names the tag: then every value is an environment of its own.',
      'VNets tagged shared, hub, platform, connectivity or core, and VNets with no recognisable environment, are not judged.',
    ],
  },
  *check(ctx): Iterable<FindingDraft> {
    const net = ctx.analysis(networkAnalysis);
    for (const p of net.topology.peerings) {
      if (!p.to || !p.allowVirtualNetworkAccess) continue;
      const a = environmentOf(p.from, ctx.options);
      const b = environmentOf(p.to, ctx.options);
      if (!a || !b || a === b) continue;
      yield {
        resource: p.resource,
        message: `Peering joins ${a} VNet '${p.from.name}' to ${b} VNet '${p.to.name}': macro segments should not be connected.`,
      };
    }
  },
});
