export const id = 918;
export const ids = [918];
export const modules = {

/***/ 9918:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AZURE_AD_TOKEN_EXCHANGE: () => (/* reexport */ AZURE_AD_TOKEN_EXCHANGE),
  DRIFT_HELP: () => (/* reexport */ DRIFT_HELP),
  EXIT: () => (/* reexport */ EXIT),
  POSTURE_HELP: () => (/* reexport */ POSTURE_HELP),
  armClientOptions: () => (/* reexport */ armClientOptions),
  chooseCredential: () => (/* reexport */ chooseCredential),
  driftCommand: () => (/* reexport */ driftCommand),
  driftReport: () => (/* reexport */ driftReport),
  gitHubAssertion: () => (/* reexport */ gitHubAssertion),
  gitHubOidcAvailable: () => (/* reexport */ gitHubOidcAvailable),
  knownClouds: () => (/* reexport */ knownClouds),
  postureCommand: () => (/* reexport */ postureCommand),
  postureJson: () => (/* reexport */ postureJson),
  postureMarkdown: () => (/* reexport */ postureMarkdown),
  postureText: () => (/* reexport */ postureText),
  readLiveEstate: () => (/* reexport */ readLiveEstate),
  requestGitHubIdToken: () => (/* reexport */ requestGitHubIdToken),
  resolveCloud: () => (/* reexport */ resolveCloud),
  runPosture: () => (/* reexport */ runPosture)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ../../packages/engine/dist/index.js + 169 modules
var dist = __webpack_require__(3005);
// EXTERNAL MODULE: ../../node_modules/@azure/identity/dist/esm/index.js + 182 modules
var esm = __webpack_require__(871);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
;// CONCATENATED MODULE: ../../packages/azure/dist/client-options.js

const DEFAULT_RETRY = {
    maxRetries: 5,
    retryDelayInMs: 1000,
    maxRetryDelayInMs: 60_000,
};
/** The options both SDK clients (Resource Graph, Network) take, pointed at the chosen cloud. */
function armClientOptions(connection) {
    const additionalPolicies = [];
    if (connection.ca)
        additionalPolicies.push({ policy: trustCaPolicy(connection.ca), position: 'perCall' });
    return {
        endpoint: connection.cloud.armEndpoint,
        credentials: { scopes: [connection.cloud.armScope] },
        retryOptions: { ...DEFAULT_RETRY, ...connection.retry },
        userAgentOptions: { userAgentPrefix: 'ztkit-posture' },
        additionalPolicies,
    };
}
function trustCaPolicy(ca) {
    const agent = new external_node_https_.Agent({ ca, keepAlive: true });
    return {
        name: 'ztkitTrustedCa',
        sendRequest(request, next) {
            request.agent = agent;
            return next(request);
        },
    };
}
//# sourceMappingURL=client-options.js.map
;// CONCATENATED MODULE: ../../packages/azure/dist/credential/github-oidc.js
/**
 * GitHub Actions OIDC: the runner hands a job with `permissions: id-token: write` a URL and a
 * request token (`ACTIONS_ID_TOKEN_REQUEST_URL`, `ACTIONS_ID_TOKEN_REQUEST_TOKEN`); a GET on that
 * URL with `audience=api://AzureADTokenExchange` returns a short-lived JWT that Entra ID accepts as
 * a client assertion for an app with a matching federated credential. Written here (the kit does
 * not use @actions/core) with the same request @actions/core's getIDToken makes.
 */
/** The audience Entra ID expects for workload identity federation. */
const AZURE_AD_TOKEN_EXCHANGE = 'api://AzureADTokenExchange';
/** True when the job can ask for an OIDC token (it has `id-token: write`). */
function gitHubOidcAvailable(env = process.env) {
    return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}
async function requestGitHubIdToken(request = {}) {
    const env = request.env ?? process.env;
    const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!url || !bearer)
        return {
            ok: false,
            reason: 'no GitHub OIDC token available: give the job `permissions: id-token: write` (ACTIONS_ID_TOKEN_REQUEST_URL is not set)',
        };
    let target;
    try {
        target = new URL(url);
    }
    catch {
        return { ok: false, reason: 'ACTIONS_ID_TOKEN_REQUEST_URL is not a URL' };
    }
    target.searchParams.set('audience', request.audience ?? AZURE_AD_TOKEN_EXCHANGE);
    const doFetch = request.fetch ?? fetch;
    let response;
    try {
        response = await doFetch(target, {
            headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json', 'User-Agent': 'ztkit' },
            signal: AbortSignal.timeout(30_000),
        });
    }
    catch (e) {
        return { ok: false, reason: `GitHub OIDC token request failed: ${e.message}` };
    }
    if (!response.ok) {
        // The body may echo request details; only the status is reported.
        return { ok: false, reason: `GitHub OIDC token request answered HTTP ${response.status}` };
    }
    let body;
    try {
        body = await response.json();
    }
    catch {
        return { ok: false, reason: 'GitHub OIDC token response is not JSON' };
    }
    const value = body?.value;
    if (typeof value !== 'string' || !value)
        return { ok: false, reason: 'GitHub OIDC token response has no `value`' };
    request.mask?.(value);
    return { ok: true, token: value };
}
//# sourceMappingURL=github-oidc.js.map
;// CONCATENATED MODULE: ../../packages/azure/dist/credential/credential.js



const PUBLIC_AUTHORITIES = new Set([
    'https://login.microsoftonline.com',
    'https://login.microsoftonline.us',
    'https://login.chinacloudapi.cn',
]);
/**
 * In GitHub Actions with `id-token: write` and `AZURE_CLIENT_ID` + `AZURE_TENANT_ID` (the variables
 * azure/login uses): a ClientAssertionCredential whose assertion is a fresh GitHub OIDC token each
 * time Entra ID needs one (they live minutes; a long posture run outlives the first). No Azure CLI,
 * no secret on disk. Elsewhere: the Azure CLI's login (also what azure/login leaves behind), then
 * the default chain (environment, workload identity, managed identity...).
 */
function chooseCredential(options) {
    const env = options.env ?? process.env;
    const tenantId = env.AZURE_TENANT_ID;
    const clientId = env.AZURE_CLIENT_ID;
    const authorityHost = options.cloud.authorityHost;
    // Instance discovery asks the public cloud about the authority: an AD FS or private authority
    // is not known there, and an air-gapped Azure Stack Hub cannot reach it.
    const common = {
        authorityHost,
        ...(PUBLIC_AUTHORITIES.has(authorityHost) ? {} : { disableInstanceDiscovery: true }),
        ...(options.ca
            ? { additionalPolicies: [{ policy: trustCaPolicy(options.ca), position: 'perCall' }] }
            : {}),
    };
    if (gitHubOidcAvailable(env) && tenantId && clientId) {
        const credential = new esm/* ClientAssertionCredential */.XI(tenantId, clientId, gitHubAssertion(env, options.mask), common);
        return {
            credential,
            kind: 'github-oidc',
            description: `GitHub OIDC federated credential (client ${clientId}, tenant ${tenantId})`,
        };
    }
    const credential = new esm/* ChainedTokenCredential */.Rk(new esm/* AzureCliCredential */.nG(tenantId ? { tenantId } : {}), new esm/* DefaultAzureCredential */.gv({ ...common, ...(tenantId ? { tenantId } : {}) }));
    return {
        credential,
        kind: 'azure-cli-or-default',
        description: 'Azure CLI login, else the default credential chain',
    };
}
/**
 * The client assertion: a GitHub OIDC token requested anew on every call, since Entra ID asks for
 * one whenever its cached access token runs out and the OIDC token itself lives only minutes.
 */
function gitHubAssertion(env, mask) {
    return async () => {
        const result = await requestGitHubIdToken({ env, ...(mask ? { mask } : {}) });
        if (!result.ok)
            throw new Error(result.reason);
        return result.token;
    };
}
//# sourceMappingURL=credential.js.map
// EXTERNAL MODULE: ../../packages/core/dist/index.js + 33 modules
var core_dist = __webpack_require__(5245);
;// CONCATENATED MODULE: ../../packages/azure/dist/drift/properties.js
/**
 * The properties whose change moves the Zero Trust posture, per ARM type (lower case). Paths are
 * inside `properties`; `*` walks every element of an array. Anything else (tags, provisioning
 * state, etags) is noise for a security drift report.
 */
