/**
 * validatePattern: every problem of a pattern document at once. The schema, the graph, Flink's pattern
 * rules, each stage's conditions and the lint rules are checked independently, so a stage just dropped
 * and not yet connected never hides a condition's syntax error or a rule violation elsewhere. The
 * designer (canvas badges, Monaco markers, Problems) and `cepheus validate` show this same list.
 */
import { compileCondition } from '../expr/condition';
import { loadDocument } from '../format/load';
import type { PatternDocument, StageNode } from '../format/schema';
import { documentToChains, type LenientLowering } from '../format/to-spec';
import { allNodes } from '../format/walk';
import { builtRuleDiagnostics } from '../nfa/compile';
import { validateSpec } from '../nfa/validate';
import type { Diagnostic } from '../pattern/diagnostic';
import type { PatternSpec, StageSpec } from '../pattern/spec';
import { lintPattern, type LintContext } from '../lint';
import { mergeProblems } from './merge';
import { inWords } from './schema-words';
import { settingsRules } from './settings-rules';

/** Problems of the document's shape (zod schema) and integrity (unique ids); layout leftovers are not problems. */
function schemaProblems(doc: PatternDocument): Diagnostic[] {
  return loadDocument(doc)
    .diagnostics.filter((d) => d.code !== 'format.layout-orphan')
    .map((d) => inWords(d, doc));
}

function flatStages(stages: readonly StageSpec[], out: StageSpec[] = []): StageSpec[] {
  for (const s of stages) {
    if (s.group) flatStages(s.group.stages, out);
    else out.push(s);
  }
  return out;
}

const stripConditions = (s: StageSpec): StageSpec => {
  const { where: _w, or: _o, until: _u, ...rest } = s;
  return rest.group ? { ...rest, group: { stages: rest.group.stages.map(stripConditions) } } : rest;
};

/** Flink's rules on the chain as far as it can be read, and on each stray chain on its own. */
function ruleProblems(doc: PatternDocument, lowered: LenientLowering): Diagnostic[] {
  const out: Diagnostic[] = [];
  const topNames = new Set(doc.nodes.map((n) => n.name));
  // No chain at all (empty, or one big cycle): the graph check already says so.
  const main = lowered.main.stages.length > 0 ? validateSpec(lowered.main) : [];
  for (const d of main) {
    // With strays, a skip target outside the chain may just not be connected yet.
    if (d.code === 'pattern.skip-target-missing' && !lowered.complete) {
      const skip = doc.settings.skip;
      if ('stage' in skip && topNames.has(skip.stage)) continue;
    }
    out.push(d);
  }
  for (const stray of lowered.strays) {
    const spec: PatternSpec = { stages: stray, skip: { kind: 'NO_SKIP' } };
    out.push(...validateSpec(spec).filter((d) => d.target?.nodeId !== undefined || d.target?.edgeId));
  }
  // Rules on the built states need a chain; they do not depend on the conditions.
  if (lowered.main.stages.length > 0) {
    const structural: PatternSpec = { ...lowered.main, stages: lowered.main.stages.map(stripConditions) };
    out.push(...builtRuleDiagnostics(structural));
  }
  return out;
}

/** Every stage's conditions, compiled on their own against all stage names in pattern order. */
function conditionProblems(doc: PatternDocument, lowered: LenientLowering): Diagnostic[] {
  const ordered = [...flatStages(lowered.main.stages), ...lowered.strays.flatMap((c) => flatStages(c))]
    .map((s) => s.nodeId)
    .filter((id): id is string => id !== undefined);
  const stageNodes = allNodes(doc)
    .map((v) => v.node)
    .filter((n): n is StageNode => n.kind === 'stage');
  const rank = new Map(ordered.map((id, i) => [id, i]));
  const inOrder = [...stageNodes].sort(
    (a, b) => (rank.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b.id) ?? Number.MAX_SAFE_INTEGER),
  );
  const names = inOrder.map((n) => n.name);
  const schema = doc.eventSchema ?? undefined;
  const out: Diagnostic[] = [];
  for (const stage of stageNodes) {
    const check = (field: 'where' | 'or' | 'until', source: string, index?: number): void => {
      const result = compileCondition(source, { stages: names, currentStage: stage.name, schema });
      const target = { kind: 'node' as const, stage: stage.name, nodeId: stage.id, field, index };
      for (const d of result.diagnostics) {
        const quickFix = d.quickFix && {
          ...d.quickFix,
          edits: d.quickFix.edits.map((e) =>
            e.kind === 'condition-text' ? { ...e, nodeId: stage.id, field, index } : e,
          ),
        };
        out.push({ ...d, target, ...(quickFix ? { quickFix } : {}) });
      }
    };
    if (stage.where.trim() !== '') check('where', stage.where);
    stage.or.forEach((c, index) => {
      if (c.trim() === '')
        out.push({
          code: 'graph.empty-or',
          severity: 'error',
          message: `Stage "${stage.name}" has an empty alternative condition (or #${index + 1}); fill it in or remove it.`,
          target: { kind: 'node', nodeId: stage.id, field: 'or', index },
        });
      else check('or', c, index);
    });
    if (stage.until !== null && stage.until.trim() !== '') check('until', stage.until);
  }
  return out;
}

function lintContext(doc: PatternDocument, lowered: LenientLowering): LintContext {
  const t = doc.settings.time;
  return {
    spec: lowered.main,
    doc,
    time:
      t.mode === 'event' ? { mode: 'event', outOfOrdernessMs: t.outOfOrdernessMs } : { mode: 'processing' },
    ...(doc.eventSchema ? { schema: doc.eventSchema } : {}),
  };
}

export interface ValidatePatternOptions {
  /** Run the lint rules too (default true). */
  lint?: boolean;
}

/** Every problem of `doc`, deduplicated, errors first; never throws. */
export function validatePattern(doc: PatternDocument, options: ValidatePatternOptions = {}): Diagnostic[] {
  try {
    const schema = schemaProblems(doc);
    // Past the size limit nothing else is checked: that work is what the limit bounds.
    if (schema.some((d) => d.code === 'format.too-large')) return schema;
    const lowered = documentToChains(doc);
    const rest = [
      ...lowered.diagnostics,
      ...ruleProblems(doc, lowered),
      ...conditionProblems(doc, lowered),
      ...settingsRules(doc),
      // Lint rules read the chain as far as it goes: a stray stage elsewhere hides no warning.
      ...(options.lint === false || lowered.main.stages.length === 0
        ? []
        : lintPattern(lintContext(doc, lowered))),
    ];
    return mergeProblems(schema, rest, doc);
  } catch (e) {
    return [
      {
        code: 'pattern.internal',
        severity: 'error',
        message: `The pattern could not be checked (${e instanceof Error ? e.message : String(e)}).`,
        target: { kind: 'pattern' },
      },
    ];
  }
}
