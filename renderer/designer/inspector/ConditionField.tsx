/** A labelled condition editor with its inline problems (the squiggles say where, this says what). */
import { lazy, Suspense } from 'react';
import { LazyLoading } from '../../components/LazyLoading';
import type { StageNode, PatternDocument } from '../../../engine/format/schema';
import type { Diagnostic } from '../../../engine/pattern/diagnostic';
import { conditionContext } from '../conditions/condition-context';
import { conditionKey } from '../conditions/cursor-request';
import { FieldMessages } from './FieldMessages';

// Monaco loads with the first condition editor, not with the page.
const ConditionEditor = lazy(() =>
  import('../conditions/ConditionEditor').then((m) => ({ default: m.ConditionEditor })),
);

interface ConditionFieldProps {
  doc: PatternDocument;
  stage: StageNode;
  field: 'where' | 'or' | 'until';
  index?: number;
  value: string;
  diagnostics: readonly Diagnostic[];
  placeholder: string;
  label: string;
  onChange: (value: string) => void;
  onRemove?: () => void;
}

export function ConditionField({
  doc,
  stage,
  field,
  index = 0,
  value,
  diagnostics,
  placeholder,
  label,
  onChange,
  onRemove,
}: ConditionFieldProps) {
  const key = conditionKey(stage.id, field, index);
  return (
    <div className="insp-field">
      <div className="insp-label-row">
        <span className="insp-label">{label}</span>
        {onRemove && (
          <button
            type="button"
            className="insp-link"
            onClick={onRemove}
            data-testid={`condition-remove-${field}-${index}`}
          >
            Remove
          </button>
        )}
      </div>
      <Suspense fallback={<LazyLoading what="the editor" />}>
        <ConditionEditor
          editorKey={key}
          value={value}
          onChange={onChange}
          diagnostics={diagnostics}
          context={() => conditionContext(doc, stage.name)}
          placeholder={placeholder}
          ariaLabel={`${label} condition of ${stage.name}`}
          testId={`condition-${field}${field === 'or' ? `-${index}` : ''}`}
        />
      </Suspense>
      <FieldMessages diagnostics={diagnostics} />
    </div>
  );
}
