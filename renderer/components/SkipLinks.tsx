/** Skip links: the first stops of the Tab order, visible only when focused, as on accessible sites. */
import { focusRegion, type Region } from '../actions/focus-regions';
import './skip-links.css';

const LINKS: { region: Region; label: string }[] = [
  { region: 'canvas', label: 'Skip to canvas' },
  { region: 'inspector', label: 'Skip to inspector' },
  { region: 'library', label: 'Skip to pattern library' },
];

export function SkipLinks() {
  return (
    <nav className="skip-links" aria-label="Skip links">
      {LINKS.map((l) => (
        <button
          key={l.region}
          type="button"
          className="skip-link"
          data-testid={`skip-${l.region}`}
          onClick={() => focusRegion(l.region)}
        >
          {l.label}
        </button>
      ))}
    </nav>
  );
}
