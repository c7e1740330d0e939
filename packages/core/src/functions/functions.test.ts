/**
 * Table-driven tests of the shared function library, one table per family, with the documented
 * semantics and edge cases (empty arrays, nulls, case-insensitive comparisons, unknowns). A final
 * test checks that every registered function appears in some table.
 */
import { describe, expect, it } from 'vitest';
import { isUnknown, unknown } from '../model/unknown.js';
import {
  callTemplateFunction,
  hasTemplateFunction,
  simpleFunctionContext,
  templateFunctionNames,
} from './registry.js';
import { FunctionError, LambdaValue, SYMBOLIC_SCOPE } from './types.js';

type Row = readonly [name: string, args: readonly unknown[], expected: unknown];
type ErrorRow = readonly [name: string, args: readonly unknown[], code: string];

const ctx = simpleFunctionContext();
const U = unknown('parameter has no default', "parameters('x')");
const covered = new Set<string>();

function call(name: string, args: readonly unknown[]): unknown {
  covered.add(name.toLowerCase());
  return callTemplateFunction(name, args, ctx);
}

function table(title: string, rows: readonly Row[]): void {
  describe(title, () => {
    for (const [name, args, expected] of rows) {
      it(`${name}(${args.map((a) => JSON.stringify(a) ?? String(a)).join(', ')})`, () => {
        const got = call(name, args);
        if (expected === U) expect(isUnknown(got), `expected unknown, got ${JSON.stringify(got)}`).toBe(true);
        else expect(got).toEqual(expected);
      });
    }
  });
}

function errors(title: string, rows: readonly ErrorRow[]): void {
  describe(title, () => {
    for (const [name, args, code] of rows) {
      it(`${name}(${args.map((a) => JSON.stringify(a)).join(', ')}) fails with ${code}`, () => {
        let caught: unknown;
        try {
          call(name, args);
        } catch (e) {
          caught = e;
        }
        expect(caught).toBeInstanceOf(FunctionError);
        expect((caught as FunctionError).code).toBe(code);
        expect((caught as FunctionError).message.length).toBeGreaterThan(10);
      });
    }
  });
}

const lambda = (params: string[], fn: (...a: unknown[]) => unknown) =>
  new LambdaValue(params, (a) => fn(...a));

table('string functions', [
  ['string', ['abc'], 'abc'],
  ['string', [true], 'True'],
  ['string', [false], 'False'],
  ['string', [5], '5'],
  ['string', [null], ''],
  ['string', [{ valueA: 10, valueB: 'Example Text' }], '{"valueA":10,"valueB":"Example Text"}'],
  ['string', [['a', 'b', 'c']], '["a","b","c"]'],
  ['string', [[U]], U],
  [
    'format',
    ['{0}, {1}. Formatted number: {2:N0}', 'Hello', 'User', 8175133],
    'Hello, User. Formatted number: 8,175,133',
  ],
  ['format', ['{0:D5}-{1:X}-{2:x4}', 42, 255, 255], '00042-FF-00ff'],
  ['format', ['{{literal}} {0,5}|{0,-5}|', 'ab'], '{literal}    ab|ab   |'],
  ['format', ['{0}', true], 'True'],
  ['format', ['{0:N2}', 1234.5], '1,234.50'],
  ['format', ['a{0}', U], U],
  ['replace', ['123-123-1234', '-', ''], '1231231234'],
  ['replace', ['Hello', 'h', 'J'], 'Hello'],
  ['split', ['one,two,three', ','], ['one', 'two', 'three']],
  ['split', ['one;two,three', [',', ';']], ['one', 'two', 'three']],
  ['split', ['a,,b', ','], ['a', '', 'b']],
  ['split', ['', ','], ['']],
  ['substring', ['one two three', 4, 3], 'two'],
  ['substring', ['abc', 1], 'bc'],
  ['substring', ['abc', 3, 0], ''],
  ['toLower', ['One Two'], 'one two'],
  ['toUpper', ['One Two'], 'ONE TWO'],
  ['trim', ['    one two three   '], 'one two three'],
  ['startsWith', ['abcdef', 'ab'], true],
  ['startsWith', ['abcdef', 'A'], true],
  ['startsWith', ['abcdef', 'e'], false],
  ['endsWith', ['abcdef', 'ef'], true],
  ['endsWith', ['abcdef', 'F'], true],
  ['endsWith', ['abcdef', 'e'], false],
  ['indexOf', ['test', 't'], 0],
  ['indexOf', ['abcDEF', 'CD'], 2],
  ['indexOf', ['abcdef', 'z'], -1],
  ['indexOf', [['a', 'b', 'c'], 'b'], 1],
  ['indexOf', [['a', 'B'], 'b'], -1],
  ['indexOf', [[1, 2, 3], 4], -1],
  ['indexOf', [[U, 'b'], 'b'], U],
  ['indexOf', [['b', U], 'b'], 0],
  ['lastIndexOf', ['test', 't'], 3],
  ['lastIndexOf', ['abcdef', 'AB'], 0],
  ['lastIndexOf', [['a', 'b', 'a'], 'a'], 2],
  ['lastIndexOf', [[], 'a'], -1],
  ['padLeft', ['123', 10, '0'], '0000000123'],
  ['padLeft', [7, 3, '0'], '007'],
  ['padLeft', ['abc', 2], 'abc'],
  ['padLeft', ['ab', 4], '  ab'],
]);

