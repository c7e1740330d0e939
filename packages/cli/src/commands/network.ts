import {
  analyseNetwork,
  type NetworkAnalysis,
  readAnalysisOptions,
  renderTopologyMermaid,
} from '@ztkit/analysis';
import type { ResourceGraph, SourceLanguage } from '@ztkit/core';
import type { PolicyScanResult } from '@ztkit/engine';

export interface LanguageNetwork {
  readonly language: SourceLanguage | undefined;
  readonly analysis: NetworkAnalysis;
}

/**
 * The network analysis of a scan, per source language (twins of one deployment in ARM, Bicep and
 * Terraform are separate estates), with the analysis options of `.ztkit.yml`. Languages without a
 * virtual network are left out.
 */
export function analyseByLanguage(result: PolicyScanResult): LanguageNetwork[] {
  const options = readAnalysisOptions(result.config.config.options ?? {});
  const graphs: [SourceLanguage | undefined, ResourceGraph][] = result.graphs
    ? [...result.graphs]
    : [[undefined, result.graph]];
  return graphs
    .map(([language, graph]) => ({ language, analysis: analyseNetwork(graph, options) }))
    .filter((n) => n.analysis.topology.vnets.length > 0);
}

/** The diagram for the Markdown report: the largest network when a scan holds several twins. */
export function topologyDiagram(result: PolicyScanResult): string | undefined {
  const [largest] = analyseByLanguage(result).sort(
    (a, b) => b.analysis.topology.vnets.length - a.analysis.topology.vnets.length,
  );
  return largest ? renderTopologyMermaid(largest.analysis) : undefined;
}
