/** The library's own glyphs (same stroke style as the shell's Icon) for list and file actions. */
const paths = {
  edit: 'M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4',
  copy: 'M9 9h11v11H9zM5 15H4V4h11v1',
  trash: 'M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3',
  open: 'M3 6h6l2 2h10v11H3zM3 10h18',
  save: 'M12 4v11M7 10l5 5 5-5M4 20h16',
  samples: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z',
} as const;

export type LibraryIconName = keyof typeof paths;

export function LibraryIcon({ name, size = 14 }: { name: LibraryIconName; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.7}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
    >
      <path d={paths[name]} />
    </svg>
  );
}