const SECURITY_PROPERTIES = {
    // Existence is what matters: an NSG or public IP made by hand is an unmanaged control or exposure.
    'microsoft.network/networksecuritygroups': [],
    'microsoft.network/publicipaddresses': ['publicIPAllocationMethod', 'ddosSettings'],
    'microsoft.network/networksecuritygroups/securityrules': [
        'access',
        'direction',
        'priority',
        'protocol',
        'sourceAddressPrefix',
        'sourceAddressPrefixes',
        'destinationAddressPrefix',
        'destinationAddressPrefixes',
        'sourcePortRange',
        'sourcePortRanges',
        'destinationPortRange',
        'destinationPortRanges',
        'sourceApplicationSecurityGroups',
        'destinationApplicationSecurityGroups',
    ],
    'microsoft.network/virtualnetworks': [
        'addressSpace.addressPrefixes',
        'encryption',
        'enableDdosProtection',
        'ddosProtectionPlan',
    ],
    'microsoft.network/virtualnetworks/subnets': [
        'networkSecurityGroup',
        'routeTable',
        'natGateway',
        'privateEndpointNetworkPolicies',
        'defaultOutboundAccess',
        'serviceEndpoints',
    ],
    'microsoft.network/virtualnetworks/virtualnetworkpeerings': [
        'remoteVirtualNetwork',
        'allowVirtualNetworkAccess',
        'allowForwardedTraffic',
        'allowGatewayTransit',
        'useRemoteGateways',
    ],
    'microsoft.network/routetables': ['disableBgpRoutePropagation'],
    'microsoft.network/routetables/routes': ['addressPrefix', 'nextHopType', 'nextHopIpAddress'],
    'microsoft.network/networkinterfaces': [
        'networkSecurityGroup',
        'enableIPForwarding',
        'ipConfigurations.*.properties.publicIPAddress',
        'ipConfigurations.*.properties.subnet',
    ],
    'microsoft.network/azurefirewalls': ['threatIntelMode', 'firewallPolicy'],
    'microsoft.network/firewallpolicies': ['threatIntelMode', 'intrusionDetection.mode', 'transportSecurity'],
    'microsoft.network/applicationgateways': [
        'sslPolicy',
        'firewallPolicy',
        'webApplicationFirewallConfiguration.enabled',
    ],
    'microsoft.network/bastionhosts': ['enableShareableLink', 'enableTunneling', 'enableIpConnect'],
    'microsoft.storage/storageaccounts': [
        'supportsHttpsTrafficOnly',
        'minimumTlsVersion',
        'allowBlobPublicAccess',
        'publicNetworkAccess',
        'networkAcls.defaultAction',
    ],
    'microsoft.web/sites': [
        'httpsOnly',
        'publicNetworkAccess',
        'siteConfig.minTlsVersion',
        'siteConfig.ftpsState',
    ],
    'microsoft.web/sites/config': ['minTlsVersion', 'ftpsState', 'http20Enabled'],
    'microsoft.sql/servers': ['minimalTlsVersion', 'publicNetworkAccess'],
    'microsoft.dbforpostgresql/flexibleservers': ['network.publicNetworkAccess'],
    'microsoft.dbformysql/flexibleservers': ['network.publicNetworkAccess'],
    'microsoft.cache/redis': ['enableNonSslPort', 'minimumTlsVersion', 'publicNetworkAccess'],
    'microsoft.documentdb/databaseaccounts': [
        'minimalTlsVersion',
        'publicNetworkAccess',
        'isVirtualNetworkFilterEnabled',
    ],
    'microsoft.eventhub/namespaces': ['minimumTlsVersion', 'publicNetworkAccess'],
    'microsoft.servicebus/namespaces': ['minimumTlsVersion', 'publicNetworkAccess'],
    'microsoft.keyvault/vaults': ['publicNetworkAccess', 'networkAcls.defaultAction'],
};
//# sourceMappingURL=properties.js.map
;// CONCATENATED MODULE: ../../packages/azure/dist/drift/drift.js


/**
 * Compares IaC with what is deployed, for the properties that matter to Zero Trust. IaC IDs are
 * symbolic, so resources are matched on type + full name. Only what the IaC states is compared: a
 * property the IaC leaves to Azure's default is not drift, and a value IaC cannot know statically
 * (Unknown) is not compared. References compare by the resource they name, not by ID spelling.
 */
function driftReport(iacGraph, liveGraph) {
    const changes = [];
    const missingLive = [];
    const matched = new Set();
    const iacTypes = new Set();
    const seen = new Set();
    let compared = 0;
    for (const iac of iacGraph.resources) {
        const type = iac.type.toLowerCase();
        const paths = SECURITY_PROPERTIES[type];
        if (!paths)
            continue;
        if (iac.name.includes('<unknown') || (0,core_dist/* isUnknown */.t8)(iac.condition))
            continue;
        const key = (0,core_dist/* resourceKey */.ik)(iac.type, iac.name);
        if (seen.has(key))
            continue; // twins (main.bicep and its main.json) compare once
        seen.add(key);
        iacTypes.add(type);
        const live = liveGraph.find(iac.type, iac.name);
        if (!live) {
            missingLive.push({ kind: 'missing-live', type: iac.type, name: iac.name });
            continue;
        }
        matched.add(live);
        compared++;
        for (const path of paths)
            for (const { at, iacValue, liveValue } of pairsAt(iac.properties, live.properties, path)) {
                if (iacValue === undefined || (0,core_dist/* containsUnknown */.ul)(iacValue))
                    continue;
                if (sameValue(iacValue, liveValue))
                    continue;
                changes.push({
                    kind: 'changed',
                    type: live.type,
                    name: live.name,
                    liveId: live.id,
                    ...(live.portalUrl ? { portalUrl: live.portalUrl } : {}),
                    path: `properties.${at}`,
                    iac: iacValue,
                    live: liveValue,
                });
            }
    }
    const unmanaged = [];
    for (const live of liveGraph.resources) {
        if (matched.has(live) || !iacTypes.has(live.type.toLowerCase()))
            continue;
        unmanaged.push({
            kind: 'unmanaged',
            type: live.type,
            name: live.name,
            liveId: live.id,
            ...(live.portalUrl ? { portalUrl: live.portalUrl } : {}),
        });
    }
    return { compared, changes, missingLive, unmanaged };
}
/** The values at a path on both sides; `*` pairs array elements by name where they have one, else by index. */
function pairsAt(iac, live, path) {
    const [head, ...rest] = path.split('.');
    if (head === undefined)
        return [{ at: '', iacValue: iac, liveValue: live }];
    if (head === '*') {
        if (!Array.isArray(iac))
            return [];
        const liveItems = Array.isArray(live) ? live : [];
        return iac.flatMap((item, i) => {
            const name = item?.name;
            const j = typeof name === 'string' ? liveItems.findIndex((l) => l?.name === name) : i;
            return pairsAt(item, j >= 0 ? liveItems[j] : undefined, rest.join('.')).map((p) => ({
                ...p,
                at: `${i}${p.at ? `.${p.at}` : ''}`,
            }));
        });
    }
    const a = typeof iac === 'object' && iac !== null ? iac[head] : undefined;
    const b = typeof live === 'object' && live !== null ? live[head] : undefined;
    if (!rest.length)
        return [{ at: head, iacValue: a, liveValue: b }];
    return pairsAt(a, b, rest.join('.')).map((p) => ({ ...p, at: `${head}.${p.at}` }));
}
/**
 * Equal as ARM means it: case-insensitive enums, references by target, arrays as sets; for an
 * object, the keys the IaC sets (Azure adds read-only ones of its own).
 */
