import { readFileSync } from 'node:fs';

/** The version of the `ztkit` package, read from its package.json (same path from src/ and dist/). */
export function toolVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
