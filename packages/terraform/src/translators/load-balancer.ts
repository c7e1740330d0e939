/**
 * Load balancers. azurerm declares only the frontends inline (`azurerm_lb`); backend pools, rules
 * and NAT rules are separate resources, and NIC pool / NAT membership is an association. ARM keeps
 * all of them inside the load balancer (`backendAddressPools`, `loadBalancingRules`,
 * `inboundNatRules`) and on the NIC's IP configuration (`loadBalancerBackendAddressPools`,
 * `loadBalancerInboundNatRules`), where the exposure analysis reads them, so the separate resources
 * patch their load balancer or NIC as the NSG associations do. Each patched item keeps its own
 * resource's span, so a finding on a rule lands on the `azurerm_lb_rule` block.
 *
 * azurerm v3.x / v4.x attribute names: `azurerm_lb_rule` takes `backend_address_pool_ids` (a list
 * since v3.0) and `floating_ip_enabled`/`tcp_reset_enabled` (v4; `enable_*` in v3);
 * `azurerm_lb_nat_rule` takes either `frontend_port` or a port range with
 * `backend_address_pool_id`. The SKU default moved from Basic (v3) to Standard (v4): an absent
 * `sku` is left unset rather than guessed, as for public IPs.
 */
import { ArmObject, armArray, idRef, resourceIdOf } from '../translate/arm.js';
import type { TfNode } from '../translate/node.js';
import type { TranslateOutput, Translator } from '../translate/types.js';
import { emitResource, lastSegment, namedItem, nameOf, resourceGroupOf, simpleId } from './common.js';

const LB = 'Microsoft.Network/loadBalancers';
const CHILD: Readonly<Record<string, { collection: string; type: string }>> = {
  azurerm_lb_backend_address_pool: { collection: 'backendAddressPools', type: `${LB}/backendAddressPools` },
  azurerm_lb_rule: { collection: 'loadBalancingRules', type: `${LB}/loadBalancingRules` },
  azurerm_lb_nat_rule: { collection: 'inboundNatRules', type: `${LB}/inboundNatRules` },
};
/** NIC associations: the reference attribute and the IP configuration list it joins. */
const NIC_ASSOCIATIONS: Readonly<Record<string, { reference: string; property: string }>> = {
  azurerm_network_interface_backend_address_pool_association: {
    reference: 'backend_address_pool_id',
    property: 'loadBalancerBackendAddressPools',
  },
  azurerm_network_interface_nat_rule_association: {
    reference: 'nat_rule_id',
    property: 'loadBalancerInboundNatRules',
  },
};

/** The id of a sub-resource of the load balancer named by `loadbalancer_id`. */
function subResourceId(type: string, lbId: unknown, name: unknown): string {
  return resourceIdOf(type, [lastSegment(lbId), name], resourceGroupOf(lbId));
}

function frontendRef(node: TfNode, lbId: unknown): Record<string, unknown> | undefined {
  const name = node.get('frontend_ip_configuration_name');
  if (name === undefined) return undefined;
  return idRef(
    subResourceId(`${LB}/frontendIPConfigurations`, lbId, name),
    node.spanOf('frontend_ip_configuration_name'),
  );
}

function ruleProperties(node: TfNode, lbId: unknown): ArmObject {
  const p = new ArmObject(node.span)
    .set('frontendIPConfiguration', frontendRef(node, lbId), node.spanOf('frontend_ip_configuration_name'))
    .from(node, 'protocol', 'protocol')
    .from(node, 'frontendPort', 'frontend_port')
    .from(node, 'backendPort', 'backend_port')
    .from(node, 'enableFloatingIP', ['floating_ip_enabled', 'enable_floating_ip'])
    .from(node, 'enableTcpReset', ['tcp_reset_enabled', 'enable_tcp_reset'])
    .from(node, 'idleTimeoutInMinutes', 'idle_timeout_in_minutes')
    .set('probe', idRef(node.get('probe_id'), node.spanOf('probe_id')), node.spanOf('probe_id'));
  const pools = node.get('backend_address_pool_ids');
  const span = node.spanOf('backend_address_pool_ids');
  // ARM's single-pool field; the list form is for gateway load balancers with several pools.
  if (Array.isArray(pools) && pools.length === 1) p.set('backendAddressPool', idRef(pools[0], span), span);
  else if (Array.isArray(pools) && pools.length > 1)
    p.set(
      'backendAddressPools',
      pools.map((id) => idRef(id, span)),
      span,
    );
  return p;
}

