import type { ParameterBinding, Resource, SourceSpan } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { insecureChoices, insecureParameterFinding } from './parameter-bindings.js';

const declaration: SourceSpan = {
  file: 'main.json',
  startLine: 7,
  startColumn: 5,
  endLine: 11,
  endColumn: 6,
};

function account(binding?: ParameterBinding): Resource {
  return {
    type: 'Microsoft.Storage/storageAccounts',
    name: 'st1',
    id: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Storage/storageAccounts/st1',
    properties: {},
    language: 'arm',
    bindings: binding ? new Map([['properties.minimumTlsVersion', binding]]) : undefined,
  };
}
const weak = (v: unknown) => v === 'TLS1_0' || v === 'TLS1_1';
const path = ['properties', 'minimumTlsVersion'];

describe('insecureParameterFinding', () => {
  it('reports an insecure allowed value on the parameter declaration', () => {
    const finding = insecureParameterFinding(
      account({
        name: 'tls',
        kind: 'parameter',
        allowedValues: ['TLS1_0', 'TLS1_2'],
        defaultValue: 'TLS1_2',
        declaration,
      }),
      path,
      weak,
      'the minimum TLS version',
    );
    expect(finding?.span).toEqual(declaration);
    expect(finding?.message).toBe(
      "Parameter 'tls' sets the minimum TLS version and allows 'TLS1_0'; restrict it to secure values.",
    );
    expect(finding?.discriminator).toBe('binding:tls:properties.minimumTlsVersion');
  });

  it('names an insecure default first, then the other insecure choices', () => {
    const finding = insecureParameterFinding(
      account({
        name: 'tlsVersion',
        kind: 'variable',
        defaultValue: 'TLS1_1',
        allowedValues: ['TLS1_0', 'TLS1_1'],
        declaration,
      }),
      path,
      weak,
      'TLS',
    );
    expect(finding?.message).toBe(
      "Variable 'tlsVersion' sets TLS and defaults to 'TLS1_1' and allows 'TLS1_1', 'TLS1_0'; restrict it to secure values.",
    );
  });

  it('says nothing when every permitted value is secure, or the property is not bound', () => {
    expect(
      insecureParameterFinding(
        account({ name: 'tls', kind: 'parameter', allowedValues: ['TLS1_2'] }),
        path,
        weak,
        'x',
      ),
    ).toBeUndefined();
    expect(insecureParameterFinding(account(), path, weak, 'x')).toBeUndefined();
    expect(insecureChoices(account({ name: 'tls', kind: 'parameter' }), path, weak)).toBeUndefined();
  });
});
