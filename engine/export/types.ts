/**
 * Vocabulary shared by the exporters: the targets, their options, the per-stage verdicts of the
 * expressibility report and the result of one export.
 */
import type { FieldType } from '../pattern/spec';

/**
 * `json`: our own document; the others are Flink formats. `flink-job` is a whole Maven project (the
 * Java export plus event class, main and pom), `flink-sql-job` a SQL client script (tables + INSERT).
 */
export type ExportTarget = 'json' | 'flink-json' | 'flink-java' | 'flink-sql' | 'flink-job' | 'flink-sql-job';

export const EXPORT_TARGETS: readonly ExportTarget[] = [
  'json',
  'flink-json',
  'flink-java',
  'flink-sql',
  'flink-job',
  'flink-sql-job',
];

export interface ExportOptions {
  /** Java: event class of the generated code (simple or qualified name). Default "Event". */
  eventClass?: string;
  /** Java: package of the generated class; none by default. */
  javaPackage?: string;
  /** Java: name of the generated class. Default: derived from the pattern name. */
  className?: string;
  /** SQL: table (or view) the query reads. Default "events". */
  table?: string;
  /** Overrides the document's partition key (Java keyBy, SQL PARTITION BY). */
  partitionKey?: string | null;
  /** Overrides the time field (Java timestamp assigner, SQL ORDER BY). */
  timeField?: string;
  /** Flink job: Maven artifactId of the project. Default: derived from the pattern name. */
  artifactId?: string;
  /** SQL job: Kafka topic of the events, and of the matches. */
  topic?: string;
  outputTopic?: string;
}

/** One verdict: a stage (or the whole pattern when stage is absent) can or cannot be written. */
export interface ExpressibilityItem {
  nodeId?: string;
  stage?: string;
  ok: boolean;
  reason?: string;
  /**
   * On a refused item: `pattern` when the pattern itself is invalid (no target can export it until it
   * is fixed), `option` when an export option is not usable (a Java class or package name); absent
   * when this target cannot express a valid pattern (another target may).
   */
  cause?: 'pattern' | 'option';
  /**
   * On an ok item: what the export writes differently or cannot carry (and where it went instead),
   * e.g. the time settings a Flink JSON rule leaves to the job. Never blocks the export.
   */
  note?: string;
}

export interface TargetReport {
  ok: boolean;
  items: ExpressibilityItem[];
}

export type ExpressibilityReport = Record<ExportTarget, TargetReport>;

/** One file of a multi-file export (a project). */
export interface ExportFile {
  /** Relative path with forward slashes. */
  path: string;
  text: string;
}

export type ExportResult =
  | {
      ok: true;
      target: ExportTarget;
      /** The text to show (for a project: its main class). */
      text: string;
      /** File to save `text` as; for a project, the archive name (`….zip`). */
      fileName: string;
      warnings: string[];
      /** A project's files (flink-job); absent for single-file targets. */
      files?: ExportFile[];
      /** What the target writes differently or leaves out (the report's notes), in words. */
      notes?: string[];
      /** A file to write beside `text` (flink-json: the job settings the rule cannot carry); path is its default name. */
      sidecar?: ExportFile;
    }
  | { ok: false; target: ExportTarget; reasons: ExpressibilityItem[] };

/** Export-time facts that live in the document's settings, not in the PatternSpec. */
export interface ExportContext {
  /** Pattern name, used for class names and comments. */
  name: string;
  partitionKey: string | null;
  time:
    | {
        mode: 'event';
        field: string;
        format: 'epochMillis' | 'epochSeconds' | 'iso8601';
        outOfOrdernessMs: number;
        watermarkIntervalMs: number;
      }
    | { mode: 'processing' };
  /** The event schema's fields (empty without a schema): the SQL source table's columns. */
  eventFields: readonly { name: string; type: FieldType }[];
  /** Dotted paths of the event schema's boolean fields (Java reads them with isX()). */
  booleanFields: ReadonlySet<string>;
  /** Verbatim Flink conditions kept from an import (by stage name), re-emitted instead of the marker. */
  external: ReadonlyMap<string, ExternalConditions>;
}

/** Flink dynamic-CEP condition JSON objects that Cepheus cannot evaluate, kept verbatim. */
export interface ExternalConditions {
  where?: unknown;
  until?: unknown;
}

/** Collects verdicts while an exporter walks a pattern. */
export class Verdicts {
  readonly items: ExpressibilityItem[] = [];

  refuse(reason: string, at?: { stage?: string; nodeId?: string; cause?: 'option' }): void {
    this.items.push({ ...stripUndefined(at), ok: false, reason });
  }

  accept(at: { stage?: string; nodeId?: string }): void {
    this.items.push({ ...stripUndefined(at), ok: true });
  }

  /** An ok verdict that says what is written differently or left out (ExpressibilityItem.note). */
  note(note: string, at?: { stage?: string; nodeId?: string }): void {
    this.items.push({ ...stripUndefined(at), ok: true, note });
  }

  get ok(): boolean {
    return this.items.every((i) => i.ok);
  }

  report(): TargetReport {
    return { ok: this.ok, items: this.items };
  }
}

function stripUndefined(at?: { stage?: string; nodeId?: string; cause?: 'option' }): {
  stage?: string;
  nodeId?: string;
  cause?: 'option';
} {
  const out: { stage?: string; nodeId?: string; cause?: 'option' } = {};
  if (at?.stage !== undefined) out.stage = at.stage;
  if (at?.nodeId !== undefined) out.nodeId = at.nodeId;
  if (at?.cause !== undefined) out.cause = at.cause;
  return out;
}
