#!/usr/bin/env node
/**
 * Writes every generated file of the repository; with --check, writes nothing and fails when any
 * committed file differs from what would be generated (CI runs the check).
 * Generators live in scripts/generators/*.mjs and export `generate(): Promise<Array<{ path, content }>>`;
 * a generator that owns a whole folder also exports `ownedDirectories` (relative paths): files there
 * that it no longer generates (a removed rule's page) are stale too, and are deleted on write.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const dir = join(root, 'scripts', 'generators');
const stale = [];
for (const name of readdirSync(dir)
  .filter((n) => n.endsWith('.mjs'))
  .sort()) {
  const { generate, ownedDirectories = [] } = await import(pathToFileURL(join(dir, name)).href);
  const outputs = await generate(root);
  const produced = new Set(outputs.map((o) => o.path));
  for (const owned of ownedDirectories) {
    if (!existsSync(join(root, owned))) continue;
    for (const file of readdirSync(join(root, owned))) {
      const path = `${owned}/${file}`;
      if (produced.has(path)) continue;
      if (check) stale.push(`${path} (no longer generated)`);
      else {
        rmSync(join(root, path));
        console.log(`removed ${path}`);
      }
    }
  }
  for (const { path, content } of outputs) {
    const abs = join(root, path);
    const current = existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
    if (current === content) continue;
    if (check) stale.push(path);
    else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, content);
      console.log(`wrote ${path}`);
    }
  }
}
if (stale.length) {
  console.error(`Generated files are stale (run \`npm run generate\` and commit):\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
