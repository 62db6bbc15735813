/** Inline rename in the library list: Enter or leaving the field saves, Escape cancels. */
import { useEffect, useRef, useState } from 'react';

export interface RenameFieldProps {
  initial: string;
  onCommit: (name: string) => void;
  onCancel: () => void;
}

export function RenameField({ initial, onCommit, onCancel }: RenameFieldProps) {
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit && value.trim()) onCommit(value);
    else onCancel();
  };
  return (
    <input
      ref={ref}
      className="library-rename"
      aria-label="Pattern name"
      data-testid="library-rename-input"
      value={value}
      maxLength={200}
      onChange={(e) => setValue(e.currentTarget.value)}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        // The list's own keys (and the app's shortcuts) must not fire while typing a name.
        e.stopPropagation();
        if (e.key === 'Enter') finish(true);
        else if (e.key === 'Escape') finish(false);
      }}
    />
  );
}
