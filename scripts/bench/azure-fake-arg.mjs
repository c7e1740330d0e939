/**
 * A Resource Graph stand-in for the scale benchmark, in its own process so that its memory is not
 * counted against the posture run. Rows are generated from their index when a page is asked for:
 * the server holds no estate. Speaks the REST shape of `POST /providers/Microsoft.ResourceGraph/
 * resources` (objectArray, `$top`, `$skipToken`, `totalRecords`, `count`, `data`) and lists
 * subscriptions for the `resourcecontainers` query. Prints `{"url","ca"}` once listening.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const total = Number(process.argv[2] ?? 100_000);
/**
 * `typical`: a unit of 50 resources (1 VNet, 2 NSGs, 1 route table, 3 NICs... as below, then
 * 40 workload resources: VMs, storage accounts, web apps); an estate's network is a few percent of
 * it. `dense`: a unit of 10 with no workloads, every tenth resource a VNet (10,000 VNets and 40,000
 * subnets in 100,000 resources), the worst case for the network analysis.
 */
const mix = process.argv[3] === 'dense' ? 'dense' : 'typical';
const SUBSCRIPTIONS = 20;
const PER_UNIT = mix === 'dense' ? 10 : 50;
const sub = (i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

const dir = mkdtempSync(join(tmpdir(), 'ztkit-bench-tls-'));
execFileSync(
  'openssl',
  [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    join(dir, 'k.pem'),
    '-out',
    join(dir, 'c.pem'),
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
  ],
  { stdio: 'pipe' },
);

/** Resource `i` of the estate: units of ten (VNet, 2 NSGs, route table, 3 NICs, public IP, storage, web app). */
function row(i) {
  const unit = Math.floor(i / PER_UNIT);
  const s = sub(unit % SUBSCRIPTIONS);
  const rg = `/subscriptions/${s}/resourceGroups/rg-${unit % 200}`;
  const net = (type, name) => `${rg}/providers/Microsoft.Network/${type}/${name}`;
  const base = (type, name, properties) => ({
    id: type.startsWith('Microsoft.') ? `${rg}/providers/${type}/${name}` : net(type, name),
    name,
    type: (type.startsWith('Microsoft.') ? type : `Microsoft.Network/${type}`).toLowerCase(),
    location: 'westeurope',
    subscriptionId: s,
    resourceGroup: `rg-${unit % 200}`,
    properties,
  });
  const vnet = `vnet-${unit}`;
  const octet = (n) => `10.${(unit >> 8) & 255}.${unit & 255}.${n}`;
  switch (i % PER_UNIT) {
    case 0:
      return base('virtualNetworks', vnet, {
        addressSpace: { addressPrefixes: [`${octet(0)}/24`] },
        subnets: [0, 1, 2, 3].map((k) => ({
          name: `snet-${k}`,
          id: `${net('virtualNetworks', vnet)}/subnets/snet-${k}`,
          properties: {
            addressPrefix: `${octet(k * 64)}/26`,
            ...(k < 2
              ? { networkSecurityGroup: { id: net('networkSecurityGroups', `nsg-${unit}-${k}`) } }
              : {}),
            routeTable: { id: net('routeTables', `rt-${unit}`) },
          },
        })),
      });
    case 1:
    case 2: {
      const k = (i % PER_UNIT) - 1;
      return base('networkSecurityGroups', `nsg-${unit}-${k}`, {
        securityRules: Array.from({ length: 8 }, (_, r) => ({
          name: `rule-${r}`,
          id: `${net('networkSecurityGroups', `nsg-${unit}-${k}`)}/securityRules/rule-${r}`,
          properties: {
            priority: 100 + r * 10,
            direction: 'Inbound',
            access: r === 7 ? 'Deny' : 'Allow',
            protocol: 'Tcp',
            sourceAddressPrefix: r === 0 && unit % 10 === 0 ? 'Internet' : '10.0.0.0/8',
            sourcePortRange: '*',
            destinationAddressPrefix: '*',
            destinationPortRange: r === 0 ? '3389' : String(8000 + r),
          },
        })),
      });
    }
    case 3:
      return base('routeTables', `rt-${unit}`, {
        disableBgpRoutePropagation: true,
        routes: [
          {
            name: 'default',
            id: `${net('routeTables', `rt-${unit}`)}/routes/default`,
            properties: {
              addressPrefix: '0.0.0.0/0',
              nextHopType: 'VirtualAppliance',
              nextHopIpAddress: '10.255.0.4',
            },
          },
          {
            name: 'onprem',
            id: `${net('routeTables', `rt-${unit}`)}/routes/onprem`,
            properties: { addressPrefix: '192.168.0.0/16', nextHopType: 'VirtualNetworkGateway' },
          },
        ],
      });
    case 4:
    case 5:
    case 6: {
      const k = (i % PER_UNIT) - 4;
      return base('networkInterfaces', `nic-${unit}-${k}`, {
        ipConfigurations: [
          {
            name: 'ipconfig1',
            properties: {
              privateIPAllocationMethod: 'Dynamic',
              privateIPAddress: octet(k * 64 + 4),
              subnet: { id: `${net('virtualNetworks', vnet)}/subnets/snet-${k}` },
              ...(k === 0 && unit % 25 === 0
                ? { publicIPAddress: { id: net('publicIPAddresses', `pip-${unit}`) } }
                : {}),
            },
          },
        ],
      });
    }
    case 7:
      return base('publicIPAddresses', `pip-${unit}`, {
        publicIPAllocationMethod: 'Static',
        ipAddress: `20.0.${(unit >> 8) & 255}.${unit & 255}`,
      });
    case 8:
      return storage(unit, 0);
    case 9:
      return webApp(unit, 0);
    default: {
      // Workloads of the typical mix: VMs, storage accounts and web apps in turn.
      const k = (i % PER_UNIT) - 10;
      if (k % 3 === 0)
        return base('Microsoft.Compute/virtualMachines', `vm-${unit}-${k}`, {
          hardwareProfile: { vmSize: 'Standard_D2s_v5' },
          networkProfile: { networkInterfaces: [{ id: net('networkInterfaces', `nic-${unit}-${k % 3}`) }] },
        });
      return k % 3 === 1 ? storage(unit, k) : webApp(unit, k);
    }
  }
  function storage(u, k) {
    return base('Microsoft.Storage/storageAccounts', `st${u}x${k}`, {
      supportsHttpsTrafficOnly: u % 7 !== 0,
      minimumTlsVersion: 'TLS1_2',
      allowBlobPublicAccess: false,
      publicNetworkAccess: 'Disabled',
    });
  }
  function webApp(u, k) {
    return base('Microsoft.Web/sites', `app-${u}-${k}`, {
      httpsOnly: u % 9 !== 0,
      publicNetworkAccess: 'Disabled',
    });
  }
}

let served = 0;
const server = createServer(
  { key: readFileSync(join(dir, 'k.pem')), cert: readFileSync(join(dir, 'c.pem')) },
  async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const send = (status, body) => {
      res.writeHead(status, {
        'content-type': 'application/json',
        'x-ms-user-quota-remaining': '14',
        'x-ms-user-quota-resets-after': '00:00:05',
      });
      res.end(JSON.stringify(body));
    };
    if (
      req.method !== 'POST' ||
      !req.url.toLowerCase().startsWith('/providers/microsoft.resourcegraph/resources')
    )
      return send(404, { error: { code: 'NotFound', message: `${req.method} ${req.url}` } });
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const scope = new Set(body.subscriptions ?? []);
    if (/^resourcecontainers/.test(body.query.trim()))
      return send(200, {
        totalRecords: scope.size,
        count: scope.size,
        resultTruncated: 'false',
        data: [...scope].map((s) => ({ id: `/subscriptions/${s}`, subscriptionId: s, name: s })),
      });
    // The benchmark always asks for every subscription: rows are the whole estate, in index order.
    const top = Math.min(body.options?.$top ?? 100, 1000);
    const start = body.options?.$skipToken
      ? Number(Buffer.from(body.options.$skipToken, 'base64').toString())
      : 0;
    const end = Math.min(total, start + top);
    const data = [];
    for (let i = start; i < end; i++) data.push(row(i));
    served += data.length;
    send(200, {
      totalRecords: total,
      count: data.length,
      resultTruncated: 'false',
      ...(end < total ? { $skipToken: Buffer.from(String(end)).toString('base64') } : {}),
      data,
    });
  },
);
server.listen(0, '127.0.0.1', () => {
  console.log(
    JSON.stringify({
      url: `https://127.0.0.1:${server.address().port}`,
      ca: join(dir, 'c.pem'),
      subscriptions: Array.from({ length: SUBSCRIPTIONS }, (_, i) => sub(i)),
    }),
  );
});
process.on('SIGTERM', () => {
  console.error(`served ${served} rows`);
  process.exit(0);
});
