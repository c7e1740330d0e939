export { DRIFT_HELP, driftCommand } from './cli/drift-command.js';
export { type CommandIo, EXIT } from './cli/io.js';
export { type CommandDeps, POSTURE_HELP, postureCommand } from './cli/posture-command.js';
export { postureJson, postureMarkdown, postureText } from './cli/render.js';
export { type ArmConnection, armClientOptions, type RetrySettings } from './client-options.js';
export * from './cloud.js';
export {
  type CredentialChoice,
  type CredentialKind,
  chooseCredential,
  gitHubAssertion,
} from './credential/credential.js';
export {
  AZURE_AD_TOKEN_EXCHANGE,
  gitHubOidcAvailable,
  type IdTokenResult,
  requestGitHubIdToken,
} from './credential/github-oidc.js';
export {
  type DriftChange,
  type DriftItem,
  type DriftMissing,
  type DriftReport,
  type DriftUnmanaged,
  driftReport,
} from './drift/drift.js';
export type { EstateScope, SubscriptionStatus } from './inventory/estate.js';
export { type LiveEstate, type LiveReadOptions, readLiveEstate } from './live-estate.js';
export { type PostureDetails, type PostureOptions, type PostureResult, runPosture } from './posture.js';
export type { Disagreement, VerifyOptions, VerifyReport } from './verify/verify.js';
