/**
 * The JSON Schema of `.ztkit.yml`. The committed copy in packages/config/schema/ is generated from
 * this object (CI fails when stale) and is what editors load through the `yaml-language-server`
 * comment. Descriptions here become the generated reference in docs/configuration.md.
 */
const severity = { enum: ['critical', 'high', 'medium', 'low', 'info'] };
const ruleIdOrKey = { type: 'string', pattern: '^(ZT-[ESA][0-9]{2}-[0-9]{2}|[ESA][0-9]{2})$' };
const date = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' };

export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://raw.githubusercontent.com/ztkit/ztkit/main/packages/config/schema/ztkit-config.schema.json',
  title: 'ztkit configuration (.ztkit.yml)',
  type: 'object',
  additionalProperties: false,
  properties: {
    failOn: {
      description: 'Lowest severity that fails the scan (exit code 1 / failed check). `none` never fails.',
      enum: [...severity.enum, 'none'],
    },
    paths: {
      description: 'Which discovered files are scanned. Globs are relative to the directory of this file.',
      type: 'object',
      additionalProperties: false,
      properties: {
        include: {
          description: 'Only files matching one of these globs are scanned.',
          type: 'array',
          items: { type: 'string' },
        },
        exclude: {
          description:
            'Files matching one of these globs are skipped (reported as skipped, with this reason).',
          type: 'array',
          items: { type: 'string' },
        },
      },
    },
    rules: {
      description:
        'Per rule id (ZT-S02-01) or catalogue key (S02): `off`, `on`, a severity, or an object with enabled, severity and options.',
      type: 'object',
      propertyNames: ruleIdOrKey,
      additionalProperties: {
        oneOf: [
          { enum: ['off', 'on', ...severity.enum] },
          {
            type: 'object',
            additionalProperties: false,
            properties: {
              enabled: { type: 'boolean' },
              severity,
              options: { description: 'Options passed to this rule only.', type: 'object' },
            },
          },
        ],
      },
    },
    options: {
      description: "Options every rule sees (a rule's own options override them).",
      type: 'object',
      properties: {
        managementPorts: {
          description: 'Ports counted as management ports (S02, S22). Default: 22, 3389, 5985, 5986.',
          type: 'array',
          items: { type: 'integer', minimum: 0, maximum: 65535 },
        },
        dataPorts: {
          description:
            'Ports counted as data ports (S05). Default: 1433, 1521, 3306, 5432, 6379, 9200, 11211, 27017, 445.',
          type: 'array',
          items: { type: 'integer', minimum: 0, maximum: 65535 },
        },
        hubVnets: {
          description: 'Names of the hub virtual networks, when hub detection should not guess.',
          type: 'array',
          items: { type: 'string' },
        },
        environments: {
          description:
            'Macro segmentation (S23): how to tell environments apart, by tag and/or name pattern.',
          type: 'object',
          additionalProperties: false,
          properties: {
            tag: { description: 'Tag whose value names the environment (e.g. env).', type: 'string' },
            patterns: {
              description: 'Environment name -> regular expression matched against resource names.',
              type: 'object',
              additionalProperties: { type: 'string' },
            },
          },
        },
        trustedSourceRanges: {
          description:
            'Source CIDRs that are trusted (not counted as Internet exposure), e.g. on-premises ranges.',
          type: 'array',
          items: { type: 'string' },
        },
      },
    },
    baseline: {
      description: 'Path of the baseline file (relative to this file). Findings in it do not fail the scan.',
      type: 'string',
    },
    suppressions: {
      description: 'Accepted findings, each with a reason and optionally an expiry date.',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['rule', 'reason'],
        properties: {
          rule: ruleIdOrKey,
          resource: {
            description: 'Resource name (glob) the suppression covers; all resources when absent.',
            type: 'string',
          },
          path: { description: 'File glob the suppression covers; all files when absent.', type: 'string' },
          reason: { type: 'string', minLength: 3 },
          expires: {
            description: 'After this date (YYYY-MM-DD) the suppression stops applying and is reported.',
            ...date,
          },
        },
      },
    },
  },
} as const;
