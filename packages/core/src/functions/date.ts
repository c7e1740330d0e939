/**
 * Date functions. utcNow() is Unknown (see encoding.ts), so dateTimeAdd() mostly sees Unknown; with a
 * literal base it adds an ISO 8601 duration and prints `yyyy-MM-ddTHH:mm:ssZ`. A custom .NET format
 * string is not interpreted: the result is then Unknown rather than a guess.
 */
import { unknown } from '../model/unknown.js';
import { type FunctionDefinition, FunctionError } from './types.js';
import { int, str } from './values.js';

function isoSeconds(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

function parseDate(fn: string, s: string): Date {
  const d = new Date(s.includes('T') || s.endsWith('Z') ? s.replace(' ', 'T') : `${s}Z`);
  if (Number.isNaN(d.getTime())) throw new FunctionError(`${fn}() cannot read '${s}' as a date`);
  return d;
}

function addDuration(fn: string, base: Date, duration: string): Date {
  const m =
    /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      duration,
    );
  if (!m || duration === 'P' || duration.endsWith('T'))
    throw new FunctionError(`${fn}() cannot read '${duration}' as an ISO 8601 duration`);
  const sign = m[1] ? -1 : 1;
  const n = (i: number) => sign * Number(m[i] ?? 0);
  const d = new Date(base.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + n(2), d.getUTCMonth() + n(3), d.getUTCDate() + n(4) * 7 + n(5));
  d.setTime(d.getTime() + (n(6) * 3600 + n(7) * 60 + n(8)) * 1000);
  return d;
}

export const DATE_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    name: 'datetimeadd',
    minArgs: 2,
    maxArgs: 3,
    evaluate: (args) => {
      const base = parseDate('dateTimeAdd', str('dateTimeAdd', args, 0));
      const result = addDuration('dateTimeAdd', base, str('dateTimeAdd', args, 1));
      if (args.length > 2)
        return unknown('custom date formats are not evaluated', `dateTimeAdd(…, '${String(args[2])}')`);
      return isoSeconds(result);
    },
  },
  {
    name: 'datetimefromepoch',
    minArgs: 1,
    maxArgs: 1,
    evaluate: (args) => {
      const d = new Date(int('dateTimeFromEpoch', args, 0) * 1000);
      if (Number.isNaN(d.getTime())) throw new FunctionError('dateTimeFromEpoch() value out of range');
      return isoSeconds(d);
    },
  },
  {
    name: 'datetimetoepoch',
    minArgs: 1,
    maxArgs: 1,
    evaluate: (args) =>
      Math.floor(parseDate('dateTimeToEpoch', str('dateTimeToEpoch', args, 0)).getTime() / 1000),
  },
];
