/**
 * Exporters: a pattern document → our own JSON, Flink dynamic-CEP JSON, Flink Java, Flink SQL.
 * Every exporter either writes something that means exactly the same, or refuses with reasons;
 * `expressibility` gives those verdicts for all targets at once, per stage.
 */
import { documentToSpec, serializeDocument } from '../format';
import type { PatternDocument } from '../format';
import { allNodes } from '../format';
import { lintDocument } from '../lint';
import { settingsRules } from '../problems/settings-rules';
import { compilePattern } from '../nfa';
import type { Diagnostic } from '../pattern/diagnostic';
import type { PatternSpec } from '../pattern/spec';
import { readExternalConditions } from './external';
import { buildFlinkJava } from './flink-java';
import { buildFlinkJson } from './flink-json';
import { buildFlinkJobProject } from './flink-job';
import { buildFlinkSqlJob } from './flink-sql-job';
import { jobSettingsOf, jobSettingsPath, jobSettingsSummary } from './job-settings';
import { buildFlinkSqlScript } from './flink-sql-script';
import {
  EXPORT_TARGETS,
  type ExportContext,
  type ExportOptions,
  type ExportResult,
  type ExportFile,
  type ExportTarget,
  type ExpressibilityReport,
  type ExternalConditions,
  type TargetReport,
} from './types';

export * from './types';
export type { GraphJson, NodeJson, EdgeJson, ConditionJson, QuantifierJson } from './graph-spec';
export {
  unsupportedMarker,
  isUnsupportedMarker,
  externalNoteLine,
  readExternalConditions,
  describeFlinkCondition,
} from './external';
export { buildFlinkJson } from './flink-json';
export { buildFlinkJava } from './flink-java';
export { buildFlinkSql } from './flink-sql';
export { FLINK_VERSION, FLINK_KAFKA_CONNECTOR_VERSION, eventPojo, buildFlinkJobProject } from './flink-job';
export { zipFiles } from './zip';
export { buildFlinkSqlScript, SQL_SOURCE_PATH } from './flink-sql-script';
export { sqlSourceTable, sqlOption, type SqlSourceTable, type SqlSourceTableOptions } from './sql-ddl';
export { jsonTime, jsonTimeToMs } from './durations';
export { JOB_SETTINGS_FORMAT, jobSettingsPath, readJobSettings, type JobSettings } from './job-settings';

/** Export-time settings of a document, with command-line / dialog overrides applied. */
export function exportContext(doc: PatternDocument, options: ExportOptions = {}): ExportContext {
  const external = new Map<string, ExternalConditions>();
  for (const { node } of allNodes(doc)) {
    if (node.kind !== 'stage') continue;
    const kept = readExternalConditions(node);
    if (kept) external.set(node.name, kept);
  }
  return {
    name: doc.name || 'pattern',
    partitionKey: options.partitionKey !== undefined ? options.partitionKey : doc.settings.partitionKey,
    time: doc.settings.time,
    eventFields: doc.eventSchema?.fields ?? [],
    booleanFields: new Set(
      (doc.eventSchema?.fields ?? []).filter((f) => f.type === 'boolean').map((f) => f.name),
    ),
    external,
  };
}

const FILE_EXTENSION: Record<ExportTarget, string> = {
  json: '.cep.json',
  'flink-json': '.flink.json',
  'flink-java': '.java',
  'flink-sql': '.sql',
  'flink-job': '.zip',
  'flink-sql-job': '.job.sql',
};

function fileStem(doc: PatternDocument): string {
  return (doc.name || 'pattern').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'pattern';
}

interface TargetOutput {
  report: TargetReport;
  text?: string;
  className?: string;
  files?: ExportFile[];
  fileName?: string;
  sidecar?: ExportFile;
}

/** The Java export wrapped in a Maven project (Event POJO, main, pom, README). */
function runJob(
  doc: PatternDocument,
  spec: PatternSpec,
  ctx: ExportContext,
  options: ExportOptions,
): TargetOutput {
  const pkg = options.javaPackage ?? 'cepheus.job';
  const java = buildFlinkJava(spec, ctx, { ...options, javaPackage: pkg, eventClass: 'Event' });
  const project =
    java.text !== undefined
      ? buildFlinkJobProject(
          doc,
          ctx,
          { className: java.className, text: java.text },
          { ...options, javaPackage: pkg },
        )
      : null;
  const items = [
    ...java.report.items.map((i) => ({ ...i, reason: i.reason?.replace(/^Java:/, 'Flink job (Java):') })),
    ...(project && !project.ok ? project.reasons : []),
  ];
  const ok = items.every((i) => i.ok);
  if (!ok || !project?.ok) return { report: { ok: false, items } };
  const main = project.files.find((f) => f.path.endsWith(`/${project.mainClass.split('.').pop()}.java`));
  return {
    report: { ok: true, items },
    text: main?.text ?? '',
    files: project.files,
    fileName: `${project.artifactId}.zip`,
  };
}