table('encoding, URI and identity functions', [
  ['base64', ['one, two, three'], 'b25lLCB0d28sIHRocmVl'],
  ['base64ToString', ['b25lLCB0d28sIHRocmVl'], 'one, two, three'],
  ['base64ToJson', ['eyJvbmUiOiAiYSIsICJ0d28iOiAiYiJ9'], { one: 'a', two: 'b' }],
  ['uri', ['http://contoso.org/firstpath', 'myscript.sh'], 'http://contoso.org/myscript.sh'],
  ['uri', ['http://contoso.org/firstpath/', 'myscript.sh'], 'http://contoso.org/firstpath/myscript.sh'],
  ['uri', ['http://contoso.org/firstpath/', '/myscript.sh'], 'http://contoso.org/firstpath/myscript.sh'],
  ['uri', ['http://contoso.org', 'myscript.sh'], 'http://contoso.org/myscript.sh'],
  [
    'uriComponent',
    ['http://contoso.com/resources/nested/azuredeploy.json'],
    'http%3A%2F%2Fcontoso.com%2Fresources%2Fnested%2Fazuredeploy.json',
  ],
  ['uriComponent', ["a b!'()*"], 'a%20b%21%27%28%29%2A'],
  [
    'uriComponentToString',
    ['http%3A%2F%2Fcontoso.com%2Fresources%2Fnested%2Fazuredeploy.json'],
    'http://contoso.com/resources/nested/azuredeploy.json',
  ],
  ['dataUri', ['Hello'], 'data:text/plain;charset=utf8;base64,SGVsbG8='],
  ['dataUriToString', ['data:;base64,SGVsbG8sIFdvcmxkIQ=='], 'Hello, World!'],
  ['dataUriToString', ['data:text/plain,Hello%20there'], 'Hello there'],
  // ARM's guid(): UUID v5 over namespace 11fb06fb-712d-4ddd-98c7-e71bbd588830 of the '-'-joined arguments.
  ['guid', ['a', 'b', 'c'], 'a98fa280-e03f-5afa-8d8e-92d0a9c201e8'],
  ['guid', ['a-b-c'], 'a98fa280-e03f-5afa-8d8e-92d0a9c201e8'],
  ['guid', [U], U],
  ['newGuid', [], U],
  ['utcNow', [], U],
  ['utcNow', ['u'], U],
]);

describe('uniqueString', () => {
  it('is a deterministic 13-character lowercase base32 string, case-sensitive in its input', () => {
    const a = call('uniqueString', ['/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}']);
    expect(a).toMatch(/^[a-z2-7]{13}$/);
    expect(call('uniqueString', ['/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}'])).toBe(
      a,
    );
    expect(
      call('uniqueString', ['/SUBSCRIPTIONS/{subscriptionId}/resourceGroups/{resourceGroupName}']),
    ).not.toBe(a);
    expect(call('uniqueString', ['a', 'b'])).toBe(call('uniqueString', ['a-b']));
    expect(isUnknown(call('uniqueString', ['a', U]))).toBe(true);
  });
});

