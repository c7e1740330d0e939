import type { Finding } from '@ztkit/core';

export interface FindingDiff {
  /** In head, not in base: what the change introduces. */
  readonly new: Finding[];
  /** In base, not in head: what the change fixes. */
  readonly fixed: Finding[];
  /** In both. */
  readonly unchanged: Finding[];
}

/**
 * Classify findings of a change by fingerprint. Fingerprints carry no file or line, so a moved or
 * reformatted finding is unchanged; equal fingerprints are matched one to one, so a second
 * occurrence of the same finding in head counts as new.
 */
export function classifyFindings(base: readonly Finding[], head: readonly Finding[]): FindingDiff {
  const remaining = new Map<string, Finding[]>();
  for (const f of base) {
    const list = remaining.get(f.fingerprint);
    if (list) list.push(f);
    else remaining.set(f.fingerprint, [f]);
  }
  const result: FindingDiff = { new: [], fixed: [], unchanged: [] };
  for (const f of head) {
    const match = remaining.get(f.fingerprint);
    if (match?.length) {
      match.shift();
      result.unchanged.push(f);
    } else result.new.push(f);
  }
  for (const list of remaining.values()) result.fixed.push(...list);
  return result;
}
