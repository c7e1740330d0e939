import { mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type Limits } from '../loaders/limits.js';
import type { CandidateFile, LoadContext, LoadResult } from '../loaders/types.js';
import { ResourceGraph } from '../model/graph.js';
import type { Resource } from '../model/resource.js';
import { locateValue } from '../model/source.js';
import { isUnknown } from '../model/unknown.js';
import { armLoader } from './loader.js';

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const PARAMS_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';
const root = realpathSync(mkdtempSync(join(tmpdir(), 'ztkit-arm-')));
afterAll(() => {
  // Temp files stay for post-mortem; the OS cleans tmp.
});

let counter = 0;
function dir(): string {
  const d = join(root, `case${++counter}`);
  mkdirSync(d, { recursive: true });
  return d;
}

function write(path: string, content: unknown): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

function template(body: Record<string, unknown>): Record<string, unknown> {
  return { $schema: SCHEMA, contentVersion: '1.0.0.0', ...body };
}

/** A reader like the engine's guard: only inside `roots`, else a refusal. */
function context(
  roots: string[],
  extra: Partial<LoadContext> = {},
  limits: Partial<Limits> = {},
): LoadContext {
  return {
    roots,
    limits: { ...DEFAULT_LIMITS, ...limits },
    parameterFiles: [],
    readFile: (p) => {
      if (!roots.some((r) => p === r || p.startsWith(r + sep)))
        return { ok: false, reason: 'refused: path is outside the scanned root', status: 'failed' };
      try {
        return { ok: true, text: readFileSync(p, 'utf8') };
      } catch {
        return { ok: false, reason: 'file not found', status: 'failed' };
      }
    },
    ...extra,
  };
}

function candidate(path: string): CandidateFile {
  const text = readFileSync(path, 'utf8');
  return { path, size: text.length, head: text.slice(0, 4096) };
}

function load(paths: string[], ctx?: LoadContext): LoadResult {
  const result = armLoader.load(paths.map(candidate), ctx ?? context([dirname(paths[0]!)]));
  if (result instanceof Promise) throw new Error('the ARM loader is synchronous');
  return result;
}

function loadTemplate(body: Record<string, unknown>, limits: Partial<Limits> = {}) {
  const d = dir();
  const path = write(join(d, 'main.json'), template(body));
  const result = load([path], context([d], {}, limits));
  return { path, result, byName: (n: string) => result.resources.find((r) => r.name === n) };
}