table('array and object functions', [
  ['array', [1], [1]],
  ['array', ['efgh'], ['efgh']],
  ['array', [{ a: 'b' }], [{ a: 'b' }]],
  ['array', [[1, 2]], [1, 2]],
  ['createArray', [1, 2, 3], [1, 2, 3]],
  ['createArray', [], []],
  ['createObject', ['intProp', 1, 'stringProp', 'abc'], { intProp: 1, stringProp: 'abc' }],
  ['createObject', [], {}],
  ['concat', [['1-1', '1-2'], ['2-1']], ['1-1', '1-2', '2-1']],
  ['concat', ['prefix', '-', 5], 'prefix-5'],
  ['concat', [[], []], []],
  ['concat', [[1], null, [2]], [1, 2]],
  ['concat', ['a', U], U],
  ['contains', ['OneTwoThree', 'e'], true],
  ['contains', ['OneTwoThree', 'z'], false],
  ['contains', ['OneTwoThree', 'one'], false],
  ['contains', [{ one: 'a', two: 'b' }, 'one'], true],
  ['contains', [{ one: 'a', two: 'b' }, 'ONE'], true],
  ['contains', [{ one: 'a', two: 'b' }, 'a'], false],
  ['contains', [['one', 'two'], 'two'], true],
  ['contains', [['one', 'two'], 'TWO'], false],
  ['contains', [[1, 2, 3], 2], true],
  ['contains', [[{ a: 1 }], { a: 1 }], true],
  ['contains', [[U], 'a'], U],
  ['contains', [['a', U], 'a'], true],
  ['contains', [U, 'a'], U],
  ['empty', [[]], true],
  ['empty', [{}], true],
  ['empty', [''], true],
  ['empty', [null], true],
  ['empty', [[1]], false],
  ['empty', [{ a: 1 }], false],
  ['empty', ['a'], false],
  ['first', [['one', 'two']], 'one'],
  ['first', ['One Two'], 'O'],
  ['first', [[]], null],
  ['first', [''], ''],
  ['last', [['one', 'two']], 'two'],
  ['last', ['One Two'], 'o'],
  ['last', [[]], null],
  ['length', [['a', 'b', 'c']], 3],
  ['length', ['One Two Three'], 13],
  ['length', [{ a: 1, b: 2 }], 2],
  ['length', [[]], 0],
  ['length', [[U, U]], 2],
  ['skip', [['one', 'two', 'three'], 2], ['three']],
  ['skip', ['one two three', 4], 'two three'],
  ['skip', [['a'], -1], ['a']],
  ['skip', [['a'], 5], []],
  ['take', [['one', 'two', 'three'], 2], ['one', 'two']],
  ['take', ['one two three', 2], 'on'],
  ['take', [['a'], 0], []],
  ['take', [['a'], 9], ['a']],
  [
    'union',
    [
      ['one', 'two', 'three'],
      ['three', 'four'],
    ],
    ['one', 'two', 'three', 'four'],
  ],
  ['union', [[], []], []],
  [
    'union',
    [
      { a: 'b', c: 'd' },
      { c: 'x', e: 'f' },
    ],
    { a: 'b', c: 'x', e: 'f' },
  ],
  [
    'union',
    [
      { property: { one: 'a', two: 'b', three: 'c1' }, nestedArray: [1, 2] },
      { property: { three: 'c2', four: 'd', five: 'e' }, nestedArray: [3, 4] },
    ],
    { property: { one: 'a', two: 'b', three: 'c2', four: 'd', five: 'e' }, nestedArray: [3, 4] },
  ],
  [
    'intersection',
    [
      ['one', 'two', 'three'],
      ['two', 'three'],
    ],
    ['two', 'three'],
  ],
  [
    'intersection',
    [
      { one: 'a', two: 'b' },
      { one: 'a', two: 'z' },
    ],
    { one: 'a' },
  ],
  ['intersection', [[], ['a']], []],
  ['range', [1, 3], [1, 2, 3]],
  ['range', [5, 0], []],
  ['min', [[0, 3, 2, 5, 4]], 0],
  ['min', [0, 3, 2], 0],
  ['max', [[0, 3, 2, 5, 4]], 5],
  ['max', [-1, -7], -1],
  ['flatten', [[['one', 'two'], ['three'], []]], ['one', 'two', 'three']],
  ['flatten', [[]], []],
  [
    'items',
    [{ item002: { enabled: false }, item001: { enabled: true } }],
    [
      { key: 'item001', value: { enabled: true } },
      { key: 'item002', value: { enabled: false } },
    ],
  ],
  ['items', [{}], []],
  ['objectKeys', [{ a: 1, b: 2 }], ['a', 'b']],
  ['objectKeys', [{}], []],
  ['shallowMerge', [[{ one: 'a' }, { two: 'b' }, { one: 'c' }]], { one: 'c', two: 'b' }],
  ['shallowMerge', [[{ a: { x: 1 } }, { a: { y: 2 } }]], { a: { y: 2 } }],
  ['shallowMerge', [[]], {}],
  ['tryGet', [{ a: 1 }, 'a'], 1],
  ['tryGet', [{ a: 1 }, 'A'], 1],
  ['tryGet', [{ a: 1 }, 'b'], null],
  ['tryGet', [['x', 'y'], 1], 'y'],
  ['tryGet', [['x'], 4], null],
  ['tryGet', [{ a: { b: 2 } }, 'a', 'b'], 2],
  ['tryGet', [U, 'a'], U],
  ['json', ['{"a": "b"}'], { a: 'b' }],
  ['json', ['null'], null],
  ['json', ['{\n  // a comment\n  "a": [1, 2,],\n}'], { a: [1, 2] }],
  ['json', ['[1,2]'], [1, 2]],
  ['null', [], null],
  ['join', [['one', 'two', 'three'], ','], 'one,two,three'],
  ['join', [[], ','], ''],
  ['join', [[1, true], '-'], '1-True'],
]);

