/** Transport glyphs as inline SVG (fonts on some systems lack ⏮ ⏭ ⏩). */
const PATHS = {
  start: 'M6 5v14M19 5l-10 7 10 7z',
  back: 'M17 5l-10 7 10 7z',
  play: 'M7 5l12 7-12 7z',
  pause: 'M8 5v14M16 5v14',
  forward: 'M7 5l10 7-10 7zM19 5v14',
  breakpoint: 'M4 5l8 7-8 7zM12 5l8 7-8 7z',
  end: 'M5 5l10 7-10 7zM18 5v14',
} as const;

export type TransportIconName = keyof typeof PATHS;

export function TransportIcon({ name }: { name: TransportIconName }) {
  const filled = name !== 'pause';
  return (
    <svg
      width={14}
      height={14}
      viewBox="0 0 24 24"
      aria-hidden="true"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth={2}
      strokeLinejoin="round"
      strokeLinecap="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
