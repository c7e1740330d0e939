import { defineRule, type FindingDraft } from '@ztkit/core';
import { insecureParameterFinding } from '../../shared/parameter-bindings.js';

const BASTION_HOSTS = 'Microsoft.Network/bastionHosts';
const SHAREABLE_LINK = ['properties', 'enableShareableLink'] as const;

export default defineRule({
  meta: {
    id: 'ZT-E18-02',
    title: 'Azure Bastion does not hand out shareable links',
    severity: 'medium',
    catalog: ['E18'],
    principles: ['verify-explicitly', 'least-privilege'],
    pack: 'encryption',
    source: [{ document: '000', step: 'step 5 Use Azure Bastion to protect Azure virtual machines' }],
    benchmark: ['PA-2', 'IM-7'],
    peers: {},
    resourceTypes: [BASTION_HOSTS],
    rationale:
      'A shareable link lets anyone holding the URL open an RDP/SSH session to the VM through Bastion without signing in to Azure or passing Conditional Access; only the VM credentials stand in the way. That undoes the single verified entry point Bastion is there to provide.',
    remediation: {
      summary:
        'Set enableShareableLink to false (the default) and give administrators Azure RBAC access to Bastion instead.',
      arm: '"properties": { "enableShareableLink": false }',
      bicep: 'properties: {\n  enableShareableLink: false\n}',
      terraform: 'shareable_link_enabled = false',
    },
    links: ['https://learn.microsoft.com/azure/bastion/shareable-link'],
    notes: ['A missing enableShareableLink is false, the API default.'],
  },
  *check({ graph }): Iterable<FindingDraft> {
    for (const bastion of graph.ofType(BASTION_HOSTS)) {
      const what = `enableShareableLink of Bastion '${bastion.name}'`;
      const viaParameter = insecureParameterFinding(bastion, SHAREABLE_LINK, (v) => v === true, what);
      if (viaParameter) yield viaParameter;
      else if (bastion.properties.enableShareableLink === true)
        yield {
          resource: bastion,
          path: [...SHAREABLE_LINK],
          message: `Bastion '${bastion.name}' allows shareable links: anyone with the URL reaches the VM's login prompt without Entra sign-in.`,
        };
    }
  },
});