table('logical and comparison functions', [
  ['and', [true, true], true],
  ['and', [true, false], false],
  ['and', [false, U], false],
  ['and', [true, U], U],
  ['or', [false, false], false],
  ['or', [false, true], true],
  ['or', [U, true], true],
  ['or', [false, U], U],
  ['not', [false], true],
  ['not', [true], false],
  ['if', [true, 'a', 'b'], 'a'],
  ['if', [false, 'a', 'b'], 'b'],
  ['if', [U, 'a', 'b'], U],
  ['if', [true, 'a', U], 'a'],
  ['true', [], true],
  ['false', [], false],
  ['bool', ['true'], true],
  ['bool', ['False'], false],
  ['bool', [1], true],
  ['bool', [0], false],
  ['coalesce', [null, null, 'a', 'b'], 'a'],
  ['coalesce', [null, null], null],
  ['coalesce', ['a', U], 'a'],
  ['coalesce', [null, U, 'a'], U],
  ['equals', [1, 1], true],
  ['equals', ['a', 'A'], false],
  [
    'equals',
    [
      ['a', 'b'],
      ['a', 'b'],
    ],
    true,
  ],
  ['equals', [{ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }], true],
  ['equals', [{ a: 1 }, { a: 1, b: 2 }], false],
  ['equals', [null, null], true],
  [
    'equals',
    [
      [1, U],
      [2, U],
    ],
    false,
  ],
  [
    'equals',
    [
      [1, U],
      [1, 2],
    ],
    U,
  ],
  ['equals', [U, 1], U],
  // Deployment placeholders (resourceGroup().name...) are not the real values.
  ['equals', ['{resourceGroupName}', 'rg-prod'], U],
  ['equals', ['{resourceGroupName}', '{resourceGroupName}'], true],
  ['endsWith', ['/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}', '-prod'], U],
  [
    'endsWith',
    ['/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}', '{resourceGroupName}'],
    true,
  ],
  ['startsWith', ['{resourceGroupName}-x', 'rg-'], U],
  ['contains', ['rg-{resourceGroupName}', 'rg-'], true],
  ['contains', ['{resourceGroupName}', 'prod'], U],
  ['indexOf', ['{resourceGroupName}', 'prod'], U],
  // A match inside the placeholder text is not a match; positions after a placeholder are unknown.
  ['contains', ['{resourceGroupName}', 'Group'], U],
  ['indexOf', ['{resourceGroupName}-x', '-x'], U],
  ['indexOf', ['rg-{resourceGroupName}', 'rg-'], 0],
  ['lastIndexOf', ['a-{resourceGroupName}', 'a'], U],
  // The literal edge decides when it is long enough, or already differs.
  ['startsWith', ['abc-{resourceGroupName}', 'abc'], true],
  ['startsWith', ['abc-{resourceGroupName}', 'x'], false],
  ['startsWith', ['ab{resourceGroupName}', 'abc'], U],
  ['endsWith', ['abc', '{resourceGroupName}'], U],
  ['less', [1, 2], true],
  ['less', ['A', 'a'], true],
  ['less', ['b', 'a'], false],
  ['lessOrEquals', [2, 2], true],
  ['lessOrEquals', [3, 2], false],
  ['greater', [3, 2], true],
  ['greater', ['a', 'A'], true],
  ['greaterOrEquals', [2, 2], true],
  ['greaterOrEquals', [1, 2], false],
]);

