/**
 * Import of a Flink dynamic-CEP rule (GraphSpec JSON) into a Cepheus pattern document.
 * Conditions Cepheus cannot run are kept verbatim (see engine/export/external.ts) and flagged.
 */
import { externalNoteLine } from '../export/external';
import { readJobSettings } from '../export/job-settings';
import { allNodes, parseJsonText, specToDocument, type PatternDocument } from '../format';
import type { Diagnostic } from '../pattern/diagnostic';
import { GraphReader } from './graph-reader';

export type ImportResult =
  | { ok: true; document: PatternDocument; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

export interface ImportOptions {
  /** Name of the new document; default "Imported Flink pattern". */
  name?: string;
  /**
   * The job settings the flink-json export wrote beside the rule (text or parsed JSON of
   * `rule.flink.settings.json`): partition key, time settings and event schema of the document.
   */
  jobSettings?: unknown;
}

/** Text or parsed JSON of a dynamic-CEP rule → a document, or diagnostics saying what is wrong where. */
export function importFlinkJson(input: unknown, options: ImportOptions = {}): ImportResult {
  let raw = input;
  if (typeof input === 'string') {
    const parsed = parseJsonText(input);
    if (!parsed.ok) return { ok: false, diagnostics: [parsed.diagnostic] };
    raw = parsed.value;
  }
  const reader = new GraphReader();
  let spec;
  try {
    spec = reader.read(raw);
  } catch (e) {
    const reason = e instanceof RangeError ? 'it is nested too deeply' : 'of an internal error';
    return {
      ok: false,
      diagnostics: [
        {
          code: 'import.unreadable',
          severity: 'error',
          message: `The Flink pattern could not be read because ${reason}.`,
        },
      ],
    };
  }
  const diagnostics = reader.diagnostics;
  if (!spec || diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };

  const document = specToDocument(spec, {
    name: options.name ?? 'Imported Flink pattern',
    description: 'Imported from Flink dynamic-CEP JSON.',
  });
  if (options.jobSettings !== undefined) {
    const read = readJobSettings(options.jobSettings);
    if (!read.ok)
      return {
        ok: false,
        diagnostics: [
          {
            code: 'import.job-settings',
            severity: 'error',
            message: `The job settings file cannot be read: ${read.message}.`,
          },
        ],
      };
    document.settings.partitionKey = read.settings.partitionKey;
    document.settings.time = read.settings.time;
    document.eventSchema = read.settings.eventSchema;
  }
  for (const k of reader.kept) {
    const found = allNodes(document).find(({ node }) => node.kind === 'stage' && node.name === k.stage);
    if (!found || found.node.kind !== 'stage') continue;
    const node = found.node;
    node.note = [node.note, externalNoteLine(k.which, k.json)].filter(Boolean).join('\n');
    diagnostics.push({
      code: 'import.unsupported-condition',
      severity: 'warning',
      message: `The ${k.which === 'where' ? 'condition' : 'until condition'} of "${k.stage}" is kept verbatim but cannot run in Cepheus: ${k.reason}. Exports to Flink JSON and Java write it back; replace it with a Cepheus condition to run the pattern.`,
      target: { kind: 'node', nodeId: node.id, stage: k.stage, field: k.which },
    });
  }
  return { ok: true, document, diagnostics };
}
