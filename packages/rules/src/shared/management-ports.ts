/**
 * Ports that administer a machine rather than serve users. Publishing them to the Internet invites
 * brute force and exploitation of the management plane.
 */
export const MANAGEMENT_PORTS: Readonly<Record<number, string>> = {
  22: 'SSH',
  23: 'Telnet',
  3389: 'RDP',
  5900: 'VNC',
  5985: 'WinRM',
  5986: 'WinRM over HTTPS',
};

export const MANAGEMENT_PORT_NUMBERS: readonly number[] = Object.keys(MANAGEMENT_PORTS).map(Number);

export function describePort(port: number): string {
  const name = MANAGEMENT_PORTS[port];
  return name ? `${port} (${name})` : String(port);
}
