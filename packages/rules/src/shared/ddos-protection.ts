/**
 * DDoS Protection as it applies to one public IP: network protection inherited from the VNet's
 * DDoS protection plan, or IP protection enabled on the public IP itself.
 */
import { isUnknown, type Resource } from '@ztkit/core';
import { lowerString, recordOf } from './property-values.js';

export type DdosCoverage = 'protected' | 'unprotected' | 'unknown';

/** Does the VNet have a DDoS protection plan enabled? */
export function vnetDdosCoverage(vnet: Resource | undefined): DdosCoverage {
  if (!vnet) return 'unknown';
  const { enableDdosProtection: enabled, ddosProtectionPlan: plan } = vnet.properties;
  if (isUnknown(enabled) || isUnknown(plan)) return 'unknown';
  return enabled === true && plan != null ? 'protected' : 'unprotected';
}

/** The public IP's own setting: `Enabled` (IP protection), `Disabled`, or inherit from the VNet (default). */
export function publicIpDdosMode(publicIp: Resource): 'enabled' | 'disabled' | 'inherit' | 'unknown' {
  const settings = publicIp.properties.ddosSettings;
  if (isUnknown(settings)) return 'unknown';
  const mode = recordOf(settings)?.protectionMode;
  if (isUnknown(mode)) return 'unknown';
  const m = lowerString(mode);
  if (m === 'enabled') return 'enabled';
  if (m === 'disabled') return 'disabled';
  return 'inherit';
}

/** Coverage of one public IP attached in `vnets` (its holder's VNets; empty when not in the scan). */
export function publicIpDdosCoverage(publicIp: Resource, vnets: readonly Resource[]): DdosCoverage {
  const mode = publicIpDdosMode(publicIp);
  if (mode === 'unknown') return 'unknown';
  if (mode === 'enabled') return 'protected';
  if (mode === 'disabled') return 'unprotected';
  if (vnets.length === 0) return 'unknown';
  const states = vnets.map(vnetDdosCoverage);
  if (states.includes('unknown')) return 'unknown';
  return states.every((s) => s === 'protected') ? 'protected' : 'unprotected';
}
