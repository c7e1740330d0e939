export { allRules } from './index.generated.js';
export { compareTls, parseTlsVersion, type TlsVersion } from './shared/tls.js';