table('numeric functions', [
  ['add', [5, 3], 8],
  ['sub', [7, 3], 4],
  ['mul', [5, 3], 15],
  ['div', [8, 3], 2],
  ['div', [-8, 3], -2],
  ['mod', [7, 3], 1],
  ['mod', [-7, 3], -1],
  ['int', ['4'], 4],
  ['int', [4.7], 4],
  ['float', ['2.5'], 2.5],
  ['float', [3], 3],
  ['add', [U, 1], U],
]);

table('date functions', [
  ['dateTimeAdd', ['2020-04-07 14:53:14Z', 'P3Y'], '2023-04-07T14:53:14Z'],
  ['dateTimeAdd', ['2020-04-07T14:53:14Z', '-PT1H'], '2020-04-07T13:53:14Z'],
  ['dateTimeAdd', ['2020-04-07T14:53:14Z', 'P1DT30M'], '2020-04-08T15:23:14Z'],
  ['dateTimeAdd', ['2020-04-07T14:53:14Z', 'P1D', 'yyyy'], U],
  ['dateTimeFromEpoch', [1683040573], '2023-05-02T15:16:13Z'],
  ['dateTimeToEpoch', ['2023-05-02T15:16:13Z'], 1683040573],
]);

table('CIDR functions', [
  [
    'parseCidr',
    ['10.144.0.0/20'],
    {
      network: '10.144.0.0',
      netmask: '255.255.240.0',
      broadcast: '10.144.15.255',
      firstUsable: '10.144.0.1',
      lastUsable: '10.144.15.254',
      cidr: 20,
    },
  ],
  ['cidrSubnet', ['10.144.0.0/20', 24, 2], '10.144.2.0/24'],
  ['cidrSubnet', ['10.144.0.0/20', 20, 0], '10.144.0.0/20'],
  ['cidrHost', ['10.144.3.0/24', 0], '10.144.3.1'],
  ['cidrHost', ['10.144.3.0/24', 253], '10.144.3.254'],
  ['parseCidr', ['fdad:3236:5555::/48'], U],
]);

const square = lambda(['x'], (x) => (x as number) * (x as number));
table('lambda functions', [
  ['filter', [[1, 2, 3, 4], lambda(['x'], (x) => (x as number) > 2)], [3, 4]],
  ['filter', [[], lambda(['x'], () => true)], []],
  ['filter', [['a', 'b'], lambda(['x', 'i'], (_x, i) => i === 1)], ['b']],
  ['filter', [[1, 2], lambda(['x'], () => U)], U],
  ['map', [[1, 2, 3], square], [1, 4, 9]],
  ['map', [['a', 'b'], lambda(['x', 'i'], (x, i) => `${x}${i}`)], ['a0', 'b1']],
  ['map', [[], square], []],
  ['reduce', [[1, 2, 3], 0, lambda(['cur', 'next'], (c, n) => (c as number) + (n as number))], 6],
  ['reduce', [[], 10, lambda(['cur', 'next'], (c) => c)], 10],
  ['sort', [[3, 1, 2], lambda(['a', 'b'], (a, b) => (a as number) < (b as number))], [1, 2, 3]],
  [
    'sort',
    [['bb', 'a', 'ccc'], lambda(['a', 'b'], (a, b) => (a as string).length < (b as string).length)],
    ['a', 'bb', 'ccc'],
  ],
  [
    'groupBy',
    [['foo', 'bar', 'baz'], lambda(['x'], (x) => (x as string).slice(0, 1))],
    { f: ['foo'], b: ['bar', 'baz'] },
  ],
  [
    'mapValues',
    [{ foo: 'foo', bar: 'bar' }, lambda(['v'], (v) => (v as string).toUpperCase())],
    { foo: 'FOO', bar: 'BAR' },
  ],
  [
    'toObject',
    [[{ name: 'a', v: 1 }], lambda(['e'], (e) => (e as { name: string }).name)],
    { a: { name: 'a', v: 1 } },
  ],
  [
    'toObject',
    [
      [{ name: 'a', v: 1 }],
      lambda(['e'], (e) => (e as { name: string }).name),
      lambda(['e'], (e) => (e as { v: number }).v),
    ],
    { a: 1 },
  ],
  ['map', [U, square], U],
]);

