/** A titled, collapsible group of inspector fields; the header counts the problems inside it. */
import { useState, type ReactNode } from 'react';
import { Icon } from '../../components/Icon';

interface SectionProps {
  title: string;
  /** Number of errors in this section (shown on the header, so a collapsed section still warns). */
  errors?: number;
  defaultOpen?: boolean;
  testId?: string;
  children: ReactNode;
}

export function Section({ title, errors = 0, defaultOpen = true, testId, children }: SectionProps) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <section className="insp-section" data-testid={testId}>
      <button
        type="button"
        className="insp-section-header"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <span className={`insp-chevron${open ? '' : ' insp-chevron-closed'}`}>
          <Icon name="chevronDown" size={12} />
        </span>
        <span className="insp-section-title">{title}</span>
        {errors > 0 && (
          <span className="insp-section-errors" title={`${errors} problem${errors === 1 ? '' : 's'}`}>
            {errors}
          </span>
        )}
      </button>
      {open && <div className="insp-section-body">{children}</div>}
    </section>
  );
}
