import { describe, expect, it } from 'vitest';
import { AddressSet, INTERNET } from './address-set.js';
import { isPlatformManagementOnly } from './service-tags.js';

describe('platform management service tags', () => {
  it('recognise sources made only of Azure management planes, regional variants included', () => {
    expect(isPlatformManagementOnly(AddressSet.ofTag('GatewayManager'))).toBe(true);
    expect(
      isPlatformManagementOnly(
        AddressSet.ofTag('ApiManagement.WestEurope').union(AddressSet.ofTag('AppServiceManagement')),
      ),
    ).toBe(true);
  });

  it('refuse anything else: other tags, addresses, the Internet, nothing', () => {
    expect(isPlatformManagementOnly(AddressSet.ofTag('AzureCloud'))).toBe(false);
    expect(isPlatformManagementOnly(AddressSet.ofTag('CorpNetSaw'))).toBe(false);
    expect(
      isPlatformManagementOnly(
        AddressSet.ofTag('GatewayManager').union(AddressSet.ofPrefixes(['203.0.113.0/24'])),
      ),
    ).toBe(false);
    expect(isPlatformManagementOnly(INTERNET)).toBe(false);
    expect(isPlatformManagementOnly(AddressSet.EMPTY)).toBe(false);
  });
});
