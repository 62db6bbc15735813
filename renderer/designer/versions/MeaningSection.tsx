/** The semantic diff of two sides (name, description and meaning; never layout), one sentence per change. */
import { useMemo } from 'react';
import { diffVersions } from '../../../engine/format/diff';
import type { CompareSectionProps } from './compare-sections';

export function MeaningSection({ from, to }: CompareSectionProps) {
  const changes = useMemo(() => diffVersions(from.document, to.document), [from.document, to.document]);
  if (changes.length === 0)
    return (
      <p className="vh-muted" data-testid="version-same">
        Same meaning, name and description.
      </p>
    );
  return (
    <ul className="vh-changes" data-testid="version-changes">
      {changes.map((c, i) => (
        <li key={i} className={`vh-change vh-${c.kind}`}>
          {c.message}
        </li>
      ))}
    </ul>
  );
}
