/** The contract of Terraform built-in functions as this evaluator implements them. */

export interface FunctionEnv {
  /** Caps on produced sizes (`range`, `cidrsubnets`...). */
  readonly maxItems: number;
  /** Read a file relative to the module directory through the scan guard; undefined when refused. */
  readFile(path: string): string | undefined;
  /** A path as messages show it: relative to the module directory (the finding already names the file). */
  showPath?(path: string): string;
  /** Render a template string with variables (for `templatefile`). */
  renderTemplate(text: string, vars: Record<string, unknown>, file: string): unknown;
}

export interface TfFunction {
  readonly min: number;
  readonly max: number;
  /** When false (default), any Unknown argument makes the result Unknown without running. */
  readonly acceptsUnknown?: boolean;
  readonly run: (args: unknown[], env: FunctionEnv) => unknown;
}

export type FunctionTable = Readonly<Record<string, TfFunction>>;

export const VARIADIC = Number.MAX_SAFE_INTEGER;

export function fn(min: number, max: number, run: TfFunction['run'], acceptsUnknown = false): TfFunction {
  return { min, max, run, acceptsUnknown };
}