function lineOf(path: string, needle: string): number {
  const lines = readFileSync(path, 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in ${path}`);
  return i + 1;
}

const storage = (
  name: unknown,
  properties: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) => ({
  type: 'Microsoft.Storage/storageAccounts',
  apiVersion: '2023-05-01',
  name,
  location: 'westeurope',
  properties,
  ...extra,
});

describe('claiming', () => {
  it('claims templates and parameter files by $schema, nothing else', () => {
    const head = (schema: string) => `{\n  "$schema": "${schema}",\n`;
    expect(armLoader.claims({ path: '/a/main.json', size: 1, head: head(SCHEMA) })).toBe(true);
    expect(
      armLoader.claims({
        path: '/a/sub.json',
        size: 1,
        head: head(
          'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#',
        ),
      }),
    ).toBe(true);
    expect(armLoader.claims({ path: '/a/main.parameters.json', size: 1, head: head(PARAMS_SCHEMA) })).toBe(
      true,
    );
    expect(armLoader.claims({ path: '/a/main.jsonc', size: 1, head: head(SCHEMA) })).toBe(true);
    expect(armLoader.claims({ path: '/a/package.json', size: 1, head: '{ "name": "x" }' })).toBe(false);
    expect(armLoader.claims({ path: '/a/main.bicep', size: 1, head: head(SCHEMA) })).toBe(false);
    expect(
      armLoader.claims({ path: '/a/x.json', size: 1, head: head('https://json.schemastore.org/package') }),
    ).toBe(false);
  });
});

describe('parameters and bindings', () => {
  const body = {
    parameters: {
      tls: { type: 'string', defaultValue: 'TLS1_0', allowedValues: ['TLS1_0', 'TLS1_2'] },
      name: { type: 'string' },
      https: { type: 'bool', defaultValue: true },
    },
    variables: { tlsVar: "[parameters('tls')]" },
    resources: [
      storage("[parameters('name')]", {
        minimumTlsVersion: "[parameters('tls')]",
        supportsHttpsTrafficOnly: "[parameters('https')]",
        networkAcls: { defaultAction: 'Deny', bypass: "[variables('tlsVar')]" },
      }),
    ],
  };

  it('uses defaults, keeps parameters without a value Unknown, and records bindings', () => {
    const { path, result } = loadTemplate(body);
    expect(result.outcomes).toEqual([expect.objectContaining({ status: 'scanned', resources: 1 })]);
    const st = result.resources[0]!;
    expect(st.properties.minimumTlsVersion).toBe('TLS1_0');
    expect(st.properties.supportsHttpsTrafficOnly).toBe(true);
    expect(st.name).toBe("<unknown: parameters('name')>");
    expect(st.id).toBe(
      "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Storage/storageAccounts/<unknown: parameters('name')>",
    );
    const tls = st.bindings?.get('properties.minimumTlsVersion');
    expect(tls).toMatchObject({
      name: 'tls',
      kind: 'parameter',
      allowedValues: ['TLS1_0', 'TLS1_2'],
      defaultValue: 'TLS1_0',
    });
    expect(tls?.declaration?.startLine).toBe(lineOf(path, '"tls": {'));
    expect(st.bindings?.get('properties.networkAcls.bypass')).toMatchObject({ name: 'tls' });
    expect(result.diagnostics).toEqual([]);
  });

  it('takes values from X.parameters.json beside X.json and accounts for the parameter file', () => {
    const d = dir();
    const main = write(join(d, 'main.json'), template(body));
    const params = write(join(d, 'main.parameters.json'), {
      $schema: PARAMS_SCHEMA,
      parameters: {
        name: { value: 'stprod' },
        tls: { value: 'TLS1_2' },
        https: { reference: { keyVault: { id: 'x' }, secretName: 's' } },
      },
    });
    const orphan = write(join(d, 'other.parameters.json'), { $schema: PARAMS_SCHEMA, parameters: {} });
    const prod = write(join(d, 'main.parameters.prod.json'), {
      $schema: PARAMS_SCHEMA,
      parameters: { name: { value: 'x' } },
    });
    const result = load([main, params, orphan, prod]);
    const st = result.resources[0]!;
    expect(st.name).toBe('stprod');
    expect(st.properties.minimumTlsVersion).toBe('TLS1_2');
    expect(isUnknown(st.properties.supportsHttpsTrafficOnly)).toBe(true);
    // A value the parameter file gives is the deployment's: no choice is left to report.
    expect(st.bindings?.get('properties.minimumTlsVersion')).toBeUndefined();
    // A Key Vault reference is unknown: its declared default no longer applies.
    expect(st.bindings?.get('properties.supportsHttpsTrafficOnly')?.defaultValue).toBeUndefined();
    const outcome = (p: string) => result.outcomes.find((o) => o.path === p);
    expect(outcome(params)).toMatchObject({ status: 'scanned', reason: 'parameters for main.json' });
    expect(outcome(orphan)).toMatchObject({ status: 'skipped' });
    expect(outcome(orphan)?.reason).toContain('other.json');
    expect(outcome(prod)).toMatchObject({ status: 'skipped' });
    expect(outcome(prod)?.reason).toContain('applied only when given with --parameters');
  });

  it('applies explicit parameter files to every template, over the convention file', () => {
    const d = dir();
    const main = write(join(d, 'main.json'), template(body));
    write(join(d, 'main.parameters.json'), {
      $schema: PARAMS_SCHEMA,
      parameters: { name: { value: 'fromConvention' } },
    });
    const explicit = write(join(d, 'prod.json'), {
      $schema: PARAMS_SCHEMA,
      parameters: { name: { value: 'fromExplicit' } },
    });
    const result = load([main], context([d], { parameterFiles: [explicit] }));
    expect(result.resources[0]!.name).toBe('fromExplicit');
  });

  it('treats a nullable parameter without default as null', () => {
    const { result } = loadTemplate({
      parameters: { kind: { type: 'string', nullable: true } },
      resources: [storage('st', { kind: "[coalesce(parameters('kind'), 'StorageV2')]" })],
    });
    expect(result.resources[0]!.properties.kind).toBe('StorageV2');
  });
});

describe('variables, loops and conditions', () => {
  it('evaluates variables lazily, with variable copy loops', () => {
    const { result } = loadTemplate({
      variables: {
        prefix: 'st',
        names: "[createArray(concat(variables('prefix'), 'a'), concat(variables('prefix'), 'b'))]",
        unused: "[variables('doesNotExist')]",
        copy: [{ name: 'disks', count: 2, input: { lun: "[copyIndex('disks')]" } }],
      },
      resources: [storage("[variables('names')[1]]", { disks: "[variables('disks')]" })],
    });
    const st = result.resources[0]!;
    expect(st.name).toBe('stb');
    expect(st.properties.disks).toEqual([{ lun: 0 }, { lun: 1 }]);
    // `unused` is never evaluated, so its error never shows.
    expect(result.diagnostics).toEqual([]);
  });

  it('expands resource copy loops and property copy loops', () => {
    const { result } = loadTemplate({
      resources: [
        {
          ...storage("[format('st{0}', copyIndex(1))]"),
          copy: { name: 'accounts', count: 3 },
        },
        {
          type: 'Microsoft.Network/networkSecurityGroups',
          apiVersion: '2023-09-01',
          name: 'nsg',
          properties: {
            copy: [
              {
                name: 'securityRules',
                count: 2,
                input: {
                  name: "[format('rule{0}', copyIndex('securityRules'))]",
                  properties: { priority: "[add(100, copyIndex('securityRules'))]" },
                },
              },
            ],
          },
        },
      ],
    });
    expect(result.resources.map((r) => r.name)).toEqual(['st1', 'st2', 'st3', 'nsg']);
    expect(result.resources[3]!.properties.securityRules).toEqual([
      { name: 'rule0', properties: { priority: 100 } },
      { name: 'rule1', properties: { priority: 101 } },
    ]);
  });

  it('keeps one representative when the copy count is unknown', () => {
    const { result } = loadTemplate({
      parameters: { names: { type: 'array' } },
      resources: [
        {
          ...storage("[parameters('names')[copyIndex()]]"),
          copy: { name: 'c', count: "[length(parameters('names'))]" },
        },
      ],
    });
    expect(result.resources).toHaveLength(1);
    expect(isUnknown(result.resources[0]!.condition)).toBe(true);
  });

  it('omits resources whose condition is false and marks unknown conditions', () => {
    const { result, byName } = loadTemplate({
      parameters: { deploy: { type: 'bool' }, off: { type: 'bool', defaultValue: false } },
      resources: [
        storage('never', {}, { condition: "[parameters('off')]" }),
        storage('maybe', {}, { condition: "[parameters('deploy')]" }),
        storage('always', {}, { condition: true }),
      ],
    });
    expect(result.resources.map((r) => r.name)).toEqual(['maybe', 'always']);
    expect(isUnknown(byName('maybe')!.condition)).toBe(true);
    expect(byName('always')!.condition).toBe(true);
  });

  it('evaluates if() lazily, so the branch not taken cannot fail', () => {
    const { result } = loadTemplate({
      parameters: { zones: { type: 'array', defaultValue: [] } },
      resources: [
        storage('st', { zone: "[if(empty(parameters('zones')), 'none', parameters('zones')[0])]" }),
      ],
    });
    expect(result.resources[0]!.properties.zone).toBe('none');
    expect(result.diagnostics).toEqual([]);
  });

  it('flags a resource whose whole properties object is unknown', () => {
    const { result } = loadTemplate({
      parameters: { props: { type: 'object' } },
      resources: [storage('st', "[parameters('props')]" as unknown as Record<string, unknown>)],
    });
    expect(result.resources[0]!.properties).toEqual({});
    expect(result.resources[0]!.propertiesUnknown).toBe(
      "parameter 'props' has no default value and no value was given",
    );
  });

  it('unescapes [[ literals', () => {
    const { result } = loadTemplate({ resources: [storage('st', { note: '[[not an expression]' })] });
    expect(result.resources[0]!.properties.note).toBe('[not an expression]');
  });
});

describe('resource shapes', () => {
  it('keeps unknown names bounded through chains of variables (no doubling per level)', () => {
    const variables: Record<string, string> = { v0: "[parameters('prefix')]" };
    for (let i = 1; i <= 30; i++)
      variables[`v${i}`] = `[concat(variables('v${i - 1}'), variables('v${i - 1}'))]`;
    const { result } = loadTemplate({
      parameters: { prefix: { type: 'string' } },
      variables,
      resources: [
        { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: "[variables('v30')]" },
      ],
    });
    expect(result.outcomes[0]).toMatchObject({ status: 'scanned' });
    expect(result.resources[0]!.name.length).toBeLessThan(4096);
  });

  it('qualifies multi-segment relative child types such as providers/diagnosticSettings', () => {
    const { result } = loadTemplate({
      resources: [
        {
          type: 'Microsoft.Network/azureFirewalls',
          apiVersion: '2023-09-01',
          name: 'afw-hub',
          properties: {},
          resources: [
            {
              type: 'providers/diagnosticSettings',
              apiVersion: '2021-05-01-preview',
              name: 'Microsoft.Insights/to-law',
              properties: { workspaceId: 'law' },
            },
            {
              type: 'Microsoft.Network/azureFirewalls/providers/diagnosticSettings',
              apiVersion: '2021-05-01-preview',
              name: 'Microsoft.Insights/full-type',
              properties: { workspaceId: 'law' },
            },
          ],
        },
      ],
    });
    const settings = result.resources.filter((r) => r.type.endsWith('diagnosticSettings'));
    expect(settings.map((r) => [r.type, r.name])).toEqual([
      ['Microsoft.Network/azureFirewalls/providers/diagnosticSettings', 'afw-hub/Microsoft.Insights/to-law'],
      [
        'Microsoft.Network/azureFirewalls/providers/diagnosticSettings',
        'afw-hub/Microsoft.Insights/full-type',
      ],
    ]);
    expect(settings[0]!.id).toMatch(
      /\/providers\/Microsoft\.Network\/azureFirewalls\/afw-hub\/providers\/Microsoft\.Insights\/diagnosticSettings\/to-law$/,
    );
  });

  it('resolves nested child resources relative to their parent', () => {
    const { result } = loadTemplate({
      resources: [
        {
          type: 'Microsoft.Network/virtualNetworks',
          apiVersion: '2023-09-01',
          name: 'vnet',
          properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } },
          resources: [
            {
              type: 'subnets',
              apiVersion: '2023-09-01',
              name: 'snet',
              properties: { addressPrefix: '10.0.1.0/24' },
            },
          ],
        },
      ],
    });
    const subnet = result.resources[1]!;
    expect(subnet.type).toBe('Microsoft.Network/virtualNetworks/subnets');
    expect(subnet.name).toBe('vnet/snet');
    expect(subnet.id).toMatch(/\/virtualNetworks\/vnet\/subnets\/snet$/);
  });

  it('reads symbolic-name templates and leaves existing resources out of the graph', () => {
    const { result } = loadTemplate({
      languageVersion: '2.0',
      resources: {
        vnet: {
          existing: true,
          type: 'Microsoft.Network/virtualNetworks',
          apiVersion: '2023-09-01',
          name: 'hub',
        },
        nsg: {
          type: 'Microsoft.Network/networkSecurityGroups',
          apiVersion: '2023-09-01',
          name: 'nsg',
          properties: {},
        },
      },
    });
    expect(result.resources.map((r) => r.name)).toEqual(['nsg']);
  });

  it('builds extension resource IDs under their scope', () => {
    const { result } = loadTemplate({
      resources: [
        {
          type: 'Microsoft.Insights/diagnosticSettings',
          apiVersion: '2021-05-01-preview',
          name: 'diag',
          scope: 'Microsoft.Network/azureFirewalls/fw',
          properties: {},
        },
      ],
    });
    expect(result.resources[0]!.id).toBe(
      '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/azureFirewalls/fw/providers/Microsoft.Insights/diagnosticSettings/diag',
    );
  });

  it('calls user-defined functions', () => {
    const { result } = loadTemplate({
      functions: [
        {
          namespace: 'naming',
          members: {
            account: {
              parameters: [{ name: 'base', type: 'string' }],
              output: { type: 'string', value: "[toLower(concat('st', parameters('base')))]" },
            },
          },
        },
      ],
      resources: [storage("[naming.account('PROD')]")],
    });
    expect(result.resources[0]!.name).toBe('stprod');
  });

  it('links references between resources through resourceId() with unknown names', () => {
    const { result } = loadTemplate({
      parameters: { nsgName: { type: 'string' } },
      resources: [
        {
          type: 'Microsoft.Network/networkSecurityGroups',
          apiVersion: '2023-09-01',
          name: "[parameters('nsgName')]",
          properties: {},
        },
        {
          type: 'Microsoft.Network/virtualNetworks',
          apiVersion: '2023-09-01',
          name: 'vnet',
          properties: {
            subnets: [
              {
                name: 'web',
                properties: {
                  networkSecurityGroup: {
                    id: "[resourceId('Microsoft.Network/networkSecurityGroups', parameters('nsgName'))]",
                  },
                },
              },
            ],
          },
        },
      ],
    });
    const graph = new ResourceGraph(result.resources);
    const subnet = graph.ofType('Microsoft.Network/virtualNetworks/subnets')[0]!;
    expect(graph.resolve(subnet.properties.networkSecurityGroup)?.type).toBe(
      'Microsoft.Network/networkSecurityGroups',
    );
  });

  it('keeps copies with a partly unknown name apart, each linked to its own copy', () => {
    const nsgName = "format('{0}-nsg-{1}', parameters('prefix'), copyIndex())";
    const { result } = loadTemplate({
      parameters: { prefix: { type: 'string' }, n: { type: 'int' } },
      resources: [
        {
          type: 'Microsoft.Network/networkSecurityGroups',
          apiVersion: '2023-09-01',
          name: `[${nsgName}]`,
          copy: { name: 'nsgs', count: 2 },
          properties: {},
        },
        {
          type: 'Microsoft.Network/virtualNetworks',
          apiVersion: '2023-09-01',
          name: "[format('{0}-vnet-{1}', parameters('prefix'), copyIndex())]",
          copy: { name: 'vnets', count: 2 },
          properties: {
            subnets: [
              {
                name: 'web',
                properties: {
                  networkSecurityGroup: {
                    id: `[resourceId('Microsoft.Network/networkSecurityGroups', ${nsgName})]`,
                  },
                },
              },
            ],
          },
        },
        { ...storage("[concat('st', copyIndex())]"), copy: { name: 'st', count: "[parameters('n')]" } },
      ],
    });
    const graph = new ResourceGraph(result.resources);
    const vnets = graph.ofType('Microsoft.Network/virtualNetworks');
    expect(vnets.map((v) => v.name)).toEqual([
      "<unknown: parameters('prefix')>-vnet-0",
      "<unknown: parameters('prefix')>-vnet-1",
    ]);
    for (const [i, vnet] of vnets.entries()) {
      const [subnet] = graph.childrenOf(vnet, 'subnets');
      expect(graph.resolve(subnet!.properties.networkSecurityGroup)?.name).toBe(
        `<unknown: parameters('prefix')>-nsg-${i}`,
      );
    }
    expect(graph.ofType('Microsoft.Network/networkSecurityGroups')).toHaveLength(2);
    // The name stays unknown (never guessed); only its known parts are spelled out.
    expect(graph.ofType('Microsoft.Storage/storageAccounts').map((r) => r.name)).toEqual([
      'st<unknown: copyIndex()>',
    ]);
  });

  it('keeps the resources of one template deployed twice with unknown names apart', () => {
    const module = (name: string, nsg: string) => ({
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name,
      properties: {
        mode: 'Incremental',
        expressionEvaluationOptions: { scope: 'inner' },
        parameters: { nsgName: { value: `[parameters('${nsg}')]` } },
        template: template({
          parameters: { nsgName: { type: 'string' } },
          variables: { vnetName: "[concat(parameters('nsgName'), '-vnet')]" },
          resources: [
            {
              type: 'Microsoft.Network/networkSecurityGroups',
              apiVersion: '2023-09-01',
              name: "[parameters('nsgName')]",
              properties: {},
            },
            {
              type: 'Microsoft.Network/virtualNetworks',
              apiVersion: '2023-09-01',
              name: "[variables('vnetName')]",
              properties: {
                subnets: [
                  {
                    name: 'web',
                    properties: {
                      networkSecurityGroup: {
                        id: "[resourceId('Microsoft.Network/networkSecurityGroups', parameters('nsgName'))]",
                      },
                    },
                  },
                ],
              },
            },
          ],
        }),
      },
    });
    const { result } = loadTemplate({
      parameters: { appNsg: { type: 'string' }, dmzNsg: { type: 'string' } },
      resources: [module('app', 'appNsg'), module('dmz', 'dmzNsg')],
    });
    const graph = new ResourceGraph(result.resources);
    const vnets = graph.ofType('Microsoft.Network/virtualNetworks');
    expect(vnets.map((v) => v.name)).toEqual([
      "<unknown: parameters('appNsg')>-vnet",
      "<unknown: parameters('dmzNsg')>-vnet",
    ]);
    for (const [i, vnet] of vnets.entries()) {
      const [subnet] = graph.childrenOf(vnet, 'subnets');
      expect(graph.resolve(subnet!.properties.networkSecurityGroup)?.name).toBe(
        `<unknown: parameters('${['appNsg', 'dmzNsg'][i]}')>`,
      );
    }
  });

  it('accepts JSON with comments and trailing commas', () => {
    const d = dir();
    const path = write(
      join(d, 'main.json'),
      `{\n  "$schema": "${SCHEMA}",\n  // a comment\n  "resources": [\n    { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-05-01", "name": "st", "properties": {}, },\n  ],\n}\n`,
    );
    const result = load([path]);
    expect(result.resources.map((r) => r.name)).toEqual(['st']);
  });
});

