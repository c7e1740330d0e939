import { type Resource, ResourceGraph } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { driftReport, sameValue } from './drift.js';

const res = (
  type: string,
  name: string,
  properties: Record<string, unknown>,
  language: Resource['language'],
  id: string,
): Resource => ({
  type,
  name,
  id,
  properties,
  language,
});

describe('drift', () => {
  it('compares what the IaC states, references by target, enums without case', () => {
    expect(sameValue('Allow', 'allow')).toBe(true);
    expect(sameValue(['b', 'a'], ['a', 'b'])).toBe(true);
    expect(
      sameValue(
        {
          id: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/networkSecurityGroups/nsg',
        },
        { id: '/subscriptions/1/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/NSG' },
      ),
    ).toBe(true);
    expect(sameValue({ enabled: true }, { enabled: true, enforcement: 'AllowUnencrypted' })).toBe(true);
    expect(sameValue({ enabled: true }, { enabled: false })).toBe(false);
  });

  it('reports changed properties, undeployed and unmanaged resources', () => {
    const sym =
      '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Storage/storageAccounts/';
    const live = '/subscriptions/1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/';
    const iac = new ResourceGraph([
      res(
        'Microsoft.Storage/storageAccounts',
        'st1',
        { supportsHttpsTrafficOnly: true, minimumTlsVersion: 'TLS1_2' },
        'arm',
        `${sym}st1`,
      ),
      res('Microsoft.Storage/storageAccounts', 'st2', { supportsHttpsTrafficOnly: true }, 'arm', `${sym}st2`),
    ]);
    const deployed = new ResourceGraph([
      res(
        'Microsoft.Storage/storageAccounts',
        'st1',
        { supportsHttpsTrafficOnly: false, minimumTlsVersion: 'TLS1_2', allowBlobPublicAccess: true },
        'azure',
        `${live}st1`,
      ),
      res('Microsoft.Storage/storageAccounts', 'st3', {}, 'azure', `${live}st3`),
    ]);
    const report = driftReport(iac, deployed);
    expect(report.changes).toEqual([
      expect.objectContaining({
        name: 'st1',
        path: 'properties.supportsHttpsTrafficOnly',
        iac: true,
        live: false,
      }),
    ]);
    expect(report.missingLive.map((m) => m.name)).toEqual(['st2']);
    expect(report.unmanaged.map((m) => m.name)).toEqual(['st3']);
  });
});
