import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SEVERITIES, type Severity } from '@ztkit/core';
import { type AzureCloud, resolveCloud } from '../cloud.js';
import type { EstateScope } from '../inventory/estate.js';
import { CommandError } from './io.js';

export const FORMATS = ['table', 'json', 'sarif', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

/** Flags `posture` and `drift` share: where Azure is and what to read. */
export const LIVE_FLAGS = {
  subscription: { type: 'string', multiple: true },
  'management-group': { type: 'string' },
  cloud: { type: 'string' },
  'arm-endpoint': { type: 'string' },
  'arm-audience': { type: 'string' },
  portal: { type: 'string' },
  'ca-file': { type: 'string' },
  timeout: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'fail-on': { type: 'string' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parse<
  T extends Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>,
>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: false, strict: true });
  } catch (e) {
    throw new CommandError((e as Error).message);
  }
}

export interface LiveTarget {
  readonly scope: EstateScope;
  readonly cloud: AzureCloud;
  readonly ca?: string;
  readonly requestTimeoutMs?: number;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function liveTarget(
  values: {
    subscription?: string[];
    'management-group'?: string;
    cloud?: string;
    'arm-endpoint'?: string;
    'arm-audience'?: string;
    portal?: string;
    'ca-file'?: string;
    timeout?: string;
  },
  env: Readonly<Record<string, string | undefined>>,
): LiveTarget {
  const subscriptions = (values.subscription ?? [])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  const group = values['management-group']?.trim();
  if (!subscriptions.length && !group)
    throw new CommandError('give --subscription ID (repeatable) or --management-group ID');
  if (subscriptions.length && group)
    throw new CommandError('give --subscription or --management-group, not both');
  for (const s of subscriptions)
    if (!GUID.test(s)) throw new CommandError(`--subscription '${s}' is not a subscription ID (a GUID)`);
  const cloud = resolveCloud(
    {
      ...(values.cloud ? { cloud: values.cloud } : {}),
      ...(values['arm-endpoint'] ? { armEndpoint: values['arm-endpoint'] } : {}),
      ...(values['arm-audience'] ? { armAudience: values['arm-audience'] } : {}),
      ...(values.portal ? { portal: values.portal } : {}),
    },
    env,
  );
  if (!cloud.ok) throw new CommandError(cloud.reason);
  let ca: string | undefined;
  if (values['ca-file']) {
    try {
      ca = readFileSync(values['ca-file'], 'utf8');
    } catch {
      throw new CommandError(`--ca-file '${values['ca-file']}' cannot be read`);
    }
  }
  let requestTimeoutMs: number | undefined;
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (!(seconds > 0))
      throw new CommandError(`--timeout must be a number of seconds, not '${values.timeout}'`);
    requestTimeoutMs = seconds * 1000;
  }
  return {
    scope: group ? { managementGroup: group } : { subscriptions },
    cloud: cloud.cloud,
    ...(ca ? { ca } : {}),
    ...(requestTimeoutMs ? { requestTimeoutMs } : {}),
  };
}

export function parseFormat(value: string | undefined): Format {
  const v = value ?? 'table';
  if (!(FORMATS as readonly string[]).includes(v))
    throw new CommandError(`--format must be one of ${FORMATS.join(', ')}`);
  return v as Format;
}

export function parseFailOn(value: string | undefined): Severity | 'none' | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (v === 'none' || (SEVERITIES as readonly string[]).includes(v)) return v as Severity | 'none';
  throw new CommandError(`--fail-on must be one of ${SEVERITIES.join(', ')}, none`);
}
