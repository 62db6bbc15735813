/** One labelled inspector field with its hint and inline problems. */
import { useId, type ReactNode } from 'react';
import type { Diagnostic } from '../../../engine/pattern/diagnostic';
import { FieldMessages } from './FieldMessages';

interface FieldProps {
  label: string;
  hint?: string;
  diagnostics?: readonly Diagnostic[];
  error?: string | null;
  /** Renders the control with the id the label points at. */
  children: (id: string) => ReactNode;
}

export function Field({ label, hint, diagnostics, error, children }: FieldProps) {
  const id = useId();
  const invalid = !!error || (diagnostics ?? []).some((d) => d.severity === 'error');
  return (
    <div className={`insp-field${invalid ? ' insp-field-invalid' : ''}`}>
      <label className="insp-label" htmlFor={id}>
        {label}
      </label>
      <div className="insp-control">{children(id)}</div>
      {hint && <div className="insp-hint">{hint}</div>}
      <FieldMessages diagnostics={diagnostics} error={error} />
    </div>
  );
}
