/** One version for the whole kit (see packages/action-kit/src/version.ts). */
export const ZTKIT_VERSION = '0.1.0';
