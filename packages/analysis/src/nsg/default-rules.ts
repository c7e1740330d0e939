import type { Direction, NormalisedRule, RuleContext } from './security-rule.js';
import { normaliseRule } from './security-rule.js';

/**
 * Azure's default security rules, present in every NSG below the user's rules (priorities
 * 65000-65500, which user rules cannot take: theirs are 100-4096).
 */
const DEFAULTS = [
  ['AllowVnetInBound', 65000, 'Inbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork'],
  ['AllowAzureLoadBalancerInBound', 65001, 'Inbound', 'Allow', 'AzureLoadBalancer', '*'],
  ['DenyAllInBound', 65500, 'Inbound', 'Deny', '*', '*'],
  ['AllowVnetOutBound', 65000, 'Outbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork'],
  ['AllowInternetOutBound', 65001, 'Outbound', 'Allow', '*', 'Internet'],
  ['DenyAllOutBound', 65500, 'Outbound', 'Deny', '*', '*'],
] as const;

export function defaultRules(direction: Direction, ctx: RuleContext): NormalisedRule[] {
  return DEFAULTS.filter((d) => d[2] === direction).map(
    ([name, priority, dir, access, source, destination]) =>
      normaliseRule(
        undefined,
        undefined,
        {
          name,
          properties: {
            priority,
            direction: dir,
            access,
            protocol: '*',
            sourcePortRange: '*',
            destinationPortRange: '*',
            sourceAddressPrefix: source,
            destinationAddressPrefix: destination,
          },
        },
        ctx,
        true,
      )!,
  );
}