function sameValue(iac, live) {
    if (typeof iac === 'object' && iac !== null && !Array.isArray(iac)) {
        const rec = iac;
        const isReference = Object.keys(rec).length === 1 && typeof rec.id === 'string';
        if (!isReference) {
            if (typeof live !== 'object' || live === null || Array.isArray(live))
                return false;
            const other = live;
            return Object.keys(rec).every((k) => rec[k] === undefined || sameValue(rec[k], other[k]));
        }
    }
    return canonical(iac) === canonical(live);
}
function canonical(v) {
    if (v === undefined || v === null)
        return 'null';
    if (typeof v === 'string') {
        const id = v.includes('/providers/') ? (0,core_dist/* parseResourceId */.RQ)(v) : undefined;
        return JSON.stringify(id ? `ref:${id.key}` : v.toLowerCase());
    }
    if (typeof v !== 'object')
        return JSON.stringify(String(v).toLowerCase());
    if (Array.isArray(v))
        return `[${v.map(canonical).sort().join(',')}]`;
    const rec = v;
    // A `{ id }` reference is the resource it names.
    if (typeof rec.id === 'string')
        return canonical(rec.id);
    return `{${Object.keys(rec)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonical(rec[k])}`)
        .join(',')}}`;
}
//# sourceMappingURL=drift.js.map
// EXTERNAL MODULE: ../../node_modules/@azure/arm-network/dist/esm/index.js + 363 modules
var dist_esm = __webpack_require__(6871);
// EXTERNAL MODULE: ../../node_modules/@azure/arm-resourcegraph/dist/esm/index.js + 22 modules
var arm_resourcegraph_dist_esm = __webpack_require__(6259);
// EXTERNAL MODULE: ../../node_modules/@azure-rest/core-client/dist/esm/index.js + 11 modules
var core_client_dist_esm = __webpack_require__(925);
;// CONCATENATED MODULE: ../../packages/azure/dist/inventory/arm-error.js
/**
 * A failed ARM or Resource Graph call, in words: status, ARM error code (from the
 * `{ "error": { "code", "message" } }` envelope) and message. Never includes request headers.
 */
function describeArmError(e) {
    if (typeof e !== 'object' || e === null)
        return String(e);
    const err = e;
    if (err.name === 'AbortError' ||
        err.name === 'TimeoutError' ||
        /timed? ?out|aborted/i.test(err.message ?? ''))
        return `timed out (${firstLine(err.message) || 'no answer'})`;
    const envelope = err.details?.error;
    const code = envelope?.code ?? err.code;
    const message = envelope?.message ?? err.message ?? '';
    const status = err.statusCode ? `HTTP ${err.statusCode}` : 'request failed';
    return `${status}${code ? ` ${code}` : ''}: ${firstLine(message)}`.trim();
}
/** The HTTP status of a failed call, when it got that far. */
function statusOf(e) {
    const s = e?.statusCode;
    return typeof s === 'number' ? s : undefined;
}
function firstLine(text) {
    return (text ?? '').split('\n')[0].slice(0, 300);
}
//# sourceMappingURL=arm-error.js.map
;// CONCATENATED MODULE: ../../packages/azure/dist/inventory/live-resource.js

/**
 * One Resource Graph (or ARM GET) row as a model resource. The row is already ARM-shaped, so the
 * model code that ARM templates go through does the rest: the graph derives inline children
 * (subnets, security rules, routes, peerings) and resolves ID references between resources.
 * Type and full name come from the ID, which keeps ARM's casing and the parent names of children.
 */
function liveResource(row, ctx) {
    if (typeof row !== 'object' || row === null)
        return undefined;
    const r = row;
    if (typeof r.id !== 'string')
        return undefined;
    const parsed = (0,core_dist/* parseResourceId */.RQ)(r.id);
    if (!parsed)
        return undefined;
    const properties = typeof r.properties === 'object' && r.properties !== null && !Array.isArray(r.properties)
        ? r.properties
        : {};
    return {
        type: ctx.canonical(parsed.type) ?? parsed.type,
        name: parsed.name,
        id: r.id,
        ...(r.location !== undefined && { location: r.location }),
        ...(r.kind !== undefined && r.kind !== '' && { kind: r.kind }),
        ...(r.sku !== undefined && r.sku !== null && { sku: r.sku }),
        ...(r.identity !== undefined && r.identity !== null && { identity: r.identity }),
        ...(r.tags !== undefined && r.tags !== null && { tags: r.tags }),
        ...(r.zones !== undefined && r.zones !== null && { zones: r.zones }),
        properties,
        language: 'azure',
        portalUrl: (0,core_dist/* portalUrl */.gn)(r.id, ctx.portal),
        extra: {
            ...(typeof r.subscriptionId === 'string' && { subscriptionId: r.subscriptionId }),
            ...(typeof r.resourceGroup === 'string' && { resourceGroup: r.resourceGroup }),
        },
    };
}
/** The subscription a live resource belongs to (from the row, else its ID). */
function subscriptionOf(resource) {
    const fromRow = resource.extra?.subscriptionId;
    if (typeof fromRow === 'string')
        return fromRow.toLowerCase();
    return (0,core_dist/* parseResourceId */.RQ)(resource.id)?.subscriptionId?.toLowerCase();
}
//# sourceMappingURL=live-resource.js.map
;// CONCATENATED MODULE: ../../packages/azure/dist/inventory/child-collections.js


const COLLECTIONS = [
    {
        childType: 'Microsoft.Insights/diagnosticSettings',
        // An extension resource: it lives on whatever the rule monitors (firewalls, gateways, ...).
        parents: (types) => types.filter((t) => t.split('/').length === 2 && !t.toLowerCase().startsWith('microsoft.insights/')),
        suffix: '/providers/Microsoft.Insights/diagnosticSettings',
        apiVersion: '2021-05-01-preview',
        shape: 'list',
    },
    {
        childType: 'Microsoft.Web/sites/config',
        parents: () => ['Microsoft.Web/sites'],
        suffix: '/config/web',
        apiVersion: '2023-12-01',
        shape: 'single',
    },
    {
        childType: 'Microsoft.Web/sites/slots/config',
        parents: () => ['Microsoft.Web/sites/slots'],
        suffix: '/config/web',
        apiVersion: '2023-12-01',
        shape: 'single',
    },
    {
        childType: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
        parents: () => ['Microsoft.Network/privateEndpoints'],
        suffix: '/privateDnsZoneGroups',
        apiVersion: '2024-05-01',
        shape: 'list',
    },
];
/** Which parent types to read which collections under, for these rules. */
function collectionPlan(rules) {
    const plan = new Map();
    for (const c of COLLECTIONS) {
        const readers = rules.filter((r) => r.meta.resourceTypes.some((t) => t.toLowerCase() === c.childType.toLowerCase()));
        if (!readers.length)
            continue;
        const parents = new Set(c.parents(readers.flatMap((r) => r.meta.resourceTypes)).map((t) => t.toLowerCase()));
        for (const p of parents)
            plan.set(p, [...(plan.get(p) ?? []), c]);
    }
    return plan;
}
/** Parent types whose children the plan reads: also queried from Resource Graph. */
function planParentTypes(plan) {
    return [...plan.keys()];
}
async function readChildCollections(arm, resources, plan, live, options = {}) {
    const out = [];
    const failures = [];
    const work = [];
    for (const r of resources)
        for (const c of plan.get(r.type.toLowerCase()) ?? [])
            work.push({ parent: r, c });
    const readOne = async ({ parent, c }) => {
        let url = `${parent.id}${c.suffix}`;
        let query = { 'api-version': c.apiVersion };
        try {
            while (url) {
                const response = await arm.pathUnchecked(url).get({
                    ...(query ? { queryParameters: query } : {}),
                    ...(options.requestTimeoutMs ? { timeout: options.requestTimeoutMs } : {}),
                });
                const status = Number(response.status);
                if (status === 404 && c.shape === 'single')
                    return; // never configured: nothing to read
                if (status !== 200) {
                    failures.push({
                        resourceId: parent.id,
                        reason: describeArmError(restError(status, response.body)),
                    });
                    return;
                }
                const body = response.body;
                const rows = c.shape === 'list' ? (Array.isArray(body?.value) ? body.value : []) : [body];
                for (const row of rows) {
                    const r = liveResource(row, live);
                    if (r)
                        out.push(r);
                }
                // nextLink is absolute and carries its own api-version.
                url = c.shape === 'list' && body?.nextLink ? body.nextLink : undefined;
                query = undefined;
            }
        }
        catch (e) {
            failures.push({ resourceId: parent.id, reason: describeArmError(e) });
        }
    };
    const queue = [...work];
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 8) }, async () => {
        for (let item = queue.shift(); item; item = queue.shift())
            await readOne(item);
    }));
    return { resources: out, failures };
}
function restError(status, body) {
    const envelope = body?.error;
    return {
        statusCode: status,
        details: envelope ? { error: envelope } : undefined,
        message: envelope?.message,
    };
}
/** Child types read by this module (not to be reported as possibly missing). */
function collectedChildTypes() {
    return new Set(COLLECTIONS.map((c) => c.childType.toLowerCase()));
}
//# sourceMappingURL=child-collections.js.map
;// CONCATENATED MODULE: ../../packages/azure/dist/inventory/query.js
/**
 * The Resource Graph queries. Rows keep ARM's REST shape (`properties` as ARM returns them), so the
 * model needs no translation. `id` is projected first: ARG needs it to page in a stable order.
 */
function inventoryQuery(types) {
    const list = types.map((t) => `'${t.replace(/'/g, '')}'`).join(', ');
    return [
        'resources',
        `| where type in~ (${list})`,
        '| project id, name, type, location, kind, sku, identity, tags, zones, properties, subscriptionId, resourceGroup',
    ].join('\n');
}
/** The subscriptions a scope holds and the caller can see: what "readable" means before reading. */
const SUBSCRIPTIONS_QUERY = [
    'resourcecontainers',
    "| where type =~ 'microsoft.resources/subscriptions'",
    '| project id, subscriptionId, name',
].join('\n');
//# sourceMappingURL=query.js.map
;// CONCATENATED MODULE: ../../packages/azure/dist/inventory/resource-graph.js
const MAX_PAGE = 1000;
/**
 * Runs one query and yields its pages as they arrive, following `$skipToken`. Only one page is
 * held at a time, so an estate of any size streams into the model without a second copy. 429 and
 * 5xx are retried by the SDK's pipeline (honouring Retry-After); when Resource Graph says the
 * caller's quota is spent (`x-ms-user-quota-remaining: 0`), the next page waits
 * `x-ms-user-quota-resets-after` instead of provoking a 429.
 */
async function* queryPages(client, query, scope, options = {}) {
    const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    let skipToken;
    let waitMs = 0;
    do {
        if (waitMs > 0)
            await sleep(waitMs);
        const response = await client.resources({
            query,
            ...(scope.subscriptions ? { subscriptions: [...scope.subscriptions] } : {}),
            ...(scope.managementGroups ? { managementGroups: [...scope.managementGroups] } : {}),
            options: {
                resultFormat: 'objectArray',
                top: Math.min(options.pageSize ?? MAX_PAGE, MAX_PAGE),
                ...(skipToken ? { skipToken } : {}),
            },
        }, {
            ...(options.requestTimeoutMs ? { requestOptions: { timeout: options.requestTimeoutMs } } : {}),
            onResponse: (raw) => {
                waitMs = quotaWaitMs(raw.headers.get('x-ms-user-quota-remaining'), raw.headers.get('x-ms-user-quota-resets-after'));
                if (raw.headers.get('x-ms-tenant-subscription-limit-hit')?.toLowerCase() === 'true')
                    options.onIncomplete?.('Resource Graph answered for the first 10,000 subscriptions of the scope only');
            },
        });
        if (String(response.resultTruncated).toLowerCase() === 'true')
            options.onIncomplete?.('Resource Graph truncated the result');
        const rows = Array.isArray(response.data) ? response.data : [];
        options.onPage?.(rows.length);
        yield rows;
        skipToken = response.skipToken || undefined;
    } while (skipToken);
}
/** `x-ms-user-quota-resets-after` is `hh:mm:ss`; wait only when no query is left in the window. */
function quotaWaitMs(remaining, resetsAfter) {
    if (remaining === undefined || Number(remaining) > 0 || !resetsAfter)
        return 0;
    const m = /^(\d+):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec(resetsAfter.trim());
    if (!m)
        return 0;
    const ms = ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000;
    return Math.min(ms, 60_000);
}
//# sourceMappingURL=resource-graph.js.map
;// CONCATENATED MODULE: ../../packages/azure/dist/inventory/estate.js




