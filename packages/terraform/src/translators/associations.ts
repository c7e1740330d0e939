/**
 * Association resources attach to what they name: a subnet's NSG, route table or NAT gateway, a
 * NIC's NSG. The patched reference keeps the association's line as its span, so a finding about
 * the edge lands where the user wrote it.
 */
import { idRef } from '../translate/arm.js';
import type { Translator } from '../translate/types.js';

interface Association {
  /** Attribute naming the resource patched. */
  readonly target: string;
  /** Attribute naming the resource referenced. */
  readonly reference: string;
  /** ARM property of the target set to `{ id }`. */
  readonly property: string;
}

const ASSOCIATIONS: Readonly<Record<string, Association>> = {
  azurerm_subnet_network_security_group_association: {
    target: 'subnet_id',
    reference: 'network_security_group_id',
    property: 'networkSecurityGroup',
  },
  azurerm_subnet_route_table_association: {
    target: 'subnet_id',
    reference: 'route_table_id',
    property: 'routeTable',
  },
  azurerm_subnet_nat_gateway_association: {
    target: 'subnet_id',
    reference: 'nat_gateway_id',
    property: 'natGateway',
  },
  azurerm_network_interface_security_group_association: {
    target: 'network_interface_id',
    reference: 'network_security_group_id',
    property: 'networkSecurityGroup',
  },
};

export const associationTranslator: Translator = {
  types: Object.keys(ASSOCIATIONS),
  // Terraform's id of an association is the id of the resource it patches.
  id(type, a) {
    const v = a(ASSOCIATIONS[type]!.target);
    return typeof v === 'string' ? v : undefined;
  },
  translate(type, node, out) {
    const assoc = ASSOCIATIONS[type]!;
    const targetId = node.get(assoc.target);
    const refSpan = node.spanOf(assoc.reference) ?? node.span;
    const ref = idRef(node.get(assoc.reference), refSpan);
    out.link((index) => {
      const props = index.properties(targetId);
      if (!props) {
        out.report({
          severity: 'info',
          code: 'association-target-not-found',
          message: `${out.address}: ${assoc.target} does not name a resource of this scan; the association is not modelled`,
          span: node.spanOf(assoc.target) ?? node.span,
        });
        return;
      }
      if (ref) props[assoc.property] = ref;
    });
  },
};