function natRuleProperties(node: TfNode, lbId: unknown): ArmObject {
  return new ArmObject(node.span)
    .set('frontendIPConfiguration', frontendRef(node, lbId), node.spanOf('frontend_ip_configuration_name'))
    .from(node, 'protocol', 'protocol')
    .from(node, 'frontendPort', 'frontend_port')
    .from(node, 'frontendPortRangeStart', 'frontend_port_start')
    .from(node, 'frontendPortRangeEnd', 'frontend_port_end')
    .from(node, 'backendPort', 'backend_port')
    .set(
      'backendAddressPool',
      idRef(node.get('backend_address_pool_id'), node.spanOf('backend_address_pool_id')),
      node.spanOf('backend_address_pool_id'),
    )
    .from(node, 'enableFloatingIP', ['floating_ip_enabled', 'enable_floating_ip'])
    .from(node, 'enableTcpReset', ['tcp_reset_enabled', 'enable_tcp_reset'])
    .from(node, 'idleTimeoutInMinutes', 'idle_timeout_in_minutes');
}

function frontends(node: TfNode): unknown[] | undefined {
  const blocks = node.blocks('frontend_ip_configuration');
  if (!blocks.length) return undefined;
  return armArray(
    blocks[0]!.span,
    blocks.map((fe) => {
      const p = new ArmObject(fe.span)
        .set(
          'publicIPAddress',
          idRef(fe.get('public_ip_address_id'), fe.spanOf('public_ip_address_id')),
          fe.spanOf('public_ip_address_id'),
        )
        .set(
          'publicIPPrefix',
          idRef(fe.get('public_ip_prefix_id'), fe.spanOf('public_ip_prefix_id')),
          fe.spanOf('public_ip_prefix_id'),
        )
        .set('subnet', idRef(fe.get('subnet_id'), fe.spanOf('subnet_id')), fe.spanOf('subnet_id'))
        .from(fe, 'privateIPAddress', 'private_ip_address')
        .from(fe, 'privateIPAllocationMethod', 'private_ip_address_allocation');
      return { value: namedItem(fe, p), span: fe.span };
    }),
  );
}

function push(target: Record<string, unknown>, key: string, item: unknown): void {
  const list = target[key];
  if (Array.isArray(list)) list.push(item);
  else target[key] = [item];
}

/**
 * Run `patch` on the properties of the resource `attr` names; when that resource is not in the
 * scan, or `patch` answers why it could not apply, say so instead of guessing.
 */
function linkTo(
  out: TranslateOutput,
  node: TfNode,
  attr: string,
  patch: (props: Record<string, unknown>) => string | undefined,
): void {
  const targetId = node.get(attr);
  out.link((index) => {
    const props = index.properties(targetId);
    const problem = props ? patch(props) : `${attr} does not name a resource of this scan`;
    if (problem === undefined) return;
    out.report({
      severity: 'info',
      code: 'association-target-not-found',
      message: `${out.address}: ${problem}; it is not modelled`,
      span: node.spanOf(attr) ?? node.span,
    });
  });
}

export const loadBalancerTranslator: Translator = {
  types: ['azurerm_lb', ...Object.keys(CHILD), ...Object.keys(NIC_ASSOCIATIONS)],
  id(type, a) {
    if (type === 'azurerm_lb') return simpleId(LB)(type, a);
    const child = CHILD[type];
    // An association's Terraform id is not an ARM id.
    return child ? subResourceId(child.type, a('loadbalancer_id'), a('name')) : undefined;
  },
  translate(type, node, out) {
    if (type === 'azurerm_lb') {
      const sku = new ArmObject(node.spanOf('sku') ?? node.span)
        .from(node, 'name', 'sku')
        .from(node, 'tier', 'sku_tier');
      emitResource(out, {
        type: LB,
        name: nameOf(node),
        id: simpleId(LB)(type, (n) => node.get(n)),
        node,
        properties: new ArmObject(node.span).set(
          'frontendIPConfigurations',
          frontends(node),
          node.spanOf('frontend_ip_configuration') ?? node.blocks('frontend_ip_configuration')[0]?.span,
        ),
        sku: Object.keys(sku.value).length ? sku : undefined,
      });
      return;
    }
    const child = CHILD[type];
    if (child) {
      const lbId = node.get('loadbalancer_id');
      const props =
        type === 'azurerm_lb_rule'
          ? ruleProperties(node, lbId)
          : type === 'azurerm_lb_nat_rule'
            ? natRuleProperties(node, lbId)
            : new ArmObject(node.span);
      const item = namedItem(node, props);
      linkTo(out, node, 'loadbalancer_id', (lb) => {
        push(lb, child.collection, item);
        return undefined;
      });
      return;
    }
    const assoc = NIC_ASSOCIATIONS[type]!;
    const configName = node.get('ip_configuration_name');
    const ref = idRef(node.get(assoc.reference), node.spanOf(assoc.reference) ?? node.span);
    linkTo(out, node, 'network_interface_id', (nic) => {
      const configs = Array.isArray(nic.ipConfigurations) ? nic.ipConfigurations : [];
      const config = configs.find(
        (c): c is Record<string, unknown> =>
          typeof c === 'object' && c !== null && (c as Record<string, unknown>).name === configName,
      );
      const cp = config?.properties;
      if (typeof cp !== 'object' || cp === null)
        return `the NIC has no IP configuration named '${String(configName)}'`;
      if (ref) push(cp as Record<string, unknown>, assoc.property, ref);
      return undefined;
    });
  },
};