/**
 * Reads the network and PaaS resources of a scope with one paged Resource Graph query (per batch
 * of subscriptions). A subscription that cannot be read must not sink the others, and must not
 * vanish: the subscriptions the identity can see are listed first (a subscription it cannot see,
 * or that does not exist, is reported as such); a batch whose query fails is retracted and re-read
 * subscription by subscription, so the failure lands on the one that caused it.
 */
async function readEstate(client, scope, options) {
    const resources = [];
    const statuses = new Map();
    const scopeFailures = [];
    let pages = 0;
    const incomplete = new Set();
    const paging = {
        ...options,
        onPage: (n) => {
            pages++;
            options.onPage?.(n);
        },
        onIncomplete: (why) => incomplete.add(why),
    };
    const batchSize = Math.max(1, options.batchSize ?? 250);
    const query = inventoryQuery(options.types);
    // 1. Which subscriptions are there, and visible?
    const graphScope = scope.managementGroup
        ? { managementGroups: [scope.managementGroup] }
        : { subscriptions: scope.subscriptions ?? [] };
    const visible = new Map();
    let listed = true;
    // Listed in batches too: a request naming thousands of subscriptions would be refused whole.
    const listingScopes = scope.managementGroup
        ? [graphScope]
        : chunks(scope.subscriptions ?? [], batchSize).map((s) => ({ subscriptions: s }));
    try {
        for (const listingScope of listingScopes)
            for await (const rows of queryPages(client, SUBSCRIPTIONS_QUERY, listingScope, paging))
                for (const row of rows) {
                    const r = row;
                    if (typeof r.subscriptionId === 'string')
                        visible.set(r.subscriptionId.toLowerCase(), typeof r.name === 'string' ? r.name : undefined);
                }
    }
    catch (e) {
        listed = false;
        if (scope.managementGroup) {
            scopeFailures.push(`management group '${scope.managementGroup}' cannot be read: ${describeArmError(e)}`);
            return { resources, subscriptions: [], scopeFailures, partial: true, pages };
        }
    }
    const wanted = scope.managementGroup
        ? [...visible.keys()]
        : (scope.subscriptions ?? []).map((s) => s.toLowerCase());
    const readable = [];
    for (const id of wanted) {
        if (listed && !visible.has(id))
            statuses.set(id, {
                subscriptionId: id,
                status: 'failed',
                reason: 'not visible to this identity: the subscription does not exist, or the identity has no role on it (give it Reader)',
                resources: 0,
            });
        else
            readable.push(id);
    }
    // 2. One paged query per batch; a failed batch is retracted and re-read one subscription at a time.
    const counts = new Map();
    const drain = async (s) => {
        for await (const rows of queryPages(client, query, s, paging))
            for (const row of rows) {
                const r = liveResource(row, options.live);
                if (!r)
                    continue;
                resources.push(r);
                const sub = subscriptionOf(r);
                if (sub)
                    counts.set(sub, (counts.get(sub) ?? 0) + 1);
            }
    };
    const retract = (mark) => {
        for (let i = mark; i < resources.length; i++) {
            const sub = subscriptionOf(resources[i]);
            if (sub)
                counts.set(sub, (counts.get(sub) ?? 1) - 1);
        }
        resources.length = mark;
    };
    const failed = new Map();
    // A management group is read in one query; given subscriptions in batches.
    const batches = scope.managementGroup ? [[]] : chunks(readable, batchSize);
    for (const batch of batches) {
        const mark = resources.length;
        const batchScope = batch.length ? { subscriptions: batch } : graphScope;
        try {
            await drain(batchScope);
        }
        catch (e) {
            retract(mark);
            const members = batch.length ? batch : readable;
            if (members.length === 1) {
                failed.set(members[0], describeArmError(e));
                continue;
            }
            for (const sub of members) {
                const subMark = resources.length;
                try {
                    await drain({ subscriptions: [sub] });
                }
                catch (inner) {
                    retract(subMark);
                    failed.set(sub, describeArmError(inner));
                }
            }
        }
    }
    for (const id of readable)
        statuses.set(id, {
            subscriptionId: id,
            ...(visible.get(id) ? { name: visible.get(id) } : {}),
            status: failed.has(id) ? 'failed' : 'read',
            ...(failed.has(id) ? { reason: failed.get(id) } : {}),
            resources: failed.has(id) ? 0 : (counts.get(id) ?? 0),
        });
    const subscriptions = wanted.map((id) => statuses.get(id));
    for (const why of incomplete)
        scopeFailures.push(why);
    const partial = scopeFailures.length > 0 || subscriptions.some((s) => s.status === 'failed');
    return { resources, subscriptions, scopeFailures, partial, pages };
}
function chunks(items, size) {
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}
//# sourceMappingURL=estate.js.map
;// CONCATENATED MODULE: ../../packages/azure/dist/inventory/firewall-policies.js



/**
 * Rule collection groups are resources of their own under a firewall policy, and Resource Graph
 * does not return their rules: they are listed through the Network API. The SDK flattens what it
 * returns; the model wants ARM's REST shape, so the raw page bodies are taken as they arrived.
 */
async function readRuleCollectionGroups(networkFor, policies, live, requestTimeoutMs) {
    const resources = [];
    const failures = [];
    for (const policy of policies) {
        const id = (0,core_dist/* parseResourceId */.RQ)(policy.id);
        if (!id?.subscriptionId || !id.resourceGroup)
            continue;
        const client = networkFor(id.subscriptionId);
        try {
            const raw = [];
            const pager = client.firewallPolicyRuleCollectionGroups.list(id.resourceGroup, id.name, {
                ...(requestTimeoutMs ? { requestOptions: { timeout: requestTimeoutMs } } : {}),
                onResponse: (response) => {
                    const body = response.parsedBody;
                    if (Array.isArray(body?.value))
                        raw.push(...body.value);
                },
            });
            for await (const _page of pager.byPage()) {
                // Pages are taken raw in onResponse; iterating drives the paging.
            }
            for (const row of raw) {
                const r = liveResource(row, live);
                if (r)
                    resources.push(r);
            }
        }
        catch (e) {
            failures.push({ resourceId: policy.id, reason: describeArmError(e) });
        }
    }
    return { resources, failures };
}
//# sourceMappingURL=firewall-policies.js.map
;// CONCATENATED MODULE: ../../packages/azure/dist/inventory/inline-children.js

/**
 * ARM returns subnets, security rules, routes and peerings inline in their parent, each with its
 * own real ID. The graph would derive them as children anyway, but a derived child knows neither
 * its live ID's portal link nor anything live about itself; declaring them here, from the same
 * inline items (the same objects: nothing is copied), gives findings on a subnet a portal link.
 * The graph then sees separately declared children and keeps the parent's array as it is.
 */
function declareInlineChildren(parents, portal) {
    const out = [];
    for (const parent of parents) {
        for (const kind of (0,core_dist/* inlineKindsOf */.aj)(parent.type)) {
            const items = parent.properties[kind.property];
            if (!Array.isArray(items))
                continue;
            for (const item of items) {
                if (typeof item !== 'object' || item === null)
                    continue;
                const { id, name, properties } = item;
                if (typeof id !== 'string' || typeof name !== 'string' || !(0,core_dist/* parseResourceId */.RQ)(id))
                    continue;
                out.push({
                    type: kind.childType,
                    name: `${parent.name}/${name}`,
                    id,
                    properties: typeof properties === 'object' && properties !== null
                        ? properties
                        : {},
                    language: 'azure',
                    portalUrl: (0,core_dist/* portalUrl */.gn)(id, portal),
                    ...(parent.extra ? { extra: parent.extra } : {}),
                });
            }
        }
    }
    return out;
}
//# sourceMappingURL=inline-children.js.map
;// CONCATENATED MODULE: ../../packages/azure/dist/inventory/types.js
/**
 * Types the network analysis reads beyond those the rules name in their metadata: what NICs,
 * scale sets, load balancers, route tables and friends contribute to reachability.
 */
const ANALYSIS_TYPES = [
    'Microsoft.Network/networkInterfaces',
    'Microsoft.Compute/virtualMachines',
    'Microsoft.Compute/virtualMachineScaleSets',
    'Microsoft.Network/loadBalancers',
    'Microsoft.Network/routeTables',
    'Microsoft.Network/applicationSecurityGroups',
    'Microsoft.Network/applicationGateways',
    'Microsoft.Network/azureFirewalls',
    'Microsoft.Network/firewallPolicies',
    'Microsoft.Network/bastionHosts',
    'Microsoft.Network/publicIPAddresses',
    'Microsoft.Network/privateEndpoints',
    'Microsoft.Network/natGateways',
    'Microsoft.Network/virtualNetworkGateways',
    'Microsoft.Network/virtualNetworks',
    'Microsoft.Network/networkSecurityGroups',
];
/** Children ARM returns inline in the parent's properties; the graph turns them into resources. */
const INLINE_CHILDREN = new Set([
    'Microsoft.Network/virtualNetworks/subnets',
    'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
    'Microsoft.Network/networkSecurityGroups/securityRules',
    'Microsoft.Network/routeTables/routes',
].map((t) => t.toLowerCase()));
/** Children read separately through @azure/arm-network (see firewall-policies.ts). */
const DETAIL_CHILDREN = new Set(['microsoft.network/firewallpolicies/rulecollectiongroups']);
function inventoryTypes(rules) {
    const canonical = new Map();
    for (const t of [...ANALYSIS_TYPES, ...rules.flatMap((r) => r.meta.resourceTypes)])
        if (!canonical.has(t.toLowerCase()))
            canonical.set(t.toLowerCase(), t);
    const queried = [];
    const maybeMissing = [];
    for (const [lower, spelled] of canonical) {
        if (INLINE_CHILDREN.has(lower) || DETAIL_CHILDREN.has(lower))
            continue;
        queried.push(lower);
        if (lower.split('/').length > 2)
            maybeMissing.push(spelled);
    }
    queried.sort();
    maybeMissing.sort();
    return { queried, canonical: (t) => canonical.get(t.toLowerCase()), maybeMissing };
}
//# sourceMappingURL=types.js.map
;// CONCATENATED MODULE: ../../packages/azure/dist/live-estate.js










