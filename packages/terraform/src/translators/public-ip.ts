/** azurerm_public_ip: SKU, allocation and per-IP DDoS protection. */
import { ArmObject, idRef } from '../translate/arm.js';
import type { Translator } from '../translate/types.js';
import { emitResource, nameOf, simpleId } from './common.js';

const PIP = 'Microsoft.Network/publicIPAddresses';
const id = simpleId(PIP);

export const publicIpTranslator: Translator = {
  types: ['azurerm_public_ip'],
  id,
  translate(type, node, out) {
    const p = new ArmObject(node.span)
      .from(node, 'publicIPAllocationMethod', 'allocation_method')
      .from(node, 'publicIPAddressVersion', 'ip_version')
      .from(node, 'idleTimeoutInMinutes', 'idle_timeout_in_minutes');
    const mode = node.get('ddos_protection_mode');
    if (mode !== undefined) {
      const d = new ArmObject(node.spanOf('ddos_protection_mode')!)
        .set('protectionMode', mode, node.spanOf('ddos_protection_mode'))
        .set(
          'ddosProtectionPlan',
          idRef(node.get('ddos_protection_plan_id'), node.spanOf('ddos_protection_plan_id')),
          node.spanOf('ddos_protection_plan_id'),
        );
      p.set('ddosSettings', d.done(), node.spanOf('ddos_protection_mode'));
    }
    const fqdn = node.get('domain_name_label');
    if (fqdn !== undefined) p.set('dnsSettings', { domainNameLabel: fqdn }, node.spanOf('domain_name_label'));
    // azurerm's default SKU is Basic (v3) / Standard (v4): absent means "not said", left unset.
    const sku = new ArmObject(node.spanOf('sku') ?? node.span)
      .from(node, 'name', 'sku')
      .from(node, 'tier', 'sku_tier');
    emitResource(out, {
      type: PIP,
      name: nameOf(node),
      id: id(type, (n) => node.get(n)),
      node,
      properties: p,
      sku: Object.keys(sku.value).length ? sku : undefined,
      zones: node.get('zones'),
    });
  },
};
