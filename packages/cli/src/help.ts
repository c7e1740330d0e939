/** Usage text per command; `ztkit <command> --help` prints it, a usage error points to it. */
export const HELP: Readonly<Record<string, string>> = {
  main: `Usage: ztkit <command> [options]

Zero Trust network scanner for Azure ARM templates, Bicep and Terraform.

Commands:
  scan [paths...]    Scan files and folders for Zero Trust network findings
  rules              List the rules with their catalogue keys and principles
  graph [paths...]   Print the network topology and Internet exposure
  diff --base REF    Findings a change introduces and fixes compared with a git ref
  baseline create    Accept today's findings (only new ones fail); 'baseline prune' drops fixed ones
  posture            Run the same rules on live Azure (subscriptions or a management group)
  drift --iac PATHS  Compare IaC with what is deployed, for security-relevant properties
  help [command]     Show help for a command

Options:
  -h, --help         Show help
  -v, --version      Print the version

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage or I/O error.
Docs: docs/cli.md
`,
  scan: `Usage: ztkit scan [paths...] [options]

Scans ARM templates (.json), Bicep (.bicep), Terraform (.tf) and Terraform plan JSON under the
given files and folders (default: the current directory). Every file found is reported as
scanned, skipped (with why) or failed (with the line).

Options:
  --format <format>     table (default), json, sarif or markdown
  --output <file>       Write the report to a file instead of stdout
  --fail-on <severity>  critical, high (default), medium, low, info or none: exit 1 when a
                        finding at or above it is not suppressed (.ztkit.yml failOn applies
                        when the flag is absent)
  --parameters <file>   ARM parameter file (repeatable)
  --var-file <file>     Terraform .tfvars file (repeatable)
  --config <file>       Configuration file (default: .ztkit.yml found from the working directory)
  --baseline <file>     Baseline of accepted findings (overrides the config)
  --no-baseline         Ignore any baseline
  --category <name>     SARIF: code scanning category (runAutomationDetails.id)
  --link-base <url>     Markdown: link locations, e.g. https://github.com/o/r/blob/<sha>
  --title <text>        Markdown: report title
  -h, --help            Show this help

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage or I/O error.
`,
  rules: `Usage: ztkit rules [options]

Lists every rule: id, severity, catalogue keys, Zero Trust principles and title.

Options:
  --format <format>  table (default) or json (full metadata)
  -h, --help         Show this help
`,
  graph: `Usage: ztkit graph [paths...] [options]

Prints the virtual network topology (hub, spokes, isolated networks, peerings) and which subnets
the Internet can reach, after effective NSG evaluation.

Options:
  --format <format>     mermaid (default) or json
  --output <file>       Write to a file instead of stdout
  --parameters <file>   ARM parameter file (repeatable)
  --var-file <file>     Terraform .tfvars file (repeatable)
  --config <file>       Configuration file (hubVnets and NVA addresses steer hub detection)
  -h, --help            Show this help
`,
  diff: `Usage: ztkit diff --base <ref> [paths...] [options]

Scans the working tree and the same paths at <ref> (read from git, no checkout) and classifies
findings by fingerprint: new (introduced by the change), fixed, unchanged. Line moves and
reformatting do not count as new. The working tree's configuration judges both sides.

Options:
  --base <ref>          Git ref to compare with (required), e.g. origin/main
  --format <format>     table (default), json or markdown
  --output <file>       Write the report to a file instead of stdout
  --fail-on <severity>  Exit 1 when a NEW finding is at or above it (default high)
  --parameters <file>   ARM parameter file (repeatable)
  --var-file <file>     Terraform .tfvars file (repeatable)
  --config <file>       Configuration file
  --link-base <url>     Markdown: link locations to lines
  -h, --help            Show this help
`,
  baseline: `Usage: ztkit baseline create|prune [paths...] [options]

create: scans (ignoring any current baseline) and writes every unsuppressed finding's fingerprint,
        so that only findings added later fail the scan.
prune:  drops baseline entries whose finding no longer occurs.

Options:
  --output <file>       Baseline file (default: the config's baseline, else .ztkit-baseline.json)
  --config <file>       Configuration file
  --parameters <file>   ARM parameter file (repeatable)
  --var-file <file>     Terraform .tfvars file (repeatable)
  -h, --help            Show this help
`,
};