/**
 * Everything live the rules can read, as one graph: Resource Graph rows, their inline children
 * declared with their real IDs, firewall rule collection groups and the child collections the
 * given rules need. Rows become model resources as pages arrive; the graph is built once, at the end.
 */
async function readLiveEstate(options, rules) {
    const clientOptions = armClientOptions({ ...options, cloud: options.cloud });
    const argClient = new arm_resourcegraph_dist_esm/* ResourceGraphClient */.OO(options.credential, clientOptions);
    const networkClients = new Map();
    const networkFor = (subscriptionId) => {
        let c = networkClients.get(subscriptionId);
        if (!c) {
            c = new dist_esm/* NetworkManagementClient */.D76(options.credential, subscriptionId, clientOptions);
            networkClients.set(subscriptionId, c);
        }
        return c;
    };
    const types = inventoryTypes(rules);
    const plan = collectionPlan(rules);
    const live = { canonical: types.canonical, portal: options.cloud.portal };
    let rows = 0;
    const queried = [...new Set([...types.queried, ...plan.keys()])].sort();
    const { resources, ...estate } = await readEstate(argClient, options.scope, {
        types: queried,
        live,
        ...(options.pageSize ? { pageSize: options.pageSize } : {}),
        ...(options.batchSize ? { batchSize: options.batchSize } : {}),
        ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
        onPage: (n) => {
            rows += n;
            options.onProgress?.(`Resource Graph: ${rows} rows`);
        },
    });
    const policies = resources.filter((r) => r.type.toLowerCase() === 'microsoft.network/firewallpolicies');
    const groups = await readRuleCollectionGroups(networkFor, policies, live, options.requestTimeoutMs);
    const children = await readChildCollections((0,core_client_dist_esm/* getClient */.KU)(options.cloud.armEndpoint, options.credential, clientOptions), resources, plan, live, { requestTimeoutMs: options.requestTimeoutMs });
    for (const r of declareInlineChildren(resources, options.cloud.portal))
        resources.push(r);
    for (const r of groups.resources)
        resources.push(r);
    for (const r of children.resources)
        resources.push(r);
    const covered = collectedChildTypes();
    return {
        graph: new core_dist/* ResourceGraph */.pX(resources),
        estate,
        detailFailures: [...groups.failures, ...children.failures],
        typesMaybeMissing: types.maybeMissing.filter((t) => !covered.has(t.toLowerCase())),
        networkFor,
    };
}
//# sourceMappingURL=live-estate.js.map
;// CONCATENATED MODULE: ../../packages/azure/dist/cli/io.js
/** Exit codes, as in docs/cli.md: 0 clean, 1 findings at or above --fail-on, 2 usage or I/O error. */
const EXIT = { ok: 0, findings: 1, error: 2 };
/** A problem with how the command was called: one line on stderr, exit 2. */
class CommandError extends Error {
}
//# sourceMappingURL=io.js.map
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ../../packages/azure/dist/cloud.js
const CLOUDS = {
    AzurePublicCloud: {
        name: 'AzurePublicCloud',
        armEndpoint: 'https://management.azure.com',
        authorityHost: 'https://login.microsoftonline.com',
        armScope: 'https://management.azure.com/.default',
        portal: 'https://portal.azure.com',
    },
    AzureUSGovernment: {
        name: 'AzureUSGovernment',
        armEndpoint: 'https://management.usgovcloudapi.net',
        authorityHost: 'https://login.microsoftonline.us',
        armScope: 'https://management.usgovcloudapi.net/.default',
        portal: 'https://portal.azure.us',
    },
    AzureChinaCloud: {
        name: 'AzureChinaCloud',
        armEndpoint: 'https://management.chinacloudapi.cn',
        authorityHost: 'https://login.chinacloudapi.cn',
        armScope: 'https://management.chinacloudapi.cn/.default',
        portal: 'https://portal.azure.cn',
    },
};
/**
 * The names people already use for the same clouds: Azure CLI (`AzureCloud`), the Go SDK and
 * Terraform (`AzureUSGovernmentCloud`, `AZURE_ENVIRONMENT`), PowerShell (`AzureUSGovernment`).
 */
const ALIASES = {
    azurepubliccloud: 'AzurePublicCloud',
    azurecloud: 'AzurePublicCloud',
    public: 'AzurePublicCloud',
    azureusgovernment: 'AzureUSGovernment',
    azureusgovernmentcloud: 'AzureUSGovernment',
    usgovernment: 'AzureUSGovernment',
    usgov: 'AzureUSGovernment',
    azurechinacloud: 'AzureChinaCloud',
    china: 'AzureChinaCloud',
};
function resolveCloud(selection, env = process.env) {
    const requested = selection.cloud || env.AZURE_ENVIRONMENT || 'AzurePublicCloud';
    const name = ALIASES[requested.toLowerCase()];
    if (!name)
        return {
            ok: false,
            reason: `unknown cloud '${requested}': use AzurePublicCloud, AzureUSGovernment or AzureChinaCloud, or --arm-endpoint for another ARM endpoint`,
        };
    const base = CLOUDS[name];
    // AZURE_AUTHORITY_HOST is honoured by @azure/identity as well; reading it here keeps both in step.
    const authorityHost = trimSlash(env.AZURE_AUTHORITY_HOST || base.authorityHost);
    const endpointRaw = selection.armEndpoint || env.AZURE_RESOURCE_MANAGER_ENDPOINT;
    if (!endpointRaw)
        return {
            ok: true,
            cloud: { ...base, authorityHost, ...(selection.portal ? { portal: trimSlash(selection.portal) } : {}) },
        };
    let endpoint;
    try {
        endpoint = new URL(endpointRaw);
    }
    catch {
        return { ok: false, reason: `--arm-endpoint '${endpointRaw}' is not a URL` };
    }
    if (endpoint.protocol !== 'https:')
        return {
            ok: false,
            reason: `--arm-endpoint must be https (tokens are sent to it), not ${endpoint.protocol}`,
        };
    const armEndpoint = trimSlash(endpoint.toString());
    const audience = trimSlash(selection.armAudience || armEndpoint);
    return {
        ok: true,
        cloud: {
            name: 'custom',
            armEndpoint,
            authorityHost,
            armScope: `${audience}/.default`,
            portal: trimSlash(selection.portal || base.portal),
        },
    };
}
function knownClouds() {
    return Object.keys(CLOUDS);
}
function trimSlash(url) {
    return url.replace(/\/+$/, '');
}
//# sourceMappingURL=cloud.js.map
;// CONCATENATED MODULE: ../../packages/azure/dist/cli/options.js





