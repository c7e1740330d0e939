import type { Loader } from '@ztkit/core';

/** Bicep loader. Not implemented yet: claims no file, so .bicep files are reported as skipped. */
export const bicepLoader: Loader = {
  language: 'bicep',
  claims: () => false,
  load: () => ({ resources: [], outcomes: [], diagnostics: [] }),
};
