/**
 * NSG protocols as a bit mask. `*` (Any) is every protocol Azure lets an NSG rule name; traffic of
 * other IP protocols is matched only by `*` rules, which the mask models as the same five bits.
 */
export const Protocol = { Tcp: 1, Udp: 2, Icmp: 4, Esp: 8, Ah: 16 } as const;
export type ProtocolMask = number;
export const ALL_PROTOCOLS: ProtocolMask = 31;

const BY_NAME: Readonly<Record<string, ProtocolMask>> = {
  tcp: Protocol.Tcp,
  udp: Protocol.Udp,
  icmp: Protocol.Icmp,
  esp: Protocol.Esp,
  ah: Protocol.Ah,
  '*': ALL_PROTOCOLS,
  any: ALL_PROTOCOLS,
};

/** The mask for an NSG `protocol` value, or undefined when the value is not one Azure accepts. */
export function parseProtocol(value: unknown): ProtocolMask | undefined {
  return typeof value === 'string' ? BY_NAME[value.trim().toLowerCase()] : undefined;
}

/** Protocols that carry ports: a rule's port ranges only restrict Tcp and Udp. */
export const PORTED_PROTOCOLS: ProtocolMask = Protocol.Tcp | Protocol.Udp;

export function formatProtocols(mask: ProtocolMask): string {
  if (mask === ALL_PROTOCOLS) return 'any';
  return Object.entries(Protocol)
    .filter(([, bit]) => (mask & bit) !== 0)
    .map(([name]) => name.toLowerCase())
    .join('+');
}
