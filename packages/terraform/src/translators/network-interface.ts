/** azurerm_network_interface: IP configurations with subnet and public IP references. */
import { ArmObject, armArray, idRef } from '../translate/arm.js';
import type { Translator } from '../translate/types.js';
import { emitResource, namedItem, nameOf, simpleId } from './common.js';

const NIC = 'Microsoft.Network/networkInterfaces';
const id = simpleId(NIC);

export const networkInterfaceTranslator: Translator = {
  types: ['azurerm_network_interface'],
  id,
  translate(type, node, out) {
    const configs = node.blocks('ip_configuration');
    const p = new ArmObject(node.span)
      // v4 names first, then v3.
      .from(node, 'enableIPForwarding', ['ip_forwarding_enabled', 'enable_ip_forwarding'], undefined, false)
      .from(node, 'enableAcceleratedNetworking', [
        'accelerated_networking_enabled',
        'enable_accelerated_networking',
      ]);
    if (configs.length)
      p.set(
        'ipConfigurations',
        armArray(
          configs[0]!.span,
          configs.map((c) => {
            const cp = new ArmObject(c.span)
              .set('subnet', idRef(c.get('subnet_id'), c.spanOf('subnet_id')), c.spanOf('subnet_id'))
              .from(c, 'privateIPAllocationMethod', 'private_ip_address_allocation')
              .from(c, 'privateIPAddress', 'private_ip_address')
              .from(c, 'privateIPAddressVersion', 'private_ip_address_version')
              .set(
                'publicIPAddress',
                idRef(c.get('public_ip_address_id'), c.spanOf('public_ip_address_id')),
                c.spanOf('public_ip_address_id'),
              )
              .from(c, 'primary', 'primary');
            return { value: namedItem(c, cp), span: c.span };
          }),
        ),
        configs[0]!.span,
      );
    emitResource(out, {
      type: NIC,
      name: nameOf(node),
      id: id(type, (n) => node.get(n)),
      node,
      properties: p,
    });
  },
};
