/** One version for the whole kit; the release workflow checks it equals the tag (see scripts/release). */
export const ZTKIT_VERSION = '0.1.0';
