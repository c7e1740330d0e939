import { runPackCheck } from '@ztkit/action-kit';

// Encryption of network traffic (Zero Trust document 000): TLS versions, HTTPS-only, encrypted
// transport to storage, databases and gateways.
await runPackCheck({
  title: 'ztkit: encryption of network traffic',
  packs: ['encryption'],
  category: 'ztkit/encryption',
});
