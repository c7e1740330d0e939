import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';

/**
 * The runner's side of an action: inputs from `INPUT_*`, outputs and the job summary through the
 * files the runner names, everything else as workflow commands on stdout. Written here rather than
 * taken from @actions/core so that each bundle stays small and starts fast (no HTTP client, no OIDC).
 */
export interface Runner {
  input(name: string, fallback?: string): string;
  /** Non-empty lines (or comma-separated entries) of a multi-line input, trimmed. */
  list(name: string): string[];
  output(name: string, value: string | number): void;
  summary(markdown: string): void;
  log(line: string): void;
  command(name: 'error' | 'warning' | 'notice', message: string, properties?: AnnotationProperties): void;
  group<T>(title: string, body: () => T): T;
  fail(message: string): void;
}

export interface AnnotationProperties {
  readonly title?: string;
  readonly file?: string;
  readonly line?: number;
  readonly endLine?: number;
  readonly col?: number;
  readonly endColumn?: number;
}

export interface RunnerEnv {
  readonly env?: NodeJS.ProcessEnv;
  readonly write?: (text: string) => void;
}

/** The runner turns `fail-on` into `INPUT_FAIL-ON`: upper case, spaces to underscores, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Workflow command data: %, CR and LF must be escaped or the command ends early. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally escape the separators of the property list. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function createRunner({
  env = process.env,
  write = (t) => process.stdout.write(t),
}: RunnerEnv = {}): Runner {
  const line = (text: string) => write(`${text}\n`);
  return {
    input(name, fallback = '') {
      const value = env[inputVariable(name)]?.trim();
      return value ? value : fallback;
    },
    list(name) {
      return (env[inputVariable(name)] ?? '')
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter(Boolean);
    },
    output(name, value) {
      const file = env.GITHUB_OUTPUT;
      const text = String(value);
      if (!file) {
        // Outside a runner (local runs): the deprecated command is better than losing the value.
        line(`::set-output name=${name}::${escapeData(text)}`);
        return;
      }
      // The heredoc form carries multi-line values; the delimiter must not occur in the value.
      const delimiter = `ztkit_${randomUUID()}`;
      appendFileSync(file, `${name}<<${delimiter}\n${text}\n${delimiter}\n`);
    },
    summary(markdown) {
      const file = env.GITHUB_STEP_SUMMARY;
      if (file) appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
    },
    log: line,
    command(name, message, properties = {}) {
      const props = Object.entries(properties)
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
        .join(',');
      line(`::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`);
    },
    group(title, body) {
      line(`::group::${escapeData(title)}`);
      try {
        return body();
      } finally {
        line('::endgroup::');
      }
    },
    fail(message) {
      line(`::error::${escapeData(message)}`);
      process.exitCode = 1;
    },
  };
}
