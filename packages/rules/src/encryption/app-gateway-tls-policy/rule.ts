import { defineRule, type FindingDraft, isUnknown, type Pointer, type Resource } from '@ztkit/core';
import { apiVersionBefore } from '../../shared/api-version.js';
import { APPLICATION_GATEWAY, gatewayItems, protocolOf } from '../../shared/application-gateway.js';
import { insecureParameterFinding } from '../../shared/parameter-bindings.js';
import { compareTls, MINIMUM_TLS, parseTlsVersion, type TlsVersion } from '../../shared/tls.js';

/** Lowest protocol each predefined policy enables (Application Gateway TLS policy overview). */
const PREDEFINED_MINIMUM: Readonly<Record<string, TlsVersion>> = {
  appgwsslpolicy20150501: '1.0',
  appgwsslpolicy20170401: '1.1',
  appgwsslpolicy20170401s: '1.2',
  appgwsslpolicy20220101: '1.2',
  appgwsslpolicy20220101s: '1.2',
};
/** API versions from this date apply AppGwSslPolicy20220101 when no policy is given; older ones 20150501. */
const MODERN_DEFAULT_SINCE = '2023-02-01';
const LEGACY_PROTOCOLS: readonly TlsVersion[] = ['1.0', '1.1'];

const weak = (v: TlsVersion) => compareTls(v, MINIMUM_TLS) < 0;

export default defineRule({
  meta: {
    id: 'ZT-E06-01',
    title: 'Application Gateway uses a TLS policy that accepts TLS 1.2 or later only',
    severity: 'high',
    catalog: ['E06'],
    principles: ['verify-explicitly', 'assume-breach'],
    pack: 'encryption',
    source: [
      { document: '002', step: '§4 Encryption: user-to-app internal traffic is encrypted' },
      { document: '000', step: 'step 4 Implement encryption at the application layer' },
    ],
    benchmark: ['DP-3'],
    peers: { checkov: ['CKV_AZURE_218'], psrule: ['Azure.AppGw.SSLPolicy'] },
    resourceTypes: [APPLICATION_GATEWAY],
    rationale:
      'The TLS policy decides which protocol versions and cipher suites clients can negotiate with the gateway. The 2015 and 2017 predefined policies, the implicit default of older API versions and custom policies below TLS 1.2 let clients fall back to TLS 1.0/1.1 and CBC suites.',
    remediation: {
      summary:
        'Use the predefined AppGwSslPolicy20220101S (or 20220101), or a CustomV2 policy with minProtocolVersion TLSv1_2 or TLSv1_3, on the gateway and every SSL profile.',
      arm: '"sslPolicy": { "policyType": "Predefined", "policyName": "AppGwSslPolicy20220101S" }',
      bicep: "sslPolicy: {\n  policyType: 'Predefined'\n  policyName: 'AppGwSslPolicy20220101S'\n}",
      terraform: 'ssl_policy {\n  policy_type = "Predefined"\n  policy_name = "AppGwSslPolicy20220101S"\n}',
    },
    links: ['https://learn.microsoft.com/azure/application-gateway/application-gateway-ssl-policy-overview'],
    notes: [
      'Without sslPolicy, API versions before 2023-02-01 apply AppGwSslPolicy20150501 (TLS 1.0 and later) and API versions from 2023-02-01 apply AppGwSslPolicy20220101 (TLS 1.2 and later), as the TLS policy overview states.',
      'A gateway without an HTTPS listener terminates no TLS; its missing sslPolicy is not reported.',
      'A policy given only as disabledSslProtocols is read as the default policy minus those protocols.',
    ],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const gateway of graph.ofType(APPLICATION_GATEWAY)) {
      // Layer-4 TLS listeners (`listeners`, protocol Tls) terminate TLS under the same policy.
      const terminatesTls =
        gatewayItems(gateway, 'httpListeners').some((l) => protocolOf(l) === 'https') ||
        gatewayItems(gateway, 'listeners').some((l) => String(l.properties.protocol).toLowerCase() === 'tls');
      // A null sslPolicy (`cond ? {...} : null`) is no policy: ARM treats null as absent.
      const policy = gateway.properties.sslPolicy;
      if (policy != null || terminatesTls)
        yield* policyFindings(gateway, ['properties', 'sslPolicy'], `'${gateway.name}'`);
      for (const profile of gatewayItems(gateway, 'sslProfiles'))
        if (profile.properties.sslPolicy != null)
          yield* policyFindings(
            gateway,
            [...profile.path, 'properties', 'sslPolicy'],
            `SSL profile '${profile.name}' of '${gateway.name}'`,
          );
    }
  },
});

