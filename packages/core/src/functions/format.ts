/**
 * .NET composite formatting as ARM's `format()` applies it: `{index[,alignment][:format]}`, with
 * `{{` and `}}` as literal braces. Numeric format strings N, D, F, X and P are supported (invariant
 * culture); any other format string on a number, or any format string on a non-number, is ignored.
 */
import { isUnknown, type Unknown } from '../model/unknown.js';
import { FunctionError } from './types.js';
import { toArmString } from './values.js';

const MAX_ALIGNMENT = 1 << 16;

export function formatComposite(template: string, args: readonly unknown[]): string | Unknown {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i]!;
    if (c === '{') {
      if (template[i + 1] === '{') {
        out += '{';
        i += 2;
        continue;
      }
      const close = template.indexOf('}', i);
      if (close < 0) throw new FunctionError(`format(): unclosed '{' at position ${i}`);
      const item = /^\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?(?::(.*))?$/s.exec(template.slice(i + 1, close));
      if (!item) throw new FunctionError(`format(): bad placeholder '${template.slice(i, close + 1)}'`);
      const index = Number(item[1]);
      if (index >= args.length)
        throw new FunctionError(`format(): placeholder {${index}} has no argument (${args.length} given)`);
      const value = args[index];
      if (isUnknown(value)) return value;
      let text = formatItem(value, item[3]);
      if (isUnknown(text)) return text;
      const align = item[2] ? Number(item[2]) : 0;
      if (Math.abs(align) > MAX_ALIGNMENT)
        throw new FunctionError('format(): alignment too large', 'cap-size');
      text = align >= 0 ? text.padStart(align) : text.padEnd(-align);
      out += text;
      i = close + 1;
      continue;
    }
    if (c === '}') {
      if (template[i + 1] === '}') {
        out += '}';
        i += 2;
        continue;
      }
      throw new FunctionError(`format(): unmatched '}' at position ${i}`);
    }
    out += c;
    i++;
  }
  return out;
}

function formatItem(value: unknown, spec: string | undefined): string | Unknown {
  if (spec && typeof value === 'number') {
    const m = /^([NnDdFfXxPp])(\d{0,2})$/.exec(spec);
    if (m) {
      const kind = m[1]!.toUpperCase();
      const digits = m[2] === '' ? undefined : Number(m[2]);
      switch (kind) {
        case 'N':
          return value.toLocaleString('en-US', {
            minimumFractionDigits: digits ?? 2,
            maximumFractionDigits: digits ?? 2,
          });
        case 'F':
          return value.toFixed(digits ?? 2);
        case 'P':
          return `${(value * 100).toFixed(digits ?? 2)} %`;
        case 'D':
          if (Number.isInteger(value))
            return (value < 0 ? '-' : '') + String(Math.abs(value)).padStart(digits ?? 0, '0');
          break;
        case 'X':
          if (Number.isInteger(value) && value >= 0) {
            const hex = value.toString(16).padStart(digits ?? 0, '0');
            return m[1] === 'X' ? hex.toUpperCase() : hex;
          }
          break;
      }
    }
  }
  return toArmString(value);
}
