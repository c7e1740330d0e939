import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRunner, escapeData, escapeProperty, inputVariable } from './runner.js';

describe('runner', () => {
  it('names inputs as the runner does: upper case, hyphens kept, spaces to underscores', () => {
    expect(inputVariable('fail-on')).toBe('INPUT_FAIL-ON');
    expect(inputVariable('my input')).toBe('INPUT_MY_INPUT');
  });

  it('escapes workflow command data and properties', () => {
    expect(escapeData('50%\nnext\r')).toBe('50%25%0Anext%0D');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
  });

  it('reads trimmed inputs with a fallback and splits lists on lines and commas', () => {
    const runner = createRunner({
      env: { 'INPUT_FAIL-ON': ' medium ', INPUT_PATHS: 'infra\n  modules/*.bicep, main.tf\n\n' },
    });
    expect(runner.input('fail-on', 'high')).toBe('medium');
    expect(runner.input('mode', 'changed')).toBe('changed');
    expect(runner.list('paths')).toEqual(['infra', 'modules/*.bicep', 'main.tf']);
  });

  it('writes multi-line outputs with a heredoc delimiter and appends the summary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ztkit-runner-'));
    const env = { GITHUB_OUTPUT: join(dir, 'out'), GITHUB_STEP_SUMMARY: join(dir, 'summary') };
    const runner = createRunner({ env, write: () => {} });
    runner.output('list', 'a\nb');
    runner.summary('# one');
    runner.summary('two\n');
    const out = readFileSync(env.GITHUB_OUTPUT, 'utf8');
    const m = /^list<<(\S+)\na\nb\n(\S+)\n$/.exec(out);
    expect(m?.[1]).toBe(m?.[2]);
    expect(readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8')).toBe('# one\ntwo\n');
  });

  it('prints annotations as workflow commands with escaped properties', () => {
    const lines: string[] = [];
    const runner = createRunner({ env: {}, write: (t) => lines.push(t) });
    runner.command('error', 'bad: 100%', { title: 'ZT-1, x', file: 'a.json', line: 3, endLine: 3, col: 5 });
    expect(lines).toEqual(['::error title=ZT-1%2C x,file=a.json,line=3,endLine=3,col=5::bad: 100%25\n']);
  });
});
