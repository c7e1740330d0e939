import { zeroTrustScore } from '@ztkit/analysis';
import {
  defineRule,
  type FindingDraft,
  PRINCIPLE_TITLES,
  type Principle,
  type Resource,
  type ResourceGraph,
} from '@ztkit/core';

/**
 * A04: the Zero Trust score of the scan — controls passed per principle and per objective of the
 * 002 document. A summary rule: it runs after every other rule and judges their findings. It
 * reports once, when any control fails, so a clean scan stays silent.
 */
export default defineRule({
  meta: {
    id: 'ZT-A04-01',
    title: 'Zero Trust score: every control passes',
    severity: 'info',
    catalog: ['A04'],
    principles: ['verify-explicitly', 'least-privilege', 'assume-breach'],
    pack: 'analysis',
    source: [{ document: '002', step: 'Objectives §1–§10 (deployment objectives table)' }],
    benchmark: ['NS-1', 'NS-2', 'DP-3'],
    peers: {},
    resourceTypes: [],
    rationale:
      'A single number per Zero Trust principle and per objective of the network guidance shows where an estate stands and, trended across scheduled runs, whether it improves. It counts controls (rules), not findings, so one noisy resource does not dominate.',
    remediation: {
      summary:
        'Fix the failing controls named in the message, starting with the weakest objective; the score reaches 100% when every rule passes.',
    },
    notes: [
      'A control is a rule; it passes when it has no unsuppressed finding above info. Informational findings (topology) never fail a control.',
      'Reported once per scanned language graph, on the first VNet (or the first resource when there is none): the score is about the whole scan, not one resource.',
      'The posture workflow trends this score across scheduled runs.',
    ],
  },
  *summarize(ctx, { findings, rules }): Iterable<FindingDraft> {
    const controls = rules.filter((r) => r.meta.id !== 'ZT-A04-01');
    const score = zeroTrustScore(findings, controls);
    if (score.overall.failed === 0) return;
    const anchor = anchorOf(ctx.graph);
    if (!anchor) return;
    const principles = (Object.keys(score.principles) as Principle[])
      .map((p) => `${PRINCIPLE_TITLES[p].toLowerCase()} ${score.principles[p].percent}%`)
      .join(', ');
    const weakest = [...score.objectives].sort(
      (a, b) => a.percent - b.percent || a.id.localeCompare(b.id),
    )[0];
    const failing = score.controls.filter((c) => !c.passed).map((c) => c.ruleId);
    yield {
      resource: anchor,
      message:
        `Zero Trust score ${score.overall.percent}% (${score.overall.passed} of ${score.overall.total} controls pass): ${principles}` +
        (weakest
          ? `; weakest objective ${weakest.id} ${weakest.title} (${weakest.passed}/${weakest.total})`
          : '') +
        `. Failing: ${failing.slice(0, 8).join(', ')}${failing.length > 8 ? `, +${failing.length - 8} more` : ''}.`,
    };
  },
});

function anchorOf(graph: ResourceGraph): Resource | undefined {
  const vnets = graph.ofType('Microsoft.Network/virtualNetworks');
  return vnets[0] ?? graph.resources[0];
}
