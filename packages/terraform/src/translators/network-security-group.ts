/**
 * azurerm_network_security_group (inline `security_rule` blocks) and azurerm_network_security_rule
 * (a separate child the graph appends to its NSG's `securityRules`).
 */
import { ArmObject, armArray, resourceIdOf } from '../translate/arm.js';
import type { TfNode } from '../translate/node.js';
import type { Translator } from '../translate/types.js';
import { emitResource, idList, namedItem, nameOf, present, simpleId } from './common.js';

const NSG = 'Microsoft.Network/networkSecurityGroups';
const RULE = 'Microsoft.Network/networkSecurityGroups/securityRules';

/** azurerm rule attributes -> ARM securityRule properties (names and value casing match ARM's). */
export function securityRuleProperties(node: TfNode): ArmObject {
  return new ArmObject(node.span)
    .from(node, 'priority', 'priority')
    .from(node, 'direction', 'direction')
    .from(node, 'access', 'access')
    .from(node, 'protocol', 'protocol')
    .from(node, 'description', 'description', present)
    .from(node, 'sourcePortRange', 'source_port_range', present)
    .from(node, 'sourcePortRanges', 'source_port_ranges', present)
    .from(node, 'destinationPortRange', 'destination_port_range', present)
    .from(node, 'destinationPortRanges', 'destination_port_ranges', present)
    .from(node, 'sourceAddressPrefix', 'source_address_prefix', present)
    .from(node, 'sourceAddressPrefixes', 'source_address_prefixes', present)
    .from(node, 'destinationAddressPrefix', 'destination_address_prefix', present)
    .from(node, 'destinationAddressPrefixes', 'destination_address_prefixes', present)
    .from(node, 'sourceApplicationSecurityGroups', 'source_application_security_group_ids', idList)
    .from(node, 'destinationApplicationSecurityGroups', 'destination_application_security_group_ids', idList);
}

export const networkSecurityGroupTranslator: Translator = {
  types: ['azurerm_network_security_group', 'azurerm_network_security_rule'],
  id(type, a) {
    if (type === 'azurerm_network_security_group') return simpleId(NSG)(type, a);
    return resourceIdOf(RULE, [a('network_security_group_name'), a('name')], a('resource_group_name'));
  },
  translate(type, node, out) {
    const rg = node.get('resource_group_name');
    if (type === 'azurerm_network_security_rule') {
      const nsg = nameOf(node, 'network_security_group_name');
      emitResource(out, {
        type: RULE,
        name: `${nsg}/${nameOf(node)}`,
        id: resourceIdOf(RULE, [nsg, node.get('name')], rg),
        node,
        properties: securityRuleProperties(node),
        location: undefined,
        tags: undefined,
      });
      return;
    }
    const rules = node.blocks('security_rule');
    const props = new ArmObject(node.span);
    if (rules.length)
      props.set(
        'securityRules',
        armArray(
          rules[0]!.span,
          rules.map((r) => ({ value: namedItem(r, securityRuleProperties(r)), span: r.span })),
        ),
        node.spanOf('security_rule') ?? rules[0]!.span,
      );
    emitResource(out, {
      type: NSG,
      name: nameOf(node),
      id: resourceIdOf(NSG, [node.get('name')], rg),
      node,
      properties: props,
    });
  },
};
