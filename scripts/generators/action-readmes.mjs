/**
 * Generates the input and output tables of actions/<name>/README.md from action.yml, between the
 * markers below, so that the README can never disagree with what the runner reads. The prose around
 * the tables is written by hand and kept as it is.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const BEGIN = '<!-- generated:action-io begin (npm run generate) -->';
const END = '<!-- generated:action-io end -->';

export async function generate(root) {
  const dir = join(root, 'actions');
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const actionFile = join(dir, name, 'action.yml');
    if (!existsSync(actionFile)) continue;
    const action = parse(readFileSync(actionFile, 'utf8'));
    const readmePath = join('actions', name, 'README.md');
    const current = existsSync(join(root, readmePath)) ? readFileSync(join(root, readmePath), 'utf8') : '';
    out.push({ path: readmePath, content: withTables(current, name, action) });
  }
  return out;
}

function withTables(current, name, action) {
  const tables = `${BEGIN}\n${renderTables(action)}${END}`;
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  if (start >= 0 && end > start) return current.slice(0, start) + tables + current.slice(end + END.length);
  // A new action: a skeleton to write the prose into.
  return `# ${action.name}\n\n${action.description}\n\n## Usage\n\n\`\`\`yaml\n- uses: ztkit/ztkit/actions/${name}@v0\n\`\`\`\n\n${tables}\n`;
}

function renderTables(action) {
  const lines = ['## Inputs', '', '| Input | Default | Description |', '|---|---|---|'];
  for (const [id, input] of Object.entries(action.inputs ?? {})) {
    const def =
      input.default === undefined || input.default === ''
        ? input.required
          ? '_required_'
          : '_empty_'
        : code(String(input.default));
    lines.push(`| \`${id}\` | ${def} | ${cell(input.description)} |`);
  }
  lines.push('', '## Outputs', '', '| Output | Description |', '|---|---|');
  for (const [id, output] of Object.entries(action.outputs ?? {}))
    lines.push(`| \`${id}\` | ${cell(output.description)} |`);
  return `${lines.join('\n')}\n`;
}

function code(s) {
  return `\`${s.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

function cell(s = '') {
  return String(s)
    .trim()
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|');
}
