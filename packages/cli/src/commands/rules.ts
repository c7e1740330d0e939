import { PRINCIPLE_TITLES, type Rule } from '@ztkit/core';
import { defaultRules } from '@ztkit/engine';
import { oneOf, parseCommandArgs } from '../args.js';
import { EXIT } from '../errors.js';
import { HELP } from '../help.js';
import type { Io } from '../io.js';

/** `ztkit rules`: the rule catalogue, so coverage of the control catalogue can be checked. */
export function rulesCommand(argv: readonly string[], io: Io): number {
  const { values } = parseCommandArgs('rules', argv, { format: { type: 'string' } });
  if (values.help) {
    io.stdout.write(HELP.rules!);
    return EXIT.ok;
  }
  const format = oneOf('format', values.format, ['table', 'json'] as const, 'table');
  const rules = [...defaultRules()].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  io.stdout.write(
    format === 'json' ? `${JSON.stringify(rules.map(ruleJson), null, 2)}\n` : rulesTable(rules),
  );
  return EXIT.ok;
}

function ruleJson(rule: Rule) {
  const m = rule.meta;
  return {
    id: m.id,
    title: m.title,
    severity: m.severity,
    catalog: m.catalog,
    principles: m.principles,
    pack: m.pack,
    resourceTypes: m.resourceTypes,
    source: m.source,
    benchmark: m.benchmark,
    peers: m.peers,
    rationale: m.rationale,
    remediation: m.remediation,
    ...(m.links && { links: m.links }),
    ...(m.notes && { notes: m.notes }),
  };
}

function rulesTable(rules: readonly Rule[]): string {
  const rows = rules.map((r) => [
    r.meta.id,
    r.meta.severity,
    r.meta.catalog.join(','),
    r.meta.principles.map((p) => PRINCIPLE_TITLES[p]).join(', '),
    r.meta.title,
  ]);
  const header = ['ID', 'SEVERITY', 'KEYS', 'PRINCIPLES', 'TITLE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n${rules.length} rules\n`;
}
