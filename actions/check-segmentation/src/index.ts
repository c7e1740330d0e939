import { runPackCheck } from '@ztkit/action-kit';
import { analyseNetwork, renderTopologyMermaid } from '@ztkit/analysis';

// Segmentation (Zero Trust document 002) needs the cross-resource analysis rules too: reachability
// from the Internet, spoke-to-spoke paths, missing NSGs and routes that bypass the firewall.
await runPackCheck({
  title: 'ztkit: network segmentation',
  packs: ['segmentation', 'analysis'],
  category: 'ztkit/segmentation',
  // The topology is worth drawing only when there is a network in the model.
  diagram: (result) =>
    result.graph.ofType('Microsoft.Network/virtualNetworks').length
      ? renderTopologyMermaid(analyseNetwork(result.graph))
      : undefined,
});