const RG_ID = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}';
table('resource ID functions', [
  [
    'resourceId',
    ['Microsoft.Network/virtualNetworks/subnets', 'vnet', 'snet'],
    `${RG_ID}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet`,
  ],
  [
    'resourceId',
    ['otherRg', 'Microsoft.Storage/storageAccounts', 'st'],
    '/subscriptions/{subscriptionId}/resourceGroups/otherRg/providers/Microsoft.Storage/storageAccounts/st',
  ],
  [
    'resourceId',
    ['sub1', 'rg1', 'Microsoft.Storage/storageAccounts', 'st'],
    '/subscriptions/sub1/resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/st',
  ],
  [
    'resourceId',
    ['Microsoft.Network/virtualNetworks', U],
    `${RG_ID}/providers/Microsoft.Network/virtualNetworks/<unknown: parameters('x')>`,
  ],
  [
    'subscriptionResourceId',
    ['Microsoft.Resources/resourceGroups', 'rg'],
    '/subscriptions/{subscriptionId}/providers/Microsoft.Resources/resourceGroups/rg',
  ],
  [
    'subscriptionResourceId',
    ['sub1', 'Microsoft.Authorization/roleDefinitions', 'abc'],
    '/subscriptions/sub1/providers/Microsoft.Authorization/roleDefinitions/abc',
  ],
  [
    'tenantResourceId',
    ['Microsoft.Authorization/policyDefinitions', 'p1'],
    '/providers/Microsoft.Authorization/policyDefinitions/p1',
  ],
  [
    'extensionResourceId',
    [`${RG_ID}/providers/Microsoft.Storage/storageAccounts/st`, 'Microsoft.Authorization/locks', 'lock'],
    `${RG_ID}/providers/Microsoft.Storage/storageAccounts/st/providers/Microsoft.Authorization/locks/lock`,
  ],
  [
    'managementGroupResourceId',
    ['mg1', 'Microsoft.Authorization/policyDefinitions', 'p1'],
    '/providers/Microsoft.Management/managementGroups/mg1/providers/Microsoft.Authorization/policyDefinitions/p1',
  ],
  ['reference', ['st'], U],
  ['reference', [U, '2023-01-01', 'Full'], U],
  ['references', ['loop'], U],
  ['listKeys', ['id', '2023-01-01'], U],
  ['listSecrets', ['id', '2023-01-01'], U],
  ['pickZones', ['Microsoft.Compute', 'virtualMachines', 'westus2'], U],
  ['providers', ['Microsoft.Web'], U],
]);

describe('deployment functions', () => {
  it('describe the symbolic deployment scope', () => {
    expect(call('resourceGroup', [])).toMatchObject({ id: RG_ID, name: '{resourceGroupName}' });
    expect(isUnknown((call('resourceGroup', []) as { location: unknown }).location)).toBe(true);
    expect(call('subscription', [])).toMatchObject({
      id: '/subscriptions/{subscriptionId}',
      subscriptionId: '{subscriptionId}',
    });
    expect(call('tenant', [])).toMatchObject({ id: '/tenants/{tenantId}', tenantId: '{tenantId}' });
    expect(call('managementGroup', [])).toMatchObject({
      id: '/providers/Microsoft.Management/managementGroups/{managementGroupName}',
    });
    expect(call('managementGroup', ['mg1'])).toMatchObject({ name: 'mg1' });
    expect(call('deployment', [])).toMatchObject({ name: '{deploymentName}' });
    expect(isUnknown((call('deployer', []) as { objectId: unknown }).objectId)).toBe(true);
    expect(call('environment', [])).toMatchObject({
      name: 'AzureCloud',
      suffixes: { storage: 'core.windows.net' },
    });
  });
  it('use the scope they are given', () => {
    const scoped = simpleFunctionContext({
      scope: { ...SYMBOLIC_SCOPE, resourceGroupName: 'rg-prod', location: 'westeurope' },
    });
    expect(callTemplateFunction('resourceGroup', [], scoped)).toMatchObject({
      name: 'rg-prod',
      location: 'westeurope',
    });
    expect(callTemplateFunction('resourceId', ['Microsoft.Web/sites', 'app'], scoped)).toBe(
      '/subscriptions/{subscriptionId}/resourceGroups/rg-prod/providers/Microsoft.Web/sites/app',
    );
    const atSubscription = simpleFunctionContext({
      scope: { ...SYMBOLIC_SCOPE, targetScope: 'subscription' },
    });
    expect(
      callTemplateFunction('resourceId', ['Microsoft.Resources/resourceGroups', 'rg'], atSubscription),
    ).toBe('/subscriptions/{subscriptionId}/providers/Microsoft.Resources/resourceGroups/rg');
  });
});