function* policyFindings(gateway: Resource, at: Pointer, label: string): Iterable<FindingDraft> {
  for (const [key, isInsecure] of [
    ['policyName', (v: unknown) => weakPredefined(v)],
    ['minProtocolVersion', (v: unknown) => isWeakVersion(v)],
  ] as const) {
    const viaParameter = insecureParameterFinding(
      gateway,
      [...at, key],
      isInsecure,
      `the TLS policy of ${label}`,
    );
    if (viaParameter) {
      yield viaParameter;
      return;
    }
  }
  let policy: unknown = gateway;
  for (const key of at)
    policy = isUnknown(policy) ? policy : (policy as Record<string | number, unknown>)?.[key];
  if (isUnknown(policy)) return;
  const legacyDefault = apiVersionBefore(gateway, MODERN_DEFAULT_SINCE);
  if (policy == null) {
    if (legacyDefault)
      yield {
        resource: gateway,
        message: `${capitalise(label)} sets no sslPolicy; with API version ${gateway.apiVersion} the default is AppGwSslPolicy20150501, which accepts TLS 1.0. Choose AppGwSslPolicy20220101S or a CustomV2 policy.`,
        discriminator: 'default-policy',
      };
    return;
  }
  const p = policy as Record<string, unknown>;
  if ([p.policyType, p.policyName, p.minProtocolVersion, p.disabledSslProtocols].some(isUnknown)) return;
  const type = typeof p.policyType === 'string' ? p.policyType.toLowerCase() : undefined;
  if (type === 'predefined' || (type === undefined && p.policyName != null)) {
    if (weakPredefined(p.policyName))
      yield {
        resource: gateway,
        path: [...at, 'policyName'],
        message: `${capitalise(label)} uses predefined policy ${String(p.policyName)}, which accepts TLS ${PREDEFINED_MINIMUM[String(p.policyName).toLowerCase()]}; use AppGwSslPolicy20220101S or 20220101.`,
        discriminator: at.join('.'),
      };
    return;
  }
  if (type === 'custom' || type === 'customv2' || p.minProtocolVersion != null) {
    const min = parseTlsVersion(p.minProtocolVersion) ?? lowestEnabled(p.disabledSslProtocols, '1.0');
    if (min && weak(min))
      yield {
        resource: gateway,
        path: p.minProtocolVersion != null ? [...at, 'minProtocolVersion'] : at,
        message: `${capitalise(label)} has a custom TLS policy that accepts TLS ${min}; set minProtocolVersion to TLSv1_2 or TLSv1_3.`,
        discriminator: at.join('.'),
      };
    return;
  }
  // Only disabledSslProtocols: the default policy of this API version, minus what is disabled.
  if (legacyDefault === undefined) return;
  const min = lowestEnabled(p.disabledSslProtocols, legacyDefault ? '1.0' : '1.2');
  if (min && weak(min))
    yield {
      resource: gateway,
      path: p.disabledSslProtocols != null ? [...at, 'disabledSslProtocols'] : at,
      message: `${capitalise(label)} leaves TLS ${min} enabled (disabledSslProtocols does not remove it from the default policy).`,
      discriminator: at.join('.'),
    };
}

function weakPredefined(name: unknown): boolean {
  const min = typeof name === 'string' ? PREDEFINED_MINIMUM[name.toLowerCase()] : undefined;
  return min !== undefined && weak(min);
}

function isWeakVersion(value: unknown): boolean {
  const v = parseTlsVersion(value);
  return v !== undefined && weak(v);
}

/** Lowest protocol left enabled when the policy's floor is `floor` and `disabled` are switched off. */
function lowestEnabled(disabled: unknown, floor: TlsVersion): TlsVersion | undefined {
  const off = Array.isArray(disabled) ? disabled.map(parseTlsVersion) : [];
  if (Array.isArray(disabled) && off.some((v) => v === undefined)) return undefined;
  return [...LEGACY_PROTOCOLS, MINIMUM_TLS].find((v) => compareTls(v, floor) >= 0 && !off.includes(v));
}

function capitalise(s: string): string {
  return s.startsWith("'") ? `Application Gateway ${s}` : s.charAt(0).toUpperCase() + s.slice(1);
}
