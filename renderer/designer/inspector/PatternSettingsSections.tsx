/** Pattern-wide settings: time window, after-match skip, partition key, and event or processing time. */
import { useState } from 'react';
import {
  FLINK_WATERMARK_INTERVAL_MS,
  type DocSkip,
  type PatternDocument,
  type PatternSettings,
  type TimeSettings,
} from '../../../engine/format/schema';
import type { Diagnostic } from '../../../engine/pattern/diagnostic';
import { proposedTimeField } from '../../../engine/problems';
import { useDocumentStore } from '../../state/document-store';
import { settingsDiagnostics } from '../problems/validate-document';
import { DurationInput } from './DurationInput';
import { Field } from './Field';
import { FieldMessages } from './FieldMessages';
import { Section } from './Section';

const SKIPS: { kind: DocSkip['kind']; label: string; hint: string }[] = [
  { kind: 'NO_SKIP', label: 'No skip', hint: 'Every possible match is emitted' },
  {
    kind: 'SKIP_TO_NEXT',
    label: 'Skip to next',
    hint: 'Drop partial matches that start with the same event',
  },
  {
    kind: 'SKIP_PAST_LAST_EVENT',
    label: 'Skip past last event',
    hint: 'Drop partial matches that started inside this match',
  },
  {
    kind: 'SKIP_TO_FIRST',
    label: 'Skip to first…',
    hint: 'Drop partial matches that started before the first event of a stage',
  },
  {
    kind: 'SKIP_TO_LAST',
    label: 'Skip to last…',
    hint: 'Drop partial matches that started before the last event of a stage',
  },
];

const errorsIn = (list: readonly Diagnostic[]): number => list.filter((d) => d.severity === 'error').length;

/** The settings problems of one setting, by its JSON path (e.g. settings.partitionKey). */
const at = (list: readonly Diagnostic[], key: string): Diagnostic[] =>
  list.filter((d) => (d.target?.path ?? []).join('.') === key);

