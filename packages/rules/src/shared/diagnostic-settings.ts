/**
 * Diagnostic settings (`Microsoft.Insights/diagnosticSettings`) are extension resources: they live
 * on the resource they monitor. Templates attach them three ways, all understood here:
 *
 * - nested name: type `Microsoft.Network/azureFirewalls/providers/diagnosticSettings`,
 *   name `afw-hub/Microsoft.Insights/diag` (classic ARM);
 * - scope: type `Microsoft.Insights/diagnosticSettings` with `scope` (Bicep, symbolic-name ARM,
 *   Terraform `target_resource_id`), which loaders express as the extension resource ID
 *   `<target id>/providers/Microsoft.Insights/diagnosticSettings/<name>`;
 * - live resources, whose IDs have the same extension form.
 *
 * A setting whose target cannot be worked out makes "this resource has no diagnostic setting"
 * undecidable, which the index reports through `hasUnattributed`.
 */
import { isUnknown, parseResourceId, type Resource, type ResourceGraph } from '@ztkit/core';
import { arrayOf, recordOf } from './property-values.js';

const SETTING_TYPE = 'microsoft.insights/diagnosticsettings';
const NESTED_SUFFIX = '/providers/diagnosticsettings';

/** What a diagnostic setting sends where, read without guessing. */
export interface DiagnosticSettingView {
  readonly setting: Resource;
  /** The monitored resource. */
  readonly target: Resource;
  /**
   * True when a Log Analytics workspace is named. A workspace ID that is not known statically (a
   * parameter) still names one: templates pass it in, they do not compute an empty one.
   */
  readonly toLogAnalytics: boolean;
  /** True when at least one log category or category group is enabled; 'unknown' when not known statically. */
  readonly logsEnabled: boolean | 'unknown';
  /** Enabled log categories / category groups, as written. */
  readonly logCategories: readonly string[];
}

export interface DiagnosticSettingsIndex {
  /** Diagnostic settings attached to a resource. */
  settingsFor(resource: Resource): readonly DiagnosticSettingView[];
  /** True when some diagnostic setting of the scan has a target that cannot be resolved. */
  readonly hasUnattributed: boolean;
}

export function isDiagnosticSetting(r: Resource): boolean {
  const t = r.type.toLowerCase();
  return t === SETTING_TYPE || t.endsWith(NESTED_SUFFIX);
}

/** The resource a diagnostic setting monitors: a resource, 'unknown', or undefined when it is outside the scan. */
export function diagnosticTarget(graph: ResourceGraph, setting: Resource): Resource | 'unknown' | undefined {
  const type = setting.type.toLowerCase();
  if (type.endsWith(NESTED_SUFFIX)) {
    const targetType = setting.type.slice(0, setting.type.length - NESTED_SUFFIX.length);
    const parts = setting.name.split('/');
    // `<target name segments>/Microsoft.Insights/<setting name>`
    const targetName = parts.slice(0, -2).join('/');
    if (!targetName || targetName.includes('<unknown')) return 'unknown';
    return graph.find(targetType, targetName);
  }
  const id = setting.id;
  const lower = id.toLowerCase();
  const last = lower.lastIndexOf('/providers/');
  const first = lower.indexOf('/providers/');
  if (first < 0 || first === last) return 'unknown';
  const scope = id.slice(0, last);
  if (!parseResourceId(scope)) return 'unknown';
  return graph.byId(scope);
}

export function diagnosticSettingsIndex(graph: ResourceGraph): DiagnosticSettingsIndex {
  const byTarget = new Map<Resource, DiagnosticSettingView[]>();
  let hasUnattributed = false;
  for (const setting of graph.resources) {
    if (!isDiagnosticSetting(setting)) continue;
    const target = diagnosticTarget(graph, setting);
    if (target === 'unknown') {
      hasUnattributed = true;
      continue;
    }
    if (!target) continue;
    const list = byTarget.get(target) ?? [];
    list.push(readSetting(setting, target));
    byTarget.set(target, list);
  }
  return { settingsFor: (r) => byTarget.get(r) ?? [], hasUnattributed };
}

function readSetting(setting: Resource, target: Resource): DiagnosticSettingView {
  const p = setting.properties;
  const workspace = p.workspaceId;
  const toLogAnalytics = isUnknown(workspace) || (typeof workspace === 'string' && workspace.trim() !== '');
  let logsEnabled: boolean | 'unknown' = false;
  const logCategories: string[] = [];
  if (isUnknown(p.logs)) logsEnabled = 'unknown';
  for (const entry of arrayOf(p.logs)) {
    const log = recordOf(entry);
    if (!log) {
      if (isUnknown(entry)) logsEnabled = 'unknown';
      continue;
    }
    if (isUnknown(log.enabled)) {
      if (logsEnabled === false) logsEnabled = 'unknown';
      continue;
    }
    if (log.enabled !== true) continue;
    logsEnabled = true;
    const name = log.categoryGroup ?? log.category;
    if (typeof name === 'string') logCategories.push(name);
  }
  return { setting, target, toLogAnalytics, logsEnabled, logCategories };
}
