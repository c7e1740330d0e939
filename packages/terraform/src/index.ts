import type { Loader } from '@ztkit/core';

/** Terraform loader. Not implemented yet: claims no file, so .tf files are reported as skipped. */
export const terraformLoader: Loader = {
  language: 'terraform',
  claims: () => false,
  load: () => ({ resources: [], outcomes: [], diagnostics: [] }),
};
