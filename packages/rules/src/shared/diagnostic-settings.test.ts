import { type Resource, ResourceGraph, unknown } from '@ztkit/core';
import { describe, expect, it } from 'vitest';
import { diagnosticSettingsIndex, diagnosticTarget } from './diagnostic-settings.js';

const RG = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}';

function resource(
  type: string,
  name: string,
  properties: Record<string, unknown> = {},
  id?: string,
): Resource {
  const path = type
    .split('/')
    .slice(1)
    .map((t, i) => `${t}/${name.split('/')[i]}`)
    .join('/');
  return {
    type,
    name,
    id: id ?? `${RG}/providers/${type.split('/')[0]}/${path}`,
    properties,
    language: 'arm',
  };
}

describe('diagnostic settings', () => {
  const circuit = resource('Microsoft.Network/expressRouteCircuits', 'erc-hub');
  const firewall = resource('Microsoft.Network/azureFirewalls', 'afw-hub');

  it('attributes a scoped setting (Bicep `scope`, Terraform target_resource_id) through its extension ID', () => {
    const setting = resource(
      'Microsoft.Insights/diagnosticSettings',
      'to-law',
      { workspaceId: unknown('parameter'), logs: [{ categoryGroup: 'allLogs', enabled: true }] },
      `${circuit.id}/providers/Microsoft.Insights/diagnosticSettings/to-law`,
    );
    const graph = new ResourceGraph([circuit, firewall, setting]);
    expect(diagnosticTarget(graph, setting)).toBe(circuit);
    const index = diagnosticSettingsIndex(graph);
    expect(index.settingsFor(circuit)).toHaveLength(1);
    expect(index.settingsFor(circuit)[0]).toMatchObject({ toLogAnalytics: true, logsEnabled: true });
    expect(index.settingsFor(firewall)).toHaveLength(0);
    expect(index.hasUnattributed).toBe(false);
  });

  it('attributes a nested-name setting (`<target>/Microsoft.Insights/<name>`)', () => {
    const setting = resource(
      'Microsoft.Network/azureFirewalls/providers/diagnosticSettings',
      'afw-hub/Microsoft.Insights/to-storage',
      {
        storageAccountId: '/subscriptions/x/resourceGroups/y/providers/Microsoft.Storage/storageAccounts/st',
      },
    );
    const graph = new ResourceGraph([firewall, setting]);
    const views = diagnosticSettingsIndex(graph).settingsFor(firewall);
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ toLogAnalytics: false, logsEnabled: false });
  });

  it('flags a setting without a known target so that absence cannot be concluded', () => {
    const setting = resource('Microsoft.Insights/diagnosticSettings', 'orphan', { workspaceId: 'x' });
    const index = diagnosticSettingsIndex(new ResourceGraph([firewall, setting]));
    expect(index.hasUnattributed).toBe(true);
    expect(index.settingsFor(firewall)).toHaveLength(0);
  });
});