const FORMATS = ['table', 'json', 'sarif', 'markdown'];
/** Flags `posture` and `drift` share: where Azure is and what to read. */
const LIVE_FLAGS = {
    subscription: { type: 'string', multiple: true },
    'management-group': { type: 'string' },
    cloud: { type: 'string' },
    'arm-endpoint': { type: 'string' },
    'arm-audience': { type: 'string' },
    portal: { type: 'string' },
    'ca-file': { type: 'string' },
    timeout: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    'fail-on': { type: 'string' },
    config: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
};
function parse(argv, options) {
    try {
        return (0,external_node_util_.parseArgs)({ args: [...argv], options, allowPositionals: false, strict: true });
    }
    catch (e) {
        throw new CommandError(e.message);
    }
}
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function liveTarget(values, env) {
    const subscriptions = (values.subscription ?? [])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter(Boolean);
    const group = values['management-group']?.trim();
    if (!subscriptions.length && !group)
        throw new CommandError('give --subscription ID (repeatable) or --management-group ID');
    if (subscriptions.length && group)
        throw new CommandError('give --subscription or --management-group, not both');
    for (const s of subscriptions)
        if (!GUID.test(s))
            throw new CommandError(`--subscription '${s}' is not a subscription ID (a GUID)`);
    const cloud = resolveCloud({
        ...(values.cloud ? { cloud: values.cloud } : {}),
        ...(values['arm-endpoint'] ? { armEndpoint: values['arm-endpoint'] } : {}),
        ...(values['arm-audience'] ? { armAudience: values['arm-audience'] } : {}),
        ...(values.portal ? { portal: values.portal } : {}),
    }, env);
    if (!cloud.ok)
        throw new CommandError(cloud.reason);
    let ca;
    if (values['ca-file']) {
        try {
            ca = (0,external_node_fs_.readFileSync)(values['ca-file'], 'utf8');
        }
        catch {
            throw new CommandError(`--ca-file '${values['ca-file']}' cannot be read`);
        }
    }
    let requestTimeoutMs;
    if (values.timeout !== undefined) {
        const seconds = Number(values.timeout);
        if (!(seconds > 0))
            throw new CommandError(`--timeout must be a number of seconds, not '${values.timeout}'`);
        requestTimeoutMs = seconds * 1000;
    }
    return {
        scope: group ? { managementGroup: group } : { subscriptions },
        cloud: cloud.cloud,
        ...(ca ? { ca } : {}),
        ...(requestTimeoutMs ? { requestTimeoutMs } : {}),
    };
}
function parseFormat(value) {
    const v = value ?? 'table';
    if (!FORMATS.includes(v))
        throw new CommandError(`--format must be one of ${FORMATS.join(', ')}`);
    return v;
}
function parseFailOn(value) {
    if (value === undefined)
        return undefined;
    const v = value.toLowerCase();
    if (v === 'none' || core_dist/* SEVERITIES */.oC.includes(v))
        return v;
    throw new CommandError(`--fail-on must be one of ${core_dist/* SEVERITIES */.oC.join(', ')}, none`);
}
//# sourceMappingURL=options.js.map
// EXTERNAL MODULE: ../../packages/config/dist/index.js + 10 modules
var config_dist = __webpack_require__(6533);
// EXTERNAL MODULE: ../../packages/analysis/dist/index.js + 24 modules
var analysis_dist = __webpack_require__(6381);
;// CONCATENATED MODULE: ../../packages/azure/dist/verify/azure-effective.js
/**
 * Azure's own answer, read from the effective security rules and effective routes of a NIC (the
 * REST shapes of `.../networkInterfaces/{nic}/effectiveNetworkSecurityGroups` and
 * `.../effectiveRouteTable`). Used only to cross-check ztkit's static evaluation, so it answers
 * narrow questions: does inbound TCP from an Internet address reach this NIC on port P; where does
 * the default route send traffic.
 */
/** Inbound TCP from `source` to `destination` on `port`: every NSG layer must allow it. */
function azureInboundDecision(body, source, destination, port) {
    const layers = body?.value;
    const decidedBy = [];
    if (!Array.isArray(layers))
        return { allowed: true, decidedBy };
    for (const layer of layers) {
        const rules = (layer.effectiveSecurityRules ??
            []);
        const inbound = rules
            .filter((r) => (r.direction ?? '').toLowerCase() === 'inbound')
            .sort((a, b) => (a.priority ?? 65535) - (b.priority ?? 65535));
        const hit = inbound.find((r) => protocolMatchesTcp(r.protocol) &&
            portMatches(r, port) &&
            addressMatches(r.sourceAddressPrefix, r.sourceAddressPrefixes, r.expandedSourceAddressPrefix, source, true) &&
            addressMatches(r.destinationAddressPrefix, r.destinationAddressPrefixes, r.expandedDestinationAddressPrefix, destination, false));
        // Azure's default rules end with DenyAllInBound; a layer without a match denies too.
        decidedBy.push(hit?.name ?? '(no matching rule)');
        if (!hit || (hit.access ?? '').toLowerCase() !== 'allow')
            return { allowed: false, decidedBy };
    }
    return { allowed: true, decidedBy };
}
/** The active route for 0.0.0.0/0 (there is always one: the system route to the Internet, or a UDR). */
function azureDefaultRoute(body) {
    const routes = body?.value;
    if (!Array.isArray(routes))
        return undefined;
    for (const r of routes) {
        if ((r.state ?? '').toLowerCase() !== 'active')
            continue;
        if (!r.addressPrefix?.includes('0.0.0.0/0'))
            continue;
        return {
            nextHopType: r.nextHopType ?? 'None',
            ...(r.nextHopIpAddress?.[0] ? { nextHopIpAddress: r.nextHopIpAddress[0] } : {}),
        };
    }
    return undefined;
}
function protocolMatchesTcp(protocol) {
    const p = (protocol ?? 'All').toLowerCase();
    return p === 'all' || p === '*' || p === 'tcp';
}
function portMatches(rule, port) {
    const ranges = [
        ...(rule.destinationPortRanges ?? []),
        ...(rule.destinationPortRange ? [rule.destinationPortRange] : []),
    ];
    return ranges.some((range) => {
        if (range === '*')
            return true;
        const [lo, hi] = range.split('-').map((s) => Number(s.trim()));
        return lo !== undefined && port >= lo && port <= (hi ?? lo);
    });
}
function addressMatches(prefix, prefixes, expanded, address, isInternetSide) {
    const all = [...(prefixes ?? []), ...(prefix ? [prefix] : [])];
    for (const p of all) {
        const v = p.toLowerCase();
        if (v === '*' || v === '0.0.0.0/0')
            return true;
        if (isInternetSide && v === 'internet')
            return true;
        if (!isInternetSide && v === 'virtualnetwork')
            return true;
        if (address && cidrContains(p, address))
            return true;
    }
    return !!address && (expanded ?? []).some((p) => cidrContains(p, address));
}
function cidrContains(cidr, address) {
    const [base, bitsText] = cidr.split('/');
    const a = ipv4(address);
    const b = ipv4(base ?? '');
    if (a === undefined || b === undefined)
        return false;
    const bits = bitsText === undefined ? 32 : Number(bitsText);
    if (!(bits >= 0 && bits <= 32))
        return false;
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    return (a & mask) >>> 0 === (b & mask) >>> 0;
}
function ipv4(text) {
    const parts = text.split('.');
    if (parts.length !== 4)
        return undefined;
    let n = 0;
    for (const part of parts) {
        const v = Number(part);
        if (!/^\d{1,3}$/.test(part) || v > 255)
            return undefined;
        n = n * 256 + v;
    }
    return n >>> 0;
}
//# sourceMappingURL=azure-effective.js.map
;// CONCATENATED MODULE: ../../packages/azure/dist/verify/verify.js




const DEFAULT_PORTS = [22, 3389, 80, 443, 1433, 3306, 5432, 445];
/** A public address standing for "the Internet" on both sides of the comparison. */
const INTERNET_SAMPLE = '8.8.8.8';
/**
 * Cross-checks ztkit's static evaluation with Azure's ground truth for NICs: for each probed port,
 * does inbound TCP from the Internet reach the NIC, and where does its default route lead. A
 * disagreement means either the model misses something Azure applies (an admin rule, an NSG ztkit
 * did not read) or ztkit's evaluation is wrong; either is worth a look. Ports where ztkit cannot
 * tell (uncertain) are not compared.
 */
async function verifyEffective(graph, networkFor, options = {}) {
    const net = (0,analysis_dist/* analyseNetwork */.Mf)(graph);
    const nics = net.nics.nics.filter((n) => n.kind === 'nic');
    const limit = options.maxNics ?? 100;
    const chosen = nics.slice(0, limit);
    const ports = options.ports ?? DEFAULT_PORTS;
    const sample = analysis_dist/* AddressSet */.dy.ofPrefixes([`${INTERNET_SAMPLE}/32`]);
    const disagreements = [];
    const failures = [];
    let comparisons = 0;
    const lro = {
        updateIntervalInMs: options.pollIntervalMs ?? 2000,
        ...(options.requestTimeoutMs ? { requestOptions: { timeout: options.requestTimeoutMs } } : {}),
    };
    const checkNic = async (nic) => {
        const id = (0,core_dist/* parseResourceId */.RQ)(nic.resource.id);
        if (!id?.subscriptionId || !id.resourceGroup)
            return;
        const client = networkFor(id.subscriptionId);
        const privateIp = firstPrivateIp(nic);
        try {
            const effective = await client.networkInterfaces.listEffectiveNetworkSecurityGroups(id.resourceGroup, id.name, lro);
            const inbound = net.effectiveInbound(nic, sample);
            for (const port of ports) {
                const region = inbound.allowed.filter((t) => t.protocols & analysis_dist/* Protocol */.Zs.Tcp && t.ports.has(BigInt(port)));
                if (region.some((t) => t.uncertain))
                    continue;
                const ours = region.length > 0;
                const azure = azureInboundDecision(effective, INTERNET_SAMPLE, privateIp, port);
                comparisons++;
                if (azure.allowed !== ours)
                    disagreements.push({
                        resourceId: nic.resource.id,
                        name: nic.name,
                        what: 'inbound',
                        detail: `tcp/${port} from the Internet`,
                        azure: `${azure.allowed ? 'allowed' : 'denied'} (${azure.decidedBy.join(' then ')})`,
                        ztkit: ours ? 'allowed' : 'denied',
                    });
            }
        }
        catch (e) {
            failures.push({ resourceId: nic.resource.id, what: 'security rules', reason: describeArmError(e) });
        }
        const subnet = nic.ipConfigs.find((c) => c.subnet)?.subnet;
        if (!subnet)
            return;
        try {
            const routes = await client.networkInterfaces.getEffectiveRouteTable(id.resourceGroup, id.name, lro);
            const azure = azureDefaultRoute(routes);
            const ours = net.routing.routeTowards(subnet, analysis_dist/* AddressSet */.dy.ofPrefixes(['0.0.0.0/0']));
            if (!azure)
                return;
            comparisons++;
            const ourHop = ours.route?.nextHopIpAddress;
            const same = azure.nextHopType.toLowerCase() === ours.nextHopType.toLowerCase() &&
                (azure.nextHopType.toLowerCase() !== 'virtualappliance' ||
                    !ourHop ||
                    ourHop === azure.nextHopIpAddress);
            if (!same)
                disagreements.push({
                    resourceId: nic.resource.id,
                    name: nic.name,
                    what: 'default-route',
                    detail: '0.0.0.0/0',
                    azure: `${azure.nextHopType}${azure.nextHopIpAddress ? ` ${azure.nextHopIpAddress}` : ''}`,
                    ztkit: `${ours.nextHopType}${ourHop ? ` ${ourHop}` : ''} (${ours.why})`,
                });
        }
        catch (e) {
            failures.push({ resourceId: nic.resource.id, what: 'routes', reason: describeArmError(e) });
        }
    };
    const queue = [...chosen];
    const workers = Array.from({ length: Math.max(1, options.concurrency ?? 4) }, async () => {
        for (let nic = queue.shift(); nic; nic = queue.shift())
            await checkNic(nic);
    });
    await Promise.all(workers);
    return {
        nicsChecked: chosen.length,
        nicsSkipped: nics.length - chosen.length,
        comparisons,
        disagreements,
        failures,
    };
}
function firstPrivateIp(nic) {
    for (const c of nic.ipConfigs)
        if (c.privateIp)
            return c.privateIp;
    const configs = (nic.resource.properties.ipConfigurations ?? []);
    for (const c of Array.isArray(configs) ? configs : [])
        if (typeof c.properties?.privateIPAddress === 'string')
            return c.properties.privateIPAddress;
    return undefined;
}
//# sourceMappingURL=verify.js.map
;// CONCATENATED MODULE: ../../packages/azure/dist/posture.js