export function PatternSettingsSections({
  doc,
  problems,
  topStages,
}: {
  doc: PatternDocument;
  problems: readonly Diagnostic[];
  topStages: string[];
}) {
  const settings = doc.settings;
  const update = (patch: Partial<PatternSettings>): void => useDocumentStore.getState().updateSettings(patch);
  const [withinError, setWithinError] = useState<string | null>(null);
  const [lagError, setLagError] = useState<string | null>(null);
  const [intervalError, setIntervalError] = useState<string | null>(null);
  const within = settingsDiagnostics(problems, 'within');
  const skip = settingsDiagnostics(problems, 'skip');
  const other = settingsDiagnostics(problems, 'settings');
  // Checked against the event schema (engine/problems/settings-rules): shown at their field.
  const keyProblems = at(other, 'settings.partitionKey');
  const timeFieldProblems = at(other, 'settings.time.field');
  const otherSettings = other.filter((d) => !keyProblems.includes(d) && !timeFieldProblems.includes(d));
  const proposedTime = proposedTimeField(doc.eventSchema);
  const time = settings.time;
  const setTime = (next: TimeSettings): void => update({ time: next });
  const setSkipKind = (kind: DocSkip['kind']): void => {
    if (kind === 'SKIP_TO_FIRST' || kind === 'SKIP_TO_LAST') {
      const stage = 'stage' in settings.skip ? settings.skip.stage : (topStages[0] ?? '');
      update({
        skip: {
          kind,
          stage,
          throwExceptionOnMiss:
            'throwExceptionOnMiss' in settings.skip ? settings.skip.throwExceptionOnMiss : false,
        },
      });
    } else update({ skip: { kind } });
  };
  const fields = doc.eventSchema?.fields.map((f) => f.name) ?? [];

  return (
    <>
      <Section title="Time window" errors={errorsIn(within)} testId="section-within">
        <label className="insp-check">
          <input
            type="checkbox"
            checked={settings.within !== null}
            data-testid="within-toggle"
            onChange={(e) => {
              setWithinError(null);
              update({ within: e.target.checked ? { ms: 600_000, type: 'FIRST_AND_LAST' } : null });
            }}
          />
          The whole match must happen within a time limit
        </label>
        {settings.within !== null && (
          <>
            <Field label="Within" diagnostics={within} error={withinError}>
              {(id) => (
                <DurationInput
                  id={id}
                  ms={settings.within?.ms ?? 1}
                  testId="within-duration"
                  onError={setWithinError}
                  onCommit={(ms) =>
                    update({ within: { type: settings.within?.type ?? 'FIRST_AND_LAST', ms } })
                  }
                />
              )}
            </Field>
            <Field
              label="Measured"
              hint={
                settings.within.type === 'FIRST_AND_LAST'
                  ? 'From the first to the last event of the match'
                  : 'Between each event and the one before it'
              }
            >
              {(id) => (
                <select
                  id={id}
                  className="insp-select"
                  value={settings.within?.type}
                  onChange={(e) =>
                    update({
                      within: {
                        ms: settings.within?.ms ?? 1,
                        type: e.target.value as 'FIRST_AND_LAST' | 'PREVIOUS_AND_CURRENT',
                      },
                    })
                  }
                >
                  <option value="FIRST_AND_LAST">first to last event</option>
                  <option value="PREVIOUS_AND_CURRENT">previous to current event</option>
                </select>
              )}
            </Field>
          </>
        )}
      </Section>

      <Section title="After a match" errors={errorsIn(skip)} testId="section-skip">
        <Field
          label="Skip strategy"
          hint={SKIPS.find((s) => s.kind === settings.skip.kind)?.hint}
          diagnostics={skip}
        >
          {(id) => (
            <select
              id={id}
              className="insp-select"
              value={settings.skip.kind}
              data-testid="skip-select"
              onChange={(e) => setSkipKind(e.target.value as DocSkip['kind'])}
            >
              {SKIPS.map((s) => (
                <option key={s.kind} value={s.kind}>
                  {s.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {(settings.skip.kind === 'SKIP_TO_FIRST' || settings.skip.kind === 'SKIP_TO_LAST') && (
          <>
            <Field label="Stage" hint="A top-level stage of the pattern">
              {(id) => {
                const s = settings.skip as Extract<DocSkip, { stage: string }>;
                const names = topStages.includes(s.stage) ? topStages : [s.stage, ...topStages];
                return (
                  <select
                    id={id}
                    className="insp-select"
                    value={s.stage}
                    data-testid="skip-stage"
                    onChange={(e) => update({ skip: { ...s, stage: e.target.value } })}
                  >
                    {names.map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                );
              }}
            </Field>
            <label className="insp-check">
              <input
                type="checkbox"
                checked={settings.skip.throwExceptionOnMiss}
                onChange={(e) =>
                  update({
                    skip: {
                      ...(settings.skip as Extract<DocSkip, { stage: string }>),
                      throwExceptionOnMiss: e.target.checked,
                    },
                  })
                }
              />
              Fail when the stage is not in the match
            </label>
          </>
        )}
      </Section>

      <Section title="Partitioning and time" errors={errorsIn(other)} testId="section-time">
        <Field
          label="Partition key"
          hint="Matches are found per value of this field (e.g. userId). Empty: one stream."
          diagnostics={keyProblems}
        >
          {(id) => (
            <input
              id={id}
              className="insp-input"
              list="insp-schema-fields"
              value={settings.partitionKey ?? ''}
              placeholder="none"
              spellCheck={false}
              aria-invalid={keyProblems.some((d) => d.severity === 'error')}
              data-testid="partition-key"
              onChange={(e) => update({ partitionKey: e.target.value.trim() === '' ? null : e.target.value })}
            />
          )}
        </Field>
        <datalist id="insp-schema-fields">
          {fields.map((f) => (
            <option key={f} value={f} />
          ))}
        </datalist>
        <div className="insp-segmented" role="radiogroup" aria-label="Time">
          {(['event', 'processing'] as const).map((mode) => (
            <button
              key={mode}
              type="button"
              role="radio"
              aria-checked={time.mode === mode}
              className={`insp-segment${time.mode === mode ? ' insp-segment-on' : ''}`}
              onClick={() =>
                time.mode !== mode &&
                setTime(
                  mode === 'event'
                    ? {
                        mode,
                        // The schema's timestamp field when it has one.
                        field: proposedTime ?? 'timestamp',
                        format: 'epochMillis',
                        outOfOrdernessMs: 0,
                        watermarkIntervalMs: FLINK_WATERMARK_INTERVAL_MS,
                      }
                    : { mode },
                )
              }
            >
              {mode === 'event' ? 'Event time' : 'Processing time'}
            </button>
          ))}
        </div>
        <FieldMessages diagnostics={otherSettings} />
        {time.mode === 'event' ? (
          <>
            <Field
              label="Timestamp field"
              hint={
                proposedTime && proposedTime === time.field
                  ? "The event schema's timestamp field."
                  : 'The field of each event that holds its time.'
              }
              diagnostics={timeFieldProblems}
            >
              {(id) => (
                <input
                  id={id}
                  className="insp-input"
                  list="insp-schema-fields"
                  value={time.field}
                  spellCheck={false}
                  aria-invalid={timeFieldProblems.some((d) => d.severity === 'error')}
                  data-testid="time-field"
                  onChange={(e) => setTime({ ...time, field: e.target.value })}
                />
              )}
            </Field>
            <Field label="Format">
              {(id) => (
                <select
                  id={id}
                  className="insp-select"
                  value={time.format}
                  onChange={(e) => setTime({ ...time, format: e.target.value as typeof time.format })}
                >
                  <option value="epochMillis">epoch milliseconds</option>
                  <option value="epochSeconds">epoch seconds</option>
                  <option value="iso8601">ISO 8601 text</option>
                </select>
              )}
            </Field>
            <Field
              label="Out-of-orderness"
              hint="How late an event may arrive; the watermark trails the newest timestamp by this much."
              error={lagError}
            >
              {(id) => (
                <DurationInput
                  id={id}
                  ms={time.outOfOrdernessMs}
                  min={0}
                  onError={setLagError}
                  onCommit={(ms) => setTime({ ...time, outOfOrdernessMs: ms })}
                />
              )}
            </Field>
            <Field
              label="Watermark interval"
              hint="Flink emits the watermark periodically (default 200 ms), not per event. Cepheus assumes events arrive at the pace of their timestamps and moves the watermark each time the newest timestamp passes a multiple of this interval, so it drops as late what Flink would."
              error={intervalError}
            >
              {(id) => (
                <DurationInput
                  id={id}
                  ms={time.watermarkIntervalMs}
                  min={1}
                  onError={setIntervalError}
                  onCommit={(ms) => setTime({ ...time, watermarkIntervalMs: ms })}
                />
              )}
            </Field>
          </>
        ) : (
          <div className="insp-muted">
            Events are timed by when they arrive (replays use their recorded time). As in Flink, a window
            times out only when that key sees another event or its timer fires while events still arrive; at
            end of input, what is still open stays open.
          </div>
        )}
      </Section>
    </>
  );
}
