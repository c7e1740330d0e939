import { describe, expect, it } from 'vitest';
import { quotaWaitMs } from './resource-graph.js';

describe('Resource Graph quota headers', () => {
  it('waits only when the quota is spent, for hh:mm:ss, capped at a minute', () => {
    expect(quotaWaitMs('3', '00:00:05')).toBe(0);
    expect(quotaWaitMs('0', '00:00:05')).toBe(5000);
    expect(quotaWaitMs('0', '00:01:30')).toBe(60_000);
    expect(quotaWaitMs('0', 'soon')).toBe(0);
    expect(quotaWaitMs(undefined, '00:00:05')).toBe(0);
  });
});
