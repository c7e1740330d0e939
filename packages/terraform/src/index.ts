import { basename, dirname } from 'node:path';
import type { CandidateFile, LoadContext, Loader, LoadResult } from '@ztkit/core';
import { loadHcl } from './load/hcl-loader.js';
import { isTfvars } from './load/tfvars.js';
import { isPlanJson, loadPlans } from './plan/plan-loader.js';

export { parseHcl, parseTemplate } from './hcl/parser.js';
export { translatedTypes } from './translate/registry.js';

/**
 * Terraform loader: `.tf` folders (HCL2, evaluated with variables, tfvars, locals, count/for_each,
 * dynamic blocks and local modules), `.tfvars`, and plan JSON (`terraform show -json`), with
 * azurerm resources translated into the ARM-shaped model.
 */
export const terraformLoader: Loader = {
  language: 'terraform',
  claims(file: CandidateFile): boolean {
    const p = file.path.toLowerCase();
    if (p.endsWith('.tf') || isTfvars(p)) return true;
    return p.endsWith('.json') && isPlanJson(file.head);
  },
  load(files: readonly CandidateFile[], ctx: LoadContext): LoadResult {
    const plans = files.filter((f) => f.path.toLowerCase().endsWith('.json') && !isTfvars(f.path));
    const b = plans.length ? loadPlans(plans, ctx) : undefined;
    // A folder scanned with its plan is read from the plan (exact values); its .tf files lend their lines.
    // Only a plan that loaded covers its folder: beside a broken plan the .tf files are evaluated as usual,
    // else their resources would vanish behind one failed file.
    // The local modules the planned root calls are covered too: evaluated alone they would be roots
    // with unknown variables, duplicating the plan's resources as phantoms.
    const planOf = (f: CandidateFile): string | undefined => b?.covered.get(dirname(f.path));
    const covered = files.filter((f) => !plans.includes(f) && planOf(f) !== undefined);
    const hcl = files.filter((f) => !plans.includes(f) && !covered.includes(f));
    const a = loadHcl(hcl, ctx);
    if (!b) return a;
    const seen = new Set(a.outcomes.map((o) => o.path));
    const coveredOutcomes = covered
      .filter((f) => !seen.has(f.path))
      .map((f) => {
        const plan = planOf(f) as string;
        const where = `the plan JSON in ${basename(dirname(plan))}`;
        return {
          path: f.path,
          status: 'scanned' as const,
          language: 'terraform' as const,
          resources: 0,
          reason:
            dirname(f.path) === dirname(plan)
              ? `values read from ${where}`
              : `module of ${basename(dirname(plan))}, values read from ${where}`,
        };
      });
    return {
      resources: [...a.resources, ...b.resources],
      outcomes: [...a.outcomes, ...b.outcomes, ...coveredOutcomes],
      diagnostics: [...a.diagnostics, ...b.diagnostics],
    };
  },
};
