import { resolveCloud } from '@ztkit/azure';
import { describe, expect, it } from 'vitest';

describe('cloud selection', () => {
  it('defaults to the public cloud', () => {
    const r = resolveCloud({}, {});
    expect(r.ok && r.cloud).toMatchObject({
      name: 'AzurePublicCloud',
      armEndpoint: 'https://management.azure.com',
      armScope: 'https://management.azure.com/.default',
      authorityHost: 'https://login.microsoftonline.com',
    });
  });

  it('takes --cloud, then AZURE_ENVIRONMENT, with the names other tools use', () => {
    const gov = resolveCloud({ cloud: 'AzureUSGovernment' }, { AZURE_ENVIRONMENT: 'AzureChinaCloud' });
    expect(gov.ok && gov.cloud.armEndpoint).toBe('https://management.usgovcloudapi.net');
    expect(gov.ok && gov.cloud.portal).toBe('https://portal.azure.us');
    const china = resolveCloud({}, { AZURE_ENVIRONMENT: 'AzureChinaCloud' });
    expect(china.ok && china.cloud.authorityHost).toBe('https://login.chinacloudapi.cn');
    const goVariant = resolveCloud({ cloud: 'AzureUSGovernmentCloud' }, {});
    expect(goVariant.ok && goVariant.cloud.name).toBe('AzureUSGovernment');
    const bad = resolveCloud({ cloud: 'AzureGermanCloud' }, {});
    expect(bad.ok).toBe(false);
  });

  it('honours AZURE_AUTHORITY_HOST and an explicit ARM endpoint and audience (Azure Stack Hub)', () => {
    const stack = resolveCloud(
      {
        armEndpoint: 'https://management.local.azurestack.external/',
        armAudience: 'https://management.azurestackhub.contoso.com/81c1c7f0-0000-0000-0000-000000000000',
        portal: 'https://portal.local.azurestack.external',
      },
      { AZURE_AUTHORITY_HOST: 'https://adfs.local.azurestack.external/' },
    );
    expect(stack.ok && stack.cloud).toEqual({
      name: 'custom',
      armEndpoint: 'https://management.local.azurestack.external',
      authorityHost: 'https://adfs.local.azurestack.external',
      armScope: 'https://management.azurestackhub.contoso.com/81c1c7f0-0000-0000-0000-000000000000/.default',
      portal: 'https://portal.local.azurestack.external',
    });
    expect(resolveCloud({ armEndpoint: 'http://insecure.example' }, {}).ok).toBe(false);
    const fromEnv = resolveCloud({}, { AZURE_RESOURCE_MANAGER_ENDPOINT: 'https://arm.example.test' });
    expect(fromEnv.ok && fromEnv.cloud.armScope).toBe('https://arm.example.test/.default');
  });
});
