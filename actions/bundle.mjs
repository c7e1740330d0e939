#!/usr/bin/env node
/**
 * Bundles the action in the current directory (`npm run bundle` in actions/<name>) into dist/ with
 * ncc: one minified file plus the licences of what it includes. The output must be reproducible,
 * because CI rebuilds it and fails when it differs from the committed dist/ (check-dist).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const dist = join(process.cwd(), 'dist');
rmSync(dist, { recursive: true, force: true });
const ncc = createRequire(import.meta.url).resolve('@vercel/ncc/dist/ncc/cli.js');
execFileSync(
  process.execPath,
  [
    ncc,
    'build',
    'src/index.ts',
    '-o',
    'dist',
    '--minify',
    '--no-source-map-register',
    '--license',
    'licenses.txt',
    '--target',
    'es2023',
    '--quiet',
  ],
  { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '' } },
);
// ncc writes a package.json marker for ESM output; keep only what the runner loads and the licences.
for (const name of readdirSync(dist)) {
  const file = join(dist, name);
  if (statSync(file).isFile() && name.endsWith('.js')) {
    // Line endings and a final newline are normalised so that no platform difference shows as a diff.
    const text = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
    writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
  }
}
// The \`open\` package's xdg-open script comes along with @azure/identity's interactive browser
// login, which no action uses: an executable the kit never runs is not shipped.
rmSync(join(dist, 'xdg-open'), { force: true });
const size = readdirSync(dist).reduce((n, f) => n + statSync(join(dist, f)).size, 0);
console.log(`${process.cwd().split('/').pop()}: dist ${(size / 1024).toFixed(0)} KiB`);
