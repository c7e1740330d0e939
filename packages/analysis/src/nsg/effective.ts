import type { Resource } from '@ztkit/core';
import { asArray } from '../model-access.js';
import { AddressSet } from '../net/address-set.js';
import { ALL_PORTS } from '../net/port-set.js';
import { ALL_PROTOCOLS } from '../net/protocol.js';
import type { NicIndex, NicInfo } from '../topology/nics.js';
import type { SubnetInfo, Topology, VnetInfo } from '../topology/topology.js';
import { defaultRules } from './default-rules.js';
import {
  byPriority,
  evaluateNsg,
  type LocalTarget,
  localMatch,
  MAX_REGIONS,
  type Match,
  type NsgEvaluation,
  type Traffic,
} from './evaluate.js';
import { type Direction, type NormalisedRule, normaliseRule, type RuleContext } from './security-rule.js';

/** One NSG layer of an effective evaluation (subnet or NIC), or `nsg: undefined` when none is attached. */
export interface NsgLayer {
  readonly level: 'subnet' | 'nic';
  readonly nsg?: Resource;
  readonly evaluation?: NsgEvaluation;
}

export interface EffectiveResult {
  readonly direction: Direction;
  readonly allowed: readonly Traffic[];
  readonly layers: readonly NsgLayer[];
  readonly truncated: boolean;
}

export type EffectiveTarget = { readonly subnet: SubnetInfo } | { readonly nic: NicInfo };