/**
 * Live posture: the estate read from Resource Graph (+ firewall rule collection groups from the
 * Network API) becomes a ResourceGraph of `language: 'azure'` resources, and the very rules and
 * config of an IaC scan run over it. Findings carry the resource ID and portal link (live resources
 * have no file). Unreadable parts become error diagnostics and mark the result partial.
 */
async function runPosture(options) {
    const started = performance.now();
    const loaded = (0,config_dist/* loadConfig */.Z9)(options.cwd, options.configFile);
    if (!loaded.ok)
        throw new dist/* ConfigInvalidError */.mc(loaded.errors);
    const selection = (0,config_dist/* selectRules */.uE)((0,dist/* defaultRules */.Z4)(), loaded.loaded);
    const rules = options.select ? selection.rules.filter(options.select) : selection.rules;
    const read = await readLiveEstate(options, rules);
    const { graph, estate } = read;
    const detail = { failures: read.detailFailures };
    const run = (0,core_dist/* runRules */.xG)(graph, rules, {
        cwd: options.cwd,
        ruleOptions: selection.ruleOptions,
        global: selection.globalOptions,
    });
    const findings = (0,config_dist/* applyPolicy */.VC)({
        findings: run.findings,
        inline: [],
        configSuppressions: loaded.loaded.config.suppressions,
        ...(loaded.loaded.file ? { configFile: loaded.loaded.file } : {}),
        ...(options.today ? { today: options.today } : {}),
    }).sort(dist/* compareFindings */.Eg);
    const verifyOptions = options.verify === true ? {} : options.verify || undefined;
    const verification = verifyOptions
        ? await verifyEffective(graph, read.networkFor, {
            ...verifyOptions,
            requestTimeoutMs: options.requestTimeoutMs,
        })
        : undefined;
    const diagnostics = [
        ...estate.scopeFailures.map((m) => ({
            severity: 'error',
            code: 'azure-scope-unreadable',
            message: m,
        })),
        ...estate.subscriptions
            .filter((s) => s.status === 'failed')
            .map((s) => ({
            severity: 'error',
            code: 'azure-subscription-unreadable',
            message: `subscription ${s.subscriptionId}${s.name ? ` (${s.name})` : ''} was not read: ${s.reason}`,
        })),
        ...detail.failures.map((f) => ({
            severity: 'warning',
            code: 'azure-detail-unreadable',
            message: `child resources of ${f.resourceId} (rule collection groups, diagnostic settings, config) were not read: ${f.reason}`,
        })),
        ...(verification?.failures ?? []).map((f) => ({
            severity: 'warning',
            code: 'azure-verify-unreadable',
            message: `effective ${f.what} of ${f.resourceId} were not read: ${f.reason}`,
        })),
    ];
    const partial = estate.partial || detail.failures.length > 0;
    return {
        version: 1,
        files: [],
        findings,
        diagnostics,
        ruleErrors: run.errors,
        graph,
        graphs: new Map([['azure', graph]]),
        rules,
        ...(loaded.loaded.config.failOn ? { failOn: loaded.loaded.config.failOn } : {}),
        summary: {
            files: { total: 0, scanned: 0, skipped: 0, failed: 0 },
            resources: graph.resources.length,
            rules: rules.length,
            findings: findings.filter((f) => !f.suppressed).length,
            suppressed: findings.filter((f) => f.suppressed).length,
            bySeverity: countBySeverity(findings),
            durationMs: Math.round(performance.now() - started),
        },
        posture: {
            cloud: options.cloud.name,
            armEndpoint: options.cloud.armEndpoint,
            scope: options.scope,
            subscriptions: estate.subscriptions,
            partial,
            scopeFailures: estate.scopeFailures,
            detailFailures: detail.failures,
            typesMaybeMissing: read.typesMaybeMissing,
            pages: estate.pages,
            ...(verification ? { verification } : {}),
        },
    };
}
function countBySeverity(findings) {
    const out = Object.fromEntries(core_dist/* SEVERITIES */.oC.map((s) => [s, 0]));
    for (const f of findings)
        if (!f.suppressed)
            out[f.severity]++;
    return out;
}
//# sourceMappingURL=posture.js.map
// EXTERNAL MODULE: ../../packages/reporters/dist/index.js + 9 modules
var reporters_dist = __webpack_require__(1749);
;// CONCATENATED MODULE: ../../packages/azure/dist/version.js
/** One version for the whole kit (see packages/action-kit/src/version.ts). */
const ZTKIT_VERSION = '0.1.0';
//# sourceMappingURL=version.js.map
;// CONCATENATED MODULE: ../../packages/azure/dist/cli/render.js






/** The report in the chosen format, with what was and was not read stated, never implied. */
function renderPosture(result, format, io) {
    switch (format) {
        case 'json':
            return `${JSON.stringify({ ...(0,reporters_dist/* toJsonReport */.Ow)(result), posture: postureJson(result) }, null, 2)}\n`;
        case 'sarif':
            return `${JSON.stringify((0,reporters_dist/* toSarif */.zv)(result, { toolVersion: ZTKIT_VERSION, rules: result.rules, category: 'ztkit/posture' }), null, 2)}\n`;
        case 'markdown':
            return `${(0,reporters_dist/* renderMarkdown */.Gc)(result, { title: 'ztkit: live Zero Trust posture' })}\n${postureMarkdown(result)}`;
        default: {
            const color = Boolean(io.stdout.isTTY) && !(io.env ?? process.env).NO_COLOR;
            return `${(0,reporters_dist/* renderTable */.bo)(result, { color, ...(io.stdout.columns ? { width: io.stdout.columns } : {}) })}\n${postureText(result)}`;
        }
    }
}
function postureJson(result) {
    const p = result.posture;
    return {
        cloud: p.cloud,
        armEndpoint: p.armEndpoint,
        scope: p.scope,
        partial: p.partial,
        subscriptions: p.subscriptions,
        scopeFailures: p.scopeFailures,
        detailFailures: p.detailFailures,
        typesMaybeMissing: p.typesMaybeMissing,
        /** The Zero Trust score of this run: controls (rules) passed; null when nothing could be read. */
        score: anyRead(result) ? (0,analysis_dist/* zeroTrustScore */.d9)(result.findings, result.rules).overall : null,
        ...(p.verification ? { verification: p.verification } : {}),
    };
}
function postureText(result) {
    const p = result.posture;
    const read = p.subscriptions.filter((s) => s.status === 'read');
    const score = (0,analysis_dist/* zeroTrustScore */.d9)(result.findings, result.rules).overall;
    const lines = [
        anyRead(result)
            ? `Zero Trust score: ${score.percent}% (${score.passed} of ${score.total} controls pass${p.partial ? ', of what could be read' : ''}).`
            : 'Zero Trust score: n/a (nothing could be read).',
        `Live posture (${p.cloud}, ${p.armEndpoint}): ${read.length} of ${p.subscriptions.length} subscription(s) read, ${result.summary.resources} resources.`,
    ];
    for (const s of p.subscriptions)
        if (s.status === 'failed')
            lines.push(`  NOT READ ${s.subscriptionId}${s.name ? ` (${s.name})` : ''}: ${s.reason}`);
    for (const f of p.scopeFailures)
        lines.push(`  NOT READ ${f}`);
    for (const f of p.detailFailures)
        lines.push(`  partly read ${f.resourceId}: ${f.reason}`);
    if (p.partial)
        lines.push('PARTIAL RESULT: the findings cover only what could be read.');
    if (p.verification) {
        const v = p.verification;
        lines.push(`Verify: ${v.nicsChecked} NIC(s) checked against Azure's effective rules and routes (${v.comparisons} comparisons, ${v.disagreements.length} disagreement(s)${v.nicsSkipped ? `, ${v.nicsSkipped} NIC(s) not checked` : ''}).`);
        for (const d of v.disagreements)
            lines.push(`  ${d.name} ${d.detail}: Azure ${d.azure}; ztkit ${d.ztkit}`);
    }
    return `${lines.join('\n')}\n`;
}
function postureMarkdown(result) {
    const p = result.posture;
    const rows = p.subscriptions.map((s) => `| \`${s.subscriptionId}\` | ${s.name ?? ''} | ${s.status === 'read' ? `read (${s.resources})` : `**not read**: ${s.reason}`} |`);
    const out = ['', '### Scope', '', '| subscription | name | status |', '|---|---|---|', ...rows];
    for (const f of p.scopeFailures)
        out.push('', `**Not read:** ${f}`);
    if (p.partial)
        out.push('', '> **Partial result**: the findings cover only what could be read.');
    if (p.verification?.disagreements.length) {
        out.push('', '### Static analysis vs Azure effective rules', '', '| NIC | traffic | Azure | ztkit |', '|---|---|---|---|');
        for (const d of p.verification.disagreements)
            out.push(`| ${d.name} | ${d.detail} | ${d.azure} | ${d.ztkit} |`);
    }
    return `${out.join('\n')}\n`;
}
function emit(io, text, output) {
    if (output)
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.resolve)(io.cwd, output), text);
    else
        io.stdout.write(text);
}
function failing(findings, failOn) {
    if (failOn === 'none')
        return [];
    return findings.filter((f) => !f.suppressed && (0,core_dist/* severityRank */.qs)(f.severity) >= (0,core_dist/* severityRank */.qs)(failOn));
}
function anyRead(result) {
    return result.posture.subscriptions.some((s) => s.status === 'read');
}
//# sourceMappingURL=render.js.map
;// CONCATENATED MODULE: ../../packages/azure/dist/cli/posture-command.js






