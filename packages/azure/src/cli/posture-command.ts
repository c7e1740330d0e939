import type { TokenCredential } from '@azure/core-auth';
import { ConfigInvalidError } from '@ztkit/engine';
import { chooseCredential } from '../credential/credential.js';
import { runPosture } from '../posture.js';
import { CommandError, type CommandIo, EXIT } from './io.js';
import { LIVE_FLAGS, liveTarget, parse, parseFailOn, parseFormat } from './options.js';
import { emit, failing, renderPosture } from './render.js';

export const POSTURE_HELP = `Usage: ztkit posture (--subscription ID... | --management-group ID) [options]

Reads the deployed network and PaaS resources with Azure Resource Graph and runs the same rules
as 'ztkit scan' on them. Findings carry the resource ID and a portal link. Needs Reader on the scope.

Options:
  --subscription ID        subscription to read (repeatable, or comma-separated)
  --management-group ID    read every subscription under this management group
  --cloud NAME             AzurePublicCloud (default), AzureUSGovernment, AzureChinaCloud
                           (default from AZURE_ENVIRONMENT)
  --arm-endpoint URL       another ARM endpoint (Azure Stack Hub); AZURE_RESOURCE_MANAGER_ENDPOINT
  --arm-audience URL       token audience when it differs from the endpoint
  --portal URL             portal for links (default: the cloud's)
  --ca-file PEM            extra trusted CA for the ARM endpoint
  --timeout SECONDS        per-request timeout (default: none beyond the SDK's)
  --verify                 cross-check NICs with Azure's effective security rules and routes
  --verify-max-nics N      NICs to cross-check at most (default 100)
  --format FORMAT          table (default), json, sarif, markdown
  -o, --output FILE        write the report to FILE
  --fail-on SEVERITY       critical, high (default), medium, low, info, none
  --config FILE            ztkit config (rules, severities, suppressions); default .ztkit.yml

Authentication: GitHub Actions OIDC (id-token: write + AZURE_CLIENT_ID, AZURE_TENANT_ID), else the
Azure CLI login, else the default credential chain. Exit: 0 clean, 1 findings at or above
--fail-on, 2 usage error or nothing readable.
`;

export interface CommandDeps {
  /** Tests pass a credential; otherwise it is chosen from the environment. */
  readonly credential?: TokenCredential;
  readonly retry?: { maxRetries?: number; retryDelayInMs?: number; maxRetryDelayInMs?: number };
}

/** `ztkit posture`: live Azure through the scan pipeline, one reporter, exit code from --fail-on. */
export async function postureCommand(
  argv: readonly string[],
  io: CommandIo,
  deps: CommandDeps = {},
): Promise<number> {
  try {
    const { values } = parse(argv, {
      ...LIVE_FLAGS,
      verify: { type: 'boolean' },
      'verify-max-nics': { type: 'string' },
    });
    if (values.help) {
      io.stdout.write(POSTURE_HELP);
      return EXIT.ok;
    }
    const env = io.env ?? process.env;
    const target = liveTarget(values, env);
    const format = parseFormat(values.format);
    const flagFailOn = parseFailOn(values['fail-on']);
    const maxNics = values['verify-max-nics'] !== undefined ? Number(values['verify-max-nics']) : undefined;
    if (maxNics !== undefined && !(maxNics >= 0))
      throw new CommandError('--verify-max-nics must be a number');
    const credential =
      deps.credential ??
      chooseCredential({
        cloud: target.cloud,
        env,
        // In Actions, the OIDC token joins the secrets the runner masks.
        ...(env.GITHUB_ACTIONS === 'true'
          ? { mask: (s: string) => io.stdout.write(`::add-mask::${s}\n`) }
          : {}),
      }).credential;
    const result = await runPosture({
      ...target,
      credential,
      cwd: io.cwd,
      ...(values.config ? { configFile: values.config } : {}),
      ...(values.verify ? { verify: maxNics !== undefined ? { maxNics } : true } : {}),
      ...(deps.retry ? { retry: deps.retry } : {}),
    });
    emit(io, renderPosture(result, format, io), values.output);
    for (const d of result.diagnostics) io.stderr.write(`ztkit: ${d.severity}: ${d.message}\n`);
    if (!result.posture.subscriptions.some((s) => s.status === 'read')) return EXIT.error;
    const failOn = flagFailOn ?? result.failOn ?? 'high';
    return failing(result.findings, failOn).length ? EXIT.findings : EXIT.ok;
  } catch (e) {
    return commandFailure(e, io);
  }
}

export function commandFailure(e: unknown, io: CommandIo): number {
  if (e instanceof CommandError) io.stderr.write(`ztkit: ${e.message}\n`);
  else if (e instanceof ConfigInvalidError) io.stderr.write(`ztkit: invalid configuration:\n${e.message}\n`);
  else io.stderr.write(`ztkit: ${(e as Error)?.message ?? String(e)}\n`);
  return EXIT.error;
}