errors('bad arguments', [
  ['substring', ['abc', 2, 5], 'bad-arguments'],
  ['substring', ['abc', -1], 'bad-arguments'],
  ['replace', ['abc', '', 'x'], 'bad-arguments'],
  ['padLeft', ['a', 3, 'xy'], 'bad-arguments'],
  ['format', ['{1}', 'a'], 'bad-arguments'],
  ['format', ['{0', 'a'], 'bad-arguments'],
  ['base64ToString', ['***'], 'bad-arguments'],
  ['json', ['{not json'], 'bad-arguments'],
  ['concat', [[1], 'a'], 'bad-arguments'],
  ['union', [[1], { a: 1 }], 'bad-arguments'],
  ['length', [5], 'bad-arguments'],
  ['first', [5], 'bad-arguments'],
  ['empty', [5], 'bad-arguments'],
  ['range', [0, 801], 'cap-copy-count'],
  ['range', [0, -1], 'bad-arguments'],
  ['min', [[]], 'bad-arguments'],
  ['div', [1, 0], 'bad-arguments'],
  ['mod', [1, 0], 'bad-arguments'],
  ['add', ['1', 2], 'bad-arguments'],
  ['int', ['abc'], 'bad-arguments'],
  ['bool', ['maybe'], 'bad-arguments'],
  ['not', ['true'], 'bad-arguments'],
  ['less', [1, 'a'], 'bad-arguments'],
  ['and', [true, 'x'], 'bad-arguments'],
  ['filter', [[1], 'not a lambda'], 'bad-arguments'],
  ['resourceId', ['Microsoft.Network/virtualNetworks/subnets', 'vnet'], 'bad-arguments'],
  ['resourceId', ['vnet', 'snet'], 'bad-arguments'],
  ['cidrSubnet', ['10.0.0.0/24', 16, 0], 'bad-arguments'],
  ['cidrHost', ['10.0.0.0/30', 2], 'bad-arguments'],
  ['dateTimeAdd', ['2020-01-01T00:00:00Z', 'one day'], 'bad-arguments'],
  ['toLower', [1], 'bad-arguments'],
]);

describe('the registry', () => {
  it('resolves names case-insensitively, with or without sys.', () => {
    expect(callTemplateFunction('TOLOWER', ['A'], ctx)).toBe('a');
    expect(callTemplateFunction('sys.concat', ['a', 'b'], ctx)).toBe('ab');
    expect(hasTemplateFunction('ResourceId')).toBe(true);
    expect(hasTemplateFunction('listAccountSas')).toBe(true);
    expect(hasTemplateFunction('parameters')).toBe(false);
    expect(hasTemplateFunction('noSuchFunction')).toBe(false);
  });
  it('throws unknown-function for an unknown name', () => {
    expect(() => callTemplateFunction('noSuchFunction', [], ctx)).toThrowError(
      expect.objectContaining({ code: 'unknown-function' }),
    );
  });
  it('checks the argument count', () => {
    expect(() => callTemplateFunction('toLower', [], ctx)).toThrowError(/takes 1 argument/);
    expect(() => callTemplateFunction('if', [true, 1], ctx)).toThrowError(/takes 3 argument/);
  });
  it('stops at the step budget', () => {
    const tiny = simpleFunctionContext({ maxSteps: 2 });
    callTemplateFunction('add', [1, 1], tiny);
    callTemplateFunction('add', [1, 1], tiny);
    expect(() => callTemplateFunction('add', [1, 1], tiny)).toThrowError(
      expect.objectContaining({ code: 'cap-evaluation-steps' }),
    );
  });
  it('has a test row for every function it registers', () => {
    const missing = templateFunctionNames().filter((n) => !covered.has(n));
    expect(missing).toEqual([]);
  });
});
