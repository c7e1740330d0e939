/**
 * Virtual machines (linux/windows and the legacy azurerm_virtual_machine) and scale sets: the NICs
 * a VM uses by id, and the inline network profile of scale sets (where a public IP per instance is
 * declared).
 */
import { ArmObject, armArray, idRef } from '../translate/arm.js';
import type { TfNode } from '../translate/node.js';
import type { Translator } from '../translate/types.js';
import { emitResource, identityOf, idList, namedItem, nameOf, simpleId } from './common.js';

const VM = 'Microsoft.Compute/virtualMachines';
const VMSS = 'Microsoft.Compute/virtualMachineScaleSets';

const VM_TYPES = new Set([
  'azurerm_linux_virtual_machine',
  'azurerm_windows_virtual_machine',
  'azurerm_virtual_machine',
]);
const VMSS_TYPES = new Set([
  'azurerm_linux_virtual_machine_scale_set',
  'azurerm_windows_virtual_machine_scale_set',
  'azurerm_orchestrated_virtual_machine_scale_set',
  'azurerm_virtual_machine_scale_set',
]);

function vmProperties(type: string, node: TfNode): ArmObject {
  const p = new ArmObject(node.span);
  const nics = node.get('network_interface_ids');
  if (Array.isArray(nics))
    p.set(
      'networkProfile',
      {
        networkInterfaces: nics.map((id, i) => ({
          id,
          properties: { primary: i === 0 || id === node.get('primary_network_interface_id') },
        })),
      },
      node.spanOf('network_interface_ids'),
    );
  const linux = type === 'azurerm_linux_virtual_machine' ? node : node.blocks('os_profile_linux_config')[0];
  if (linux) {
    const cfg = new ArmObject(linux.span).from(
      linux,
      'disablePasswordAuthentication',
      'disable_password_authentication',
    );
    if (Object.keys(cfg.value).length)
      p.set('osProfile', { linuxConfiguration: cfg.done() }, linux.spanOf('disable_password_authentication'));
  }
  const eah = node.get('encryption_at_host_enabled');
  if (eah !== undefined)
    p.set('securityProfile', { encryptionAtHost: eah }, node.spanOf('encryption_at_host_enabled'));
  return p;
}

/**
 * `sku_name = "Standard_Regional"` of an orchestrated scale set's `public_ip_address` block: the
 * ARM `sku` (`{ name: 'Standard', tier: 'Regional' }`) of the per-instance public IPs.
 */
function publicIpSkuOf(pip: TfNode): Record<string, unknown> | undefined {
  const sku = pip.get('sku_name');
  if (typeof sku !== 'string') return sku === undefined ? undefined : { sku: { name: sku } };
  const [name, tier] = sku.split('_');
  return { sku: tier ? { name, tier } : { name } };
}

/** v3/v4 `network_interface` blocks and the legacy `network_profile` blocks. */
function scaleSetProfile(node: TfNode): ArmObject {
  const nicBlocks = node.blocks('network_interface').concat(node.blocks('network_profile'));
  const nics = nicBlocks.map((nic) => {
    const ipConfigs = nic.blocks('ip_configuration').map((ip) => {
      const pip = ip.blocks('public_ip_address')[0] ?? ip.blocks('public_ip_address_configuration')[0];
      const ipp = new ArmObject(ip.span)
        .from(ip, 'primary', 'primary')
        .set('subnet', idRef(ip.get('subnet_id'), ip.spanOf('subnet_id')), ip.spanOf('subnet_id'))
        .from(ip, 'loadBalancerBackendAddressPools', 'load_balancer_backend_address_pool_ids', idList)
        .from(ip, 'loadBalancerInboundNatPools', 'load_balancer_inbound_nat_rules_ids', idList);
      if (pip)
        ipp.set(
          'publicIPAddressConfiguration',
          namedItem(
            pip,
            new ArmObject(pip.span).from(pip, 'idleTimeoutInMinutes', [
              'idle_timeout_in_minutes',
              'idle_timeout',
            ]),
            publicIpSkuOf(pip),
          ),
          pip.span,
        );
      return { value: namedItem(ip, ipp), span: ip.span };
    });
    const np = new ArmObject(nic.span)
      .from(nic, 'primary', 'primary')
      .set(
        'networkSecurityGroup',
        idRef(nic.get('network_security_group_id'), nic.spanOf('network_security_group_id')),
        nic.spanOf('network_security_group_id'),
      )
      .from(nic, 'enableAcceleratedNetworking', [
        'enable_accelerated_networking',
        'accelerated_networking_enabled',
        'accelerated_networking',
      ])
      .from(nic, 'enableIPForwarding', ['enable_ip_forwarding', 'ip_forwarding_enabled', 'ip_forwarding']);
    if (ipConfigs.length)
      np.set('ipConfigurations', armArray(ipConfigs[0]!.span, ipConfigs), ipConfigs[0]!.span);
    return { value: namedItem(nic, np), span: nic.span };
  });
  const profile = new ArmObject(node.span);
  if (nics.length)
    profile.set(
      'networkProfile',
      { networkInterfaceConfigurations: armArray(nics[0]!.span, nics) },
      nics[0]!.span,
    );
  return profile;
}

export const computeTranslator: Translator = {
  types: [...VM_TYPES, ...VMSS_TYPES],
  id(type, a) {
    return simpleId(VM_TYPES.has(type) ? VM : VMSS)(type, a);
  },
  translate(type, node, out) {
    const isVm = VM_TYPES.has(type);
    const armType = isVm ? VM : VMSS;
    const p = isVm ? vmProperties(type, node) : new ArmObject(node.span);
    if (!isVm) p.object('virtualMachineProfile', scaleSetProfile(node));
    const size = node.get('size') ?? node.get('vm_size');
    if (isVm && size !== undefined)
      p.set('hardwareProfile', { vmSize: size }, node.spanOf('size') ?? node.spanOf('vm_size'));
    const skuName = !isVm ? node.get('sku') : undefined;
    emitResource(out, {
      type: armType,
      name: nameOf(node),
      id: simpleId(armType)(type, (n) => node.get(n)),
      node,
      properties: p,
      identity: identityOf(node),
      zones: node.get('zones') ?? node.get('zone'),
      sku:
        typeof skuName === 'string'
          ? new ArmObject(node.spanOf('sku')!)
              .set('name', skuName, node.spanOf('sku'))
              .from(node, 'capacity', 'instances')
          : undefined,
    });
  },
};
