import { describe, expect, it } from 'vitest';
import { buildResourceId, parseResourceId } from './resource-id.js';

describe('buildResourceId', () => {
  it('uses the symbolic scope by default', () => {
    expect(buildResourceId('Microsoft.Network/virtualNetworks/subnets', ['vnet', 'snet'])).toBe(
      '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet',
    );
  });
  it('builds subscription-level ids when the resource group is null', () => {
    expect(buildResourceId('Microsoft.Resources/resourceGroups', ['rg-app'], 'sub', null)).toBe(
      '/subscriptions/sub/providers/Microsoft.Resources/resourceGroups/rg-app',
    );
  });
});

describe('parseResourceId', () => {
  it('splits scope, type and name, with a case-folded key for matching', () => {
    expect(
      parseResourceId(
        '/subscriptions/S/resourceGroups/RG/providers/Microsoft.Network/virtualNetworks/V/subnets/A',
      ),
    ).toEqual({
      subscriptionId: 'S',
      resourceGroup: 'RG',
      type: 'Microsoft.Network/virtualNetworks/subnets',
      name: 'V/A',
      key: 'microsoft.network/virtualnetworks/subnets|v/a',
    });
  });
  it('rejects strings that are not resource ids', () => {
    expect(parseResourceId('not-an-id')).toBeUndefined();
    expect(parseResourceId('/subscriptions/s/providers/Microsoft.Network')).toBeUndefined();
  });
});