describe('origins', () => {
  it('locate any property path on the line that wrote it', () => {
    const { path, result } = loadTemplate({
      resources: [
        {
          type: 'Microsoft.Network/networkSecurityGroups',
          apiVersion: '2023-09-01',
          name: 'nsg',
          properties: {
            securityRules: [
              { name: 'a', properties: { access: 'Allow', priority: 100 } },
              { name: 'b', properties: { access: 'Deny', priority: '[add(100, 10)]' } },
            ],
          },
        },
      ],
    });
    const nsg = result.resources[0]! as Resource;
    const span = locateValue(nsg, ['properties', 'securityRules', 1, 'properties', 'access']);
    expect(span?.startLine).toBe(lineOf(path, '"access": "Deny"'));
    const computed = locateValue(nsg, ['properties', 'securityRules', 1, 'properties', 'priority']);
    expect(computed?.startLine).toBe(lineOf(path, '"priority": "[add(100, 10)]"'));
    expect(nsg.origin?.locate([])?.startLine).toBe(
      lineOf(path, '"type": "Microsoft.Network/networkSecurityGroups"') - 1,
    );
  });
});

describe('nested and linked deployments', () => {
  const nestedStorage = (scope: 'inner' | 'outer') => ({
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2022-09-01',
    name: `nested-${scope}`,
    properties: {
      mode: 'Incremental',
      expressionEvaluationOptions: { scope },
      parameters: scope === 'inner' ? { tls: { value: "[variables('tls')]" } } : undefined,
      template: template({
        parameters: scope === 'inner' ? { tls: { type: 'string' } } : undefined,
        resources: [
          storage(`st${scope}`, {
            minimumTlsVersion: scope === 'inner' ? "[parameters('tls')]" : "[variables('tls')]",
          }),
        ],
      }),
    },
  });

  it('evaluates inner-scope templates with their parameters and outer-scope ones with the parent symbols', () => {
    const { path, result, byName } = loadTemplate({
      variables: { tls: 'TLS1_2' },
      resources: [nestedStorage('inner'), nestedStorage('outer')],
    });
    expect(byName('stinner')!.properties.minimumTlsVersion).toBe('TLS1_2');
    expect(byName('stouter')!.properties.minimumTlsVersion).toBe('TLS1_2');
    expect(byName('stinner')!.via?.map((s) => s.startLine)).toEqual([
      lineOf(path, '"type": "Microsoft.Resources/deployments"') - 1,
    ]);
    expect(byName('nested-inner')!.type).toBe('Microsoft.Resources/deployments');
    expect(result.diagnostics).toEqual([]);
  });

  it('binds a nested parameter only to what its caller leaves open', () => {
    const tlsParam = { type: 'string', defaultValue: 'TLS1_2', allowedValues: ['TLS1_0', 'TLS1_2'] };
    const module = (name: string, parameters: Record<string, unknown>) => ({
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name,
      properties: {
        mode: 'Incremental',
        expressionEvaluationOptions: { scope: 'inner' },
        parameters,
        template: template({
          parameters: { tls: tlsParam },
          resources: [storage(`st-${name}`, { minimumTlsVersion: "[parameters('tls')]" })],
        }),
      },
    });
    const { byName } = loadTemplate({
      parameters: { open: { type: 'string' } },
      resources: [
        module('given', { tls: { value: 'TLS1_2' } }),
        module('absent', {}),
        module('null', { tls: { value: null } }),
        module('unknown', { tls: { value: "[parameters('open')]" } }),
      ],
    });
    const binding = (n: string) => byName(n)!.bindings?.get('properties.minimumTlsVersion');
    // A known value from the caller is the value: nothing is left to choose.
    expect(byName('st-given')!.properties.minimumTlsVersion).toBe('TLS1_2');
    expect(binding('st-given')).toBeUndefined();
    // Nothing (or null) given: the default is the value; the allowed values are choices nobody makes.
    for (const n of ['st-absent', 'st-null']) {
      expect(binding(n)).toMatchObject({ name: 'tls', defaultValue: 'TLS1_2' });
      expect(binding(n)?.allowedValues).toBeUndefined();
    }
    // An unknown value is still bounded by the allowed values; the default does not apply.
    expect(binding('st-unknown')).toMatchObject({ name: 'tls', allowedValues: ['TLS1_0', 'TLS1_2'] });
    expect(binding('st-unknown')?.defaultValue).toBeUndefined();
  });

  it("resolves reference() to a nested deployment's outputs, linking resources across modules", () => {
    const nsgModule = {
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name: 'nsgModule',
      properties: {
        mode: 'Incremental',
        expressionEvaluationOptions: { scope: 'inner' },
        parameters: { name: { value: 'nsg-web' } },
        template: template({
          parameters: { name: { type: 'string' } },
          resources: [
            {
              type: 'Microsoft.Network/networkSecurityGroups',
              apiVersion: '2023-09-01',
              name: "[parameters('name')]",
              properties: {},
            },
          ],
          outputs: {
            resourceId: {
              type: 'string',
              value: "[resourceId('Microsoft.Network/networkSecurityGroups', parameters('name'))]",
            },
          },
        }),
      },
    };
    const vnet = (nsgId: string) => ({
      type: 'Microsoft.Network/virtualNetworks',
      apiVersion: '2023-09-01',
      name: 'vnet',
      properties: { subnets: [{ name: 'web', properties: { networkSecurityGroup: { id: nsgId } } }] },
    });
    for (const body of [
      {
        resources: [
          nsgModule,
          vnet(
            "[reference(resourceId('Microsoft.Resources/deployments', 'nsgModule'), '2022-09-01').outputs.resourceId.value]",
          ),
        ],
      },
      {
        languageVersion: '2.0',
        resources: { nsg: nsgModule, vnet: vnet("[reference('nsg').outputs.resourceId.value]") },
      },
      // The module is declared after the resource that reads its output.
      {
        languageVersion: '2.0',
        resources: { vnet: vnet("[reference('nsg').outputs.resourceId.value]"), nsg: nsgModule },
      },
    ]) {
      const { result } = loadTemplate(body);
      const graph = new ResourceGraph(result.resources);
      const subnet = graph.ofType('Microsoft.Network/virtualNetworks/subnets')[0]!;
      expect(graph.resolve(subnet.properties.networkSecurityGroup)?.name).toBe('nsg-web');
      expect(result.diagnostics).toEqual([]);
    }
  });

  it("reads an outer-scope deployment's outputs, evaluated in the parent's context", () => {
    const outer = {
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name: 'outerNested',
      properties: {
        mode: 'Incremental',
        template: template({
          resources: [],
          outputs: {
            tls: { type: 'string', value: 'TLS1_0' },
            fromParent: { type: 'string', value: "[variables('tls')]" },
          },
        }),
      },
    };
    const reader = storage('streader', {
      minimumTlsVersion: "[reference('outerNested').outputs.tls.value]",
      fromParent: "[reference('outerNested').outputs.fromParent.value]",
    });
    // Declared before and after the resource that reads it: ARM orders by dependsOn, not position.
    for (const resources of [
      [outer, reader],
      [reader, outer],
    ]) {
      const { result, byName } = loadTemplate({ variables: { tls: 'TLS1_2' }, resources });
      expect(byName('streader')!.properties).toMatchObject({
        minimumTlsVersion: 'TLS1_0',
        fromParent: 'TLS1_2',
      });
      expect(result.diagnostics).toEqual([]);
    }
  });

  it('resolves reference() to a linked deployment declared later', () => {
    const d = dir();
    const linkedDeployment = (name: string, relativePath: string) => ({
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name,
      properties: {
        mode: 'Incremental',
        templateLink: { relativePath },
        parameters: { name: { value: 'nsg-web' } },
      },
    });
    const main = write(
      join(d, 'main.json'),
      template({
        resources: [
          {
            type: 'Microsoft.Network/virtualNetworks',
            apiVersion: '2023-09-01',
            name: 'vnet',
            dependsOn: ['nsgLinked'],
            properties: {
              subnets: [
                {
                  name: 'web',
                  properties: {
                    networkSecurityGroup: { id: "[reference('nsgLinked').outputs.nsgId.value]" },
                  },
                },
                {
                  name: 'app',
                  properties: {
                    networkSecurityGroup: { id: "[reference('missing').outputs.nsgId.value]" },
                  },
                },
              ],
            },
          },
          linkedDeployment('nsgLinked', 'modules/nsg.json'),
          linkedDeployment('missing', 'modules/absent.json'),
        ],
      }),
    );
    const linked = write(
      join(d, 'modules', 'nsg.json'),
      template({
        parameters: { name: { type: 'string' } },
        resources: [
          {
            type: 'Microsoft.Network/networkSecurityGroups',
            apiVersion: '2023-09-01',
            name: "[parameters('name')]",
            properties: {},
          },
        ],
        outputs: {
          nsgId: {
            type: 'string',
            value: "[resourceId('Microsoft.Network/networkSecurityGroups', parameters('name'))]",
          },
        },
      }),
    );
    const result = load([main, linked], context([d]));
    const graph = new ResourceGraph(result.resources);
    const [web, app] = graph.ofType('Microsoft.Network/virtualNetworks/subnets');
    expect(graph.resolve(web!.properties.networkSecurityGroup)?.name).toBe('nsg-web');
    // A linked template that cannot be read leaves its outputs unknown, and says why once.
    expect(isUnknown((app!.properties.networkSecurityGroup as { id: unknown }).id)).toBe(true);
    expect(result.diagnostics.map((x) => x.code)).toEqual(['module-not-resolved']);
  });

  it('reads local linked templates through the guarded reader, counted once', () => {
    const d = dir();
    const main = write(
      join(d, 'main.json'),
      template({
        resources: [
          {
            type: 'Microsoft.Resources/deployments',
            apiVersion: '2022-09-01',
            name: 'linked',
            properties: {
              mode: 'Incremental',
              templateLink: { relativePath: 'modules/storage.json' },
              parameters: { name: { value: 'stlinked' } },
            },
          },
          {
            type: 'Microsoft.Resources/deployments',
            apiVersion: '2022-09-01',
            name: 'remote',
            properties: { mode: 'Incremental', templateLink: { uri: 'https://example.com/t.json' } },
          },
          {
            type: 'Microsoft.Resources/deployments',
            apiVersion: '2022-09-01',
            name: 'escape',
            properties: { mode: 'Incremental', templateLink: { relativePath: '../../outside.json' } },
          },
        ],
      }),
    );
    const linked = write(
      join(d, 'modules', 'storage.json'),
      template({ parameters: { name: { type: 'string' } }, resources: [storage("[parameters('name')]")] }),
    );
    const result = load([main, linked], context([d]));
    expect(result.resources.filter((r) => r.name === 'stlinked')).toHaveLength(1);
    expect(result.outcomes.find((o) => o.path === linked)).toMatchObject({
      status: 'scanned',
      reason: 'linked template of main.json',
    });
    const warnings = result.diagnostics.filter((x) => x.code === 'module-not-resolved');
    expect(warnings.map((w) => w.severity)).toEqual(['warning', 'warning']);
    expect(warnings[0]!.message).toContain("deployment 'remote'");
    expect(warnings[1]!.message).toContain('outside the scanned root');
    expect(warnings[1]!.message).toMatch(/main\.json:\d+\)$/);
  });
});