/** Runs one Flink exporter on a lowered spec. */
function runTarget(
  doc: PatternDocument,
  spec: PatternSpec,
  target: Exclude<ExportTarget, 'json'>,
  ctx: ExportContext,
  options: ExportOptions,
): TargetOutput {
  if (target === 'flink-job') return runJob(doc, spec, ctx, options);
  if (target === 'flink-sql-job') return buildFlinkSqlJob(doc, spec, ctx, options);
  if (target === 'flink-json') {
    const r = buildFlinkJson(spec, ctx);
    if (!r.graph) return { report: r.report };
    // The rule carries the pattern only: the job settings go to a sidecar file (job-settings.ts).
    const settings = jobSettingsOf(doc, ctx);
    const sidecar = jobSettingsPath(fileStem(doc) + FILE_EXTENSION['flink-json']);
    const note = `Flink JSON: the rule carries the pattern only, not the job settings (${jobSettingsSummary(settings)}); Save in the export dialog and cepheus export --out write them beside the rule (${sidecar}), where cepheus import reads them back`;
    return {
      report: { ...r.report, items: [...r.report.items, { ok: true, note }] },
      text: JSON.stringify(r.graph, null, 2) + '\n',
      sidecar: {
        path: sidecar,
        text: JSON.stringify(settings, null, 2) + '\n',
      },
    };
  }
  if (target === 'flink-java') return buildFlinkJava(spec, ctx, options);
  return buildFlinkSqlScript(spec, ctx, options);
}

/**
 * Lowers the document and checks it against Flink's pattern rules (the NFA compiler's validation):
 * an invalid pattern is never exported. Conditions that are kept Flink conditions (import markers)
 * are exempt, since the Flink JSON and Java exporters write them back verbatim.
 */
function lower(
  doc: PatternDocument,
  ctx: ExportContext,
): { ok: true; spec: PatternSpec } | { ok: false; report: TargetReport } {
  const lowered = documentToSpec(doc);
  const diagnostics = lowered.ok
    ? compilePattern(lowered.spec, doc.eventSchema ? { schema: doc.eventSchema } : {}).diagnostics
    : lowered.diagnostics;
  const kept = (d: Diagnostic): boolean => {
    const field = d.target?.field;
    return (
      d.code.startsWith('expr.') &&
      d.target?.stage !== undefined &&
      (field === 'where' || field === 'until') &&
      ctx.external.get(d.target.stage)?.[field] !== undefined
    );
  };
  // Settings that name no field of the event schema would key or time the job on nothing.
  const errors = [...diagnostics, ...settingsRules(doc)].filter((d) => d.severity === 'error' && !kept(d));
  if (lowered.ok && errors.length === 0) return lowered;
  return {
    ok: false,
    report: {
      ok: false,
      items: errors.map((d) => ({
        ok: false,
        cause: 'pattern' as const,
        reason: `Pattern: ${d.message}`,
        ...(d.target?.nodeId ? { nodeId: d.target.nodeId } : {}),
        ...(d.target?.stage ? { stage: d.target.stage } : {}),
      })),
    },
  };
}

/** Writes the document in one target format, or returns why it cannot be written faithfully. */
export function exportPattern(
  doc: PatternDocument,
  target: ExportTarget,
  options: ExportOptions = {},
): ExportResult {
  if (target === 'json')
    return {
      ok: true,
      target,
      text: serializeDocument(doc),
      fileName: fileStem(doc) + FILE_EXTENSION.json,
      warnings: exportWarnings(doc).map(warningText),
    };
  const ctx = exportContext(doc, options);
  const lowered = lower(doc, ctx);
  if (!lowered.ok) return { ok: false, target, reasons: lowered.report.items };
  const r = runTarget(doc, lowered.spec, target, ctx, options);
  if (!r.report.ok || r.text === undefined)
    return { ok: false, target, reasons: r.report.items.filter((i) => !i.ok) };
  const fileName =
    r.fileName ??
    (target === 'flink-java' && r.className ? `${r.className}.java` : fileStem(doc) + FILE_EXTENSION[target]);
  const warnings = lintDocument(doc, lowered.spec).map(warningText);
  const notes = r.report.items.flatMap((i) => (i.ok && i.note ? [i.note] : []));
  return {
    ok: true,
    target,
    text: r.text,
    fileName,
    warnings,
    ...(notes.length > 0 ? { notes } : {}),
    ...(r.files ? { files: r.files } : {}),
    ...(r.sidecar ? { sidecar: r.sidecar } : {}),
  };
}

/**
 * Lint warnings of a pattern that exports (an explosive pattern is as explosive on Flink): the
 * export report shows them above the per-target verdicts.
 */
export function exportWarnings(doc: PatternDocument): Diagnostic[] {
  const lowered = documentToSpec(doc);
  return lowered.ok ? lintDocument(doc, lowered.spec) : [];
}

/** One warning as one line: the stage, what, and the proposed fix. */
export function warningText(d: Diagnostic): string {
  const stage = d.target?.stage ? `stage "${d.target.stage}": ` : '';
  return `${stage}${d.message}${d.fix ? `. Fix: ${d.fix}.` : ''}`;
}

/** Our own format writes every stage as it is. */
function everyStage(stages: PatternSpec['stages']): TargetReport['items'] {
  return stages.flatMap((s) => [
    ...(s.group ? everyStage(s.group.stages) : []),
    { stage: s.name, ...(s.nodeId ? { nodeId: s.nodeId } : {}), ok: true },
  ]);
}

/** Per target, per stage: can it be exported, and if not, why (in words). */
export function expressibility(doc: PatternDocument, options: ExportOptions = {}): ExpressibilityReport {
  const ctx = exportContext(doc, options);
  const lowered = lower(doc, ctx);
  const report = {} as ExpressibilityReport;
  for (const target of EXPORT_TARGETS) {
    // Our own format can save any document, even one that does not compile yet.
    if (target === 'json')
      report.json = { ok: true, items: lowered.ok ? everyStage(lowered.spec.stages) : [] };
    else if (!lowered.ok) report[target] = lowered.report;
    else report[target] = runTarget(doc, lowered.spec, target, ctx, options).report;
  }
  return report;
}
