import { runValidation } from '@ztkit/action-kit';

// Parse and resolve only: syntax, unresolved references, parameter files that do not fit their
// template. Rule checks are the other actions' job, so a broken file is reported once, here.
await runValidation();