const POSTURE_HELP = `Usage: ztkit posture (--subscription ID... | --management-group ID) [options]

Reads the deployed network and PaaS resources with Azure Resource Graph and runs the same rules
as 'ztkit scan' on them. Findings carry the resource ID and a portal link. Needs Reader on the scope.

Options:
  --subscription ID        subscription to read (repeatable, or comma-separated)
  --management-group ID    read every subscription under this management group
  --cloud NAME             AzurePublicCloud (default), AzureUSGovernment, AzureChinaCloud
                           (default from AZURE_ENVIRONMENT)
  --arm-endpoint URL       another ARM endpoint (Azure Stack Hub); AZURE_RESOURCE_MANAGER_ENDPOINT
  --arm-audience URL       token audience when it differs from the endpoint
  --portal URL             portal for links (default: the cloud's)
  --ca-file PEM            extra trusted CA for the ARM endpoint
  --timeout SECONDS        per-request timeout (default: none beyond the SDK's)
  --verify                 cross-check NICs with Azure's effective security rules and routes
  --verify-max-nics N      NICs to cross-check at most (default 100)
  --format FORMAT          table (default), json, sarif, markdown
  -o, --output FILE        write the report to FILE
  --fail-on SEVERITY       critical, high (default), medium, low, info, none
  --config FILE            ztkit config (rules, severities, suppressions); default .ztkit.yml

Authentication: GitHub Actions OIDC (id-token: write + AZURE_CLIENT_ID, AZURE_TENANT_ID), else the
Azure CLI login, else the default credential chain. Exit: 0 clean, 1 findings at or above
--fail-on, 2 usage error or nothing readable.
`;
/** `ztkit posture`: live Azure through the scan pipeline, one reporter, exit code from --fail-on. */
async function postureCommand(argv, io, deps = {}) {
    try {
        const { values } = parse(argv, {
            ...LIVE_FLAGS,
            verify: { type: 'boolean' },
            'verify-max-nics': { type: 'string' },
        });
        if (values.help) {
            io.stdout.write(POSTURE_HELP);
            return EXIT.ok;
        }
        const env = io.env ?? process.env;
        const target = liveTarget(values, env);
        const format = parseFormat(values.format);
        const flagFailOn = parseFailOn(values['fail-on']);
        const maxNics = values['verify-max-nics'] !== undefined ? Number(values['verify-max-nics']) : undefined;
        if (maxNics !== undefined && !(maxNics >= 0))
            throw new CommandError('--verify-max-nics must be a number');
        const credential = deps.credential ??
            chooseCredential({
                cloud: target.cloud,
                env,
                // In Actions, the OIDC token joins the secrets the runner masks.
                ...(env.GITHUB_ACTIONS === 'true'
                    ? { mask: (s) => io.stdout.write(`::add-mask::${s}\n`) }
                    : {}),
            }).credential;
        const result = await runPosture({
            ...target,
            credential,
            cwd: io.cwd,
            ...(values.config ? { configFile: values.config } : {}),
            ...(values.verify ? { verify: maxNics !== undefined ? { maxNics } : true } : {}),
            ...(deps.retry ? { retry: deps.retry } : {}),
        });
        emit(io, renderPosture(result, format, io), values.output);
        for (const d of result.diagnostics)
            io.stderr.write(`ztkit: ${d.severity}: ${d.message}\n`);
        if (!result.posture.subscriptions.some((s) => s.status === 'read'))
            return EXIT.error;
        const failOn = flagFailOn ?? result.failOn ?? 'high';
        return failing(result.findings, failOn).length ? EXIT.findings : EXIT.ok;
    }
    catch (e) {
        return commandFailure(e, io);
    }
}
function commandFailure(e, io) {
    if (e instanceof CommandError)
        io.stderr.write(`ztkit: ${e.message}\n`);
    else if (e instanceof dist/* ConfigInvalidError */.mc)
        io.stderr.write(`ztkit: invalid configuration:\n${e.message}\n`);
    else
        io.stderr.write(`ztkit: ${e?.message ?? String(e)}\n`);
    return EXIT.error;
}
//# sourceMappingURL=posture-command.js.map
;// CONCATENATED MODULE: ../../packages/azure/dist/cli/drift-command.js










const DRIFT_HELP = `Usage: ztkit drift --iac PATH... (--subscription ID... | --management-group ID) [options]

Compares the IaC under PATH with what is deployed, for the properties that matter to Zero Trust
(NSG rules, subnet NSG and route table, peerings, routes, TLS and public access settings...).
Resources match on type + name. Options as for 'ztkit posture'; --format table (default) or json.
Exit: 0 no drift, 1 drift (changed or not deployed), 2 usage error or nothing readable.
`;
/** `ztkit drift`: IaC scan + live read, compared resource by resource. */
async function driftCommand(argv, io, deps = {}) {
    try {
        const { values } = parse(argv, { ...LIVE_FLAGS, iac: { type: 'string', multiple: true } });
        if (values.help) {
            io.stdout.write(DRIFT_HELP);
            return EXIT.ok;
        }
        const paths = (values.iac ?? []).flatMap((p) => p.split(',')).filter(Boolean);
        if (!paths.length)
            throw new CommandError('give --iac PATH (the IaC to compare)');
        for (const p of paths)
            if (!(0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(io.cwd, p)))
                throw new CommandError(`--iac '${p}' does not exist`);
        const format = values.format ?? 'table';
        if (format !== 'table' && format !== 'json')
            throw new CommandError('--format must be table or json');
        const env = io.env ?? process.env;
        const target = liveTarget(values, env);
        const credential = deps.credential ?? chooseCredential({ cloud: target.cloud, env }).credential;
        const iac = await (0,dist/* scan */.SQ)({ paths, cwd: io.cwd });
        const live = await readLiveEstate({ ...target, credential, ...(deps.retry ? { retry: deps.retry } : {}) }, (0,dist/* defaultRules */.Z4)());
        const report = driftReport(iac.graph, live.graph);
        const unread = live.estate.subscriptions.filter((s) => s.status === 'failed');
        const text = format === 'json'
            ? `${JSON.stringify({ ...report, partial: live.estate.partial, subscriptions: live.estate.subscriptions, scopeFailures: live.estate.scopeFailures }, null, 2)}\n`
            : driftText(report, unread.map((s) => `${s.subscriptionId}: ${s.reason}`).concat(live.estate.scopeFailures));
        emit(io, text, values.output);
        if (!live.estate.subscriptions.some((s) => s.status === 'read'))
            return EXIT.error;
        return report.changes.length || report.missingLive.length ? EXIT.findings : EXIT.ok;
    }
    catch (e) {
        return commandFailure(e, io);
    }
}
function driftText(report, notRead) {
    const out = [];
    for (const c of report.changes)
        out.push(`changed  ${c.type} '${c.name}' ${c.path}: IaC ${JSON.stringify(c.iac)} -> live ${JSON.stringify(c.live) ?? '(none)'}`, `         ${c.portalUrl ?? c.liveId}`);
    for (const m of report.missingLive)
        out.push(`missing  ${m.type} '${m.name}': declared in IaC, not found live`);
    for (const u of report.unmanaged)
        out.push(`unmanaged ${u.type} '${u.name}': live, not declared in IaC  ${u.portalUrl ?? u.liveId}`);
    for (const n of notRead)
        out.push(`NOT READ ${n}`);
    out.push(`${report.compared} resource(s) compared: ${report.changes.length} change(s), ${report.missingLive.length} not deployed, ${report.unmanaged.length} unmanaged.`);
    return `${out.join('\n')}\n`;
}
//# sourceMappingURL=drift-command.js.map
;// CONCATENATED MODULE: ../../packages/azure/dist/index.js











//# sourceMappingURL=index.js.map

/***/ })

};