/** Private address space: the stand-in for `VirtualNetwork` where the VNet is not known. */
const PRIVATE_SPACE = AddressSet.ofPrefixes(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7']);

/** One NSG's rules read once: each item normalised, and whether it names `VirtualNetwork`. */
interface NsgReading {
  readonly items: readonly {
    readonly rule: NormalisedRule;
    readonly dependsOnVnet: boolean;
    readonly item: unknown;
    readonly index: number;
  }[];
  /** Rules of each direction per VNet context (key: the VNet's resource ID, '' for none). */
  readonly byContext: Map<string, Record<Direction, NormalisedRule[]>>;
}

/**
 * Effective NSG evaluation as Azure does it: inbound traffic passes the subnet's NSG and then the
 * NIC's NSG (both must allow); outbound traffic the NIC's first, then the subnet's. A level without
 * an NSG allows everything.
 *
 * Work is shared by NSG identity: each security rule is normalised once (again per VNet only when
 * it names `VirtualNetwork`, whose meaning depends on the VNet), default rules once per VNet, and
 * each evaluation of one NSG's rules against the same input and the same local match pattern is
 * computed once however many subnets, NICs and rules ask for it.
 */
export class EffectiveNsgs {
  private readonly readings = new Map<Resource, NsgReading>();
  private readonly defaults = new Map<string, Record<Direction, NormalisedRule[]>>();
  private readonly virtualNetworks = new Map<string, AddressSet>();
  private readonly evaluations = new Map<string, NsgEvaluation>();
  /** How many subnet and NIC evaluations each NSG takes part in (memoise only what is shared). */
  private uses?: Map<Resource, number>;
  private readonly ids = new WeakMap<object, number>();
  private nextId = 0;
  private readonly subnetTargets = new Map<SubnetInfo, LocalTarget>();
  private readonly nicTargets = new Map<NicInfo, LocalTarget>();

  constructor(
    private readonly topology: Topology,
    private readonly nics: NicIndex,
  ) {}

  /** `VirtualNetwork` for a VNet: its space and its directly peered VNets' spaces. */
  virtualNetworkOf(vnet: VnetInfo | undefined): AddressSet {
    if (!vnet) return PRIVATE_SPACE;
    let set = vnet.addressSpace;
    for (const n of this.topology.neighbours(vnet)) set = set.union(n.addressSpace);
    return set;
  }

  private contextFor(vnet: VnetInfo | undefined): RuleContext {
    const key = vnet?.resource.id ?? '';
    let virtualNetwork = this.virtualNetworks.get(key);
    if (!virtualNetwork) {
      virtualNetwork = this.virtualNetworkOf(vnet);
      this.virtualNetworks.set(key, virtualNetwork);
    }
    return { virtualNetwork, asgAddresses: (id) => this.nics.asgAddresses(id) };
  }

  private read(nsg: Resource): NsgReading {
    let reading = this.readings.get(nsg);
    if (reading) return reading;
    // Read every item once in a neutral context that notes whether `VirtualNetwork` was consulted.
    let consulted = false;
    const neutral: RuleContext = {
      get virtualNetwork() {
        consulted = true;
        return PRIVATE_SPACE;
      },
      asgAddresses: (id) => this.nics.asgAddresses(id),
    };
    const items: NsgReading['items'][number][] = [];
    asArray(nsg.properties.securityRules).forEach((item, index) => {
      consulted = false;
      const rule = normaliseRule(nsg, index, item, neutral);
      if (rule) items.push({ rule, dependsOnVnet: consulted, item, index });
    });
    reading = { items, byContext: new Map() };
    this.readings.set(nsg, reading);
    return reading;
  }

  private defaultRulesFor(vnet: VnetInfo | undefined): Record<Direction, NormalisedRule[]> {
    const key = vnet?.resource.id ?? '';
    let rules = this.defaults.get(key);
    if (!rules) {
      const ctx = this.contextFor(vnet);
      rules = { Inbound: defaultRules('Inbound', ctx), Outbound: defaultRules('Outbound', ctx) };
      this.defaults.set(key, rules);
    }
    return rules;
  }

  /** The NSG's rules of one direction with Azure's defaults, in evaluation order. */
  rulesOf(nsg: Resource, direction: Direction, vnet?: VnetInfo): NormalisedRule[] {
    const reading = this.read(nsg);
    const key = vnet?.resource.id ?? '';
    let rules = reading.byContext.get(key);
    if (!rules) {
      // Without a VNet, `VirtualNetwork` is the private space: the neutral reading is the answer.
      const ctx = key === '' ? undefined : this.contextFor(vnet);
      const inbound: NormalisedRule[] = [];
      const outbound: NormalisedRule[] = [];
      for (const { rule, dependsOnVnet, item, index } of reading.items) {
        const r = ctx && dependsOnVnet ? normaliseRule(nsg, index, item, ctx)! : rule;
        (r.ref.direction === 'Inbound' ? inbound : outbound).push(r);
      }
      const defaults = this.defaultRulesFor(vnet);
      rules = {
        Inbound: [...byPriority(inbound), ...defaults.Inbound],
        Outbound: [...byPriority(outbound), ...defaults.Outbound],
      };
      reading.byContext.set(key, rules);
    }
    return rules[direction];
  }

  private idOf(o: object): number {
    let id = this.ids.get(o);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(o, id);
    }
    return id;
  }

  /**
   * `evaluateNsg`, shared: the result depends only on the rules, the input traffic and how each
   * rule matches the local end, so targets behind the same NSG with the same pattern share it.
   */
  private evaluateShared(
    nsg: Resource,
    rules: NormalisedRule[],
    local: LocalTarget,
    input: Traffic[],
    inputKey: string,
  ): NsgEvaluation {
    const matches: Match[] = rules.map((r) => localMatch(r, local));
    // An NSG guarding one target only is evaluated once per input: keeping it would only hold memory.
    if (this.usesOf(nsg) < 2) return evaluateNsg(rules, local, input, MAX_REGIONS, matches);
    let pattern = '';
    for (const m of matches) pattern += m === 'all' ? 'a' : m === 'some' ? 's' : 'n';
    const key = `${this.idOf(rules)}|${inputKey}|${pattern}`;
    let evaluation = this.evaluations.get(key);
    if (!evaluation) {
      evaluation = evaluateNsg(rules, local, input, MAX_REGIONS, matches);
      this.evaluations.set(key, evaluation);
    }
    return evaluation;
  }

  private usesOf(nsg: Resource): number {
    if (!this.uses) {
      const uses = new Map<Resource, number>();
      const use = (r: Resource | undefined) => {
        if (r) uses.set(r, (uses.get(r) ?? 0) + 1);
      };
      for (const s of this.topology.subnets) use(s.nsg);
      for (const n of this.nics.nics) {
        use(n.nsg);
        use(n.ipConfigs.find((c) => c.subnet)?.subnet?.nsg);
      }
      this.uses = uses;
    }
    return this.uses.get(nsg) ?? 0;
  }

  private subnetLocal(subnet: SubnetInfo): LocalTarget {
    let local = this.subnetTargets.get(subnet);
    if (!local) {
      local = subnetTarget(subnet, this.nics);
      this.subnetTargets.set(subnet, local);
    }
    return local;
  }

  private nicLocal(nic: NicInfo): LocalTarget {
    let local = this.nicTargets.get(nic);
    if (!local) {
      local = nicTarget(nic);
      this.nicTargets.set(nic, local);
    }
    return local;
  }

  /** Evaluate traffic between `remote` and the target in one direction. */
  evaluate(target: EffectiveTarget, direction: Direction, remote: AddressSet): EffectiveResult {
    // An NSG or subnet we cannot resolve might filter anything: what passes is "cannot tell".
    const unresolved =
      'subnet' in target
        ? target.subnet.nsgUnresolved
        : target.nic.unresolved || !!target.nic.ipConfigs.find((c) => c.subnet)?.subnet?.nsgUnresolved;
    const layers: { level: 'subnet' | 'nic'; nsg?: Resource; vnet?: VnetInfo; local: LocalTarget }[] = [];
    if ('subnet' in target) {
      layers.push({
        level: 'subnet',
        nsg: target.subnet.nsg,
        vnet: target.subnet.vnet,
        local: this.subnetLocal(target.subnet),
      });
    } else {
      const nic = target.nic;
      const local = this.nicLocal(nic);
      const subnet = nic.ipConfigs.find((c) => c.subnet)?.subnet;
      const subnetLayer = { level: 'subnet' as const, nsg: subnet?.nsg, vnet: subnet?.vnet, local };
      const nicLayer = { level: 'nic' as const, nsg: nic.nsg, vnet: subnet?.vnet, local };
      if (direction === 'Inbound') layers.push(subnetLayer, nicLayer);
      else layers.push(nicLayer, subnetLayer);
    }
    let current: Traffic[] | undefined;
    let currentKey = `${this.idOf(remote)}${unresolved ? 'u' : 'c'}`;
    let truncated = false;
    const out: NsgLayer[] = [];
    for (const layer of layers) {
      if (!layer.nsg) {
        out.push({ level: layer.level });
        continue;
      }
      current ??= [
        { protocols: ALL_PROTOCOLS, ports: ALL_PORTS, remote, decidedBy: [], uncertain: unresolved },
      ];
      const rules = this.rulesOf(layer.nsg, direction, layer.vnet);
      const evaluation = this.evaluateShared(layer.nsg, rules, layer.local, current, currentKey);
      truncated ||= evaluation.truncated;
      out.push({ level: layer.level, nsg: layer.nsg, evaluation });
      current = evaluation.allowed;
      currentKey = `e${this.idOf(current)}`;
    }
    current ??= [
      { protocols: ALL_PROTOCOLS, ports: ALL_PORTS, remote, decidedBy: [], uncertain: unresolved },
    ];
    return { direction, allowed: current, layers: out, truncated };
  }

  /** Evaluate an NSG on its own (not attached to anything ztkit can see). */
  evaluateDetached(nsg: Resource, direction: Direction, remote: AddressSet): NsgEvaluation {
    return evaluateNsg(this.rulesOf(nsg, direction), DETACHED, [
      { protocols: ALL_PROTOCOLS, ports: ALL_PORTS, remote, decidedBy: [], uncertain: false },
    ]);
  }
}

/** The local end of an NSG evaluated on its own: addresses unknown, no ASG membership. */
const DETACHED: LocalTarget = { addressesApproximate: true, asgsAll: new Set(), asgsSome: new Set() };

export function subnetTarget(subnet: SubnetInfo, nics: NicIndex): LocalTarget {
  const some = new Set<string>();
  for (const n of nics.nicsOf(subnet)) for (const a of n.asgIds) some.add(a);
  return { addresses: subnet.addresses, addressesApproximate: false, asgsAll: new Set(), asgsSome: some };
}

export function nicTarget(nic: NicInfo): LocalTarget {
  return {
    addresses: nic.addresses,
    addressesApproximate: nic.addressesApproximate,
    asgsAll: nic.asgIds,
    asgsSome: nic.asgIds,
  };
}
