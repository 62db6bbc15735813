/** Small helpers for writing Java source text. */

const RESERVED = new Set(
  'abstract assert boolean break byte case catch char class const continue default do double else enum extends final finally float for goto if implements import instanceof int interface long native new package private protected public return short static strictfp super switch synchronized this throw throws transient try void volatile while true false null var record yield sealed permits'.split(
    ' ',
  ),
);

export function isJavaIdentifier(s: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s) && !RESERVED.has(s);
}

/** `com.acme.Event` or `Event`. */
export function isQualifiedJavaName(s: string): boolean {
  return s.split('.').every(isJavaIdentifier);
}

/** "card fraud / v2" → "CardFraudV2Pattern". */
export function javaClassName(patternName: string): string {
  const words = patternName.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const base = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  const name = /^[A-Za-z]/.test(base) ? base : `Cepheus${base}`;
  return name.endsWith('Pattern') ? name : `${name}Pattern`;
}

/** Indents every line of a block by n spaces. */
export function indent(text: string, n: number): string {
  const pad = ' '.repeat(n);
  return text
    .split('\n')
    .map((l) => (l ? pad + l : l))
    .join('\n');
}
