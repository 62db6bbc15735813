/**
 * matches() regexes for Java's engine (java.util.regex, used by Flink Java, Flink SQL's REGEXP and
 * AviatorScript's =~): the same strings must match as under RE2, which Cepheus evaluates. Where the
 * two read the same text differently the regex is rewritten (`.` and `$` under (?d) and \z, `\s`,
 * `\v`, `\b`, POSIX classes, literal `[` `&&` `{` in RE2, `(?P<name>`, \p{Script}), and what has no
 * faithful rewrite is refused with the reason, so an export never means something else.
 */
/** Thrown while scanning a regex that has no faithful Java form; toJavaRegex turns it into a reason. */
class Untranslatable extends Error {}

const refuse = (reason: string): never => {
  throw new Untranslatable(reason);
};

/** RE2 POSIX class names → Java's \p{…} names. */
const POSIX: Record<string, string> = {
  alnum: 'Alnum',
  alpha: 'Alpha',
  ascii: 'ASCII',
  blank: 'Blank',
  cntrl: 'Cntrl',
  digit: 'Digit',
  graph: 'Graph',
  lower: 'Lower',
  print: 'Print',
  punct: 'Punct',
  space: 'Space',
  upper: 'Upper',
  xdigit: 'XDigit',
};

/** RE2's \s is [\t\n\f\r ]; Java's adds \x0B. */
const SPACE_CHARS = '\\t\\n\\f\\r ';
/** RE2's \b is an ASCII word boundary; Java before 19 reads \b with Unicode letters. */
const WORD_BOUNDARY = '(?:(?<=\\w)(?!\\w)|(?<!\\w)(?=\\w))';
const NOT_WORD_BOUNDARY = '(?:(?<=\\w)(?=\\w)|(?<!\\w)(?!\\w))';

interface Scan {
  re: string;
  i: number;
  out: string;
  dot: boolean;
  ignoreCase: boolean;
}

/** `\p{Greek}` → `\p{IsGreek}` (Java names scripts with Is); one- and two-letter categories stay. */
function property(s: Scan, letter: string): void {
  let name: string;
  if (s.re[s.i] === '{') {
    const end = s.re.indexOf('}', s.i);
    if (end < 0) refuse('the regex has an unclosed \\p{…}');
    name = s.re.slice(s.i + 1, end);
    s.i = end + 1;
  } else {
    name = s.re[s.i] ?? '';
    s.i++;
  }
  let negated = letter === 'P';
  if (name.startsWith('^')) {
    negated = !negated;
    name = name.slice(1);
  }
  const java = name.length <= 2 || name === 'Any' ? name : `Is${name}`;
  s.out += `\\${negated ? 'P' : 'p'}{${java}}`;
}

/** One escape (the backslash already read); `inClass` changes what some mean. */
function escape(s: Scan, inClass: boolean): void {
  const c = s.re[s.i++];
  if (c === undefined) refuse('the regex ends with a lone backslash');
  switch (c) {
    case 'Q': {
      const end = s.re.indexOf('\\E', s.i);
      const text = end < 0 ? s.re.slice(s.i) : s.re.slice(s.i, end);
      s.i = end < 0 ? s.re.length : end + 2;
      s.out += `\\Q${text}\\E`;
      return;
    }
    case 's':
      s.out += inClass ? SPACE_CHARS : `[${SPACE_CHARS}]`;
      return;
    case 'S':
      if (inClass) refuse('\\S inside a character class has no Java form with the same meaning');
      s.out += `[^${SPACE_CHARS}]`;
      return;
    case 'v':
      s.out += '\\x0B';
      return;
    case 'b':
      if (inClass) refuse('\\b inside a character class is not supported');
      s.out += WORD_BOUNDARY;
      return;
    case 'B':
      s.out += NOT_WORD_BOUNDARY;
      return;
    case 'p':
    case 'P':
      property(s, c);
      return;
    case 'C':
      return refuse('\\C (any byte) has no Java equivalent');
    default:
      if (/[0-9]/.test(c)) refuse(`\\${c} (an octal escape) is read differently by Java`);
      s.out += `\\${c}`;
  }
}

function characterClass(s: Scan): void {
  s.out += '[';
  if (s.re[s.i] === '^') {
    s.out += '^';
    s.i++;
  }
  // A `]` first in the class is a literal in RE2.
  if (s.re[s.i] === ']') {
    s.out += '\\]';
    s.i++;
  }
  for (;;) {
    const c = s.re[s.i++];
    if (c === undefined) refuse('the regex has an unclosed character class');
    if (c === ']') {
      s.out += ']';
      return;
    }
    if (c === '\\') escape(s, true);
    else if (c === '[' && s.re[s.i] === ':') {
      const end = s.re.indexOf(':]', s.i);
      if (end < 0) refuse('the regex has an unclosed [: class');
      let name = s.re.slice(s.i + 1, end);
      s.i = end + 2;
      const negated = name.startsWith('^');
      if (negated) name = name.slice(1);
      if (name === 'word') s.out += negated ? '\\W' : '\\w';
      else {
        const java = POSIX[name];
        if (java === undefined) refuse(`[:${name}:] is not a POSIX class`);
        s.out += `\\${negated ? 'P' : 'p'}{${java}}`;
      }
    } else if (c === '[' || c === '&')
      s.out += `\\${c}`; // literals in RE2; nesting or intersection in Java
    else s.out += c;
  }
}

/** `(?flags)`, `(?flags:`, `(?P<name>`: the `(?` already read. */
function groupOpening(s: Scan): void {
  if (s.re.startsWith('P<', s.i)) {
    s.out += '(?<';
    s.i += 2;
    return;
  }
  if (s.re[s.i] === '<' || s.re[s.i] === ':') {
    s.out += '(?';
    return;
  }
  const m = /^[a-zA-Z-]*[:)]/.exec(s.re.slice(s.i));
  if (m === null) return refuse('the regex has a group opening Java reads differently');
  const flags = m[0].slice(0, -1);
  if (flags.includes('m')) refuse('the multi-line flag (?m) is not supported in exports');
  if (flags.includes('U')) refuse('(?U) means "ungreedy" in RE2 but "Unicode classes" in Java');
  if (/[^is-]/.test(flags)) refuse(`the regex flags (?${flags}) are not supported in exports`);
  if (flags.split('-')[0].includes('i')) s.ignoreCase = true;
  s.out += `(?${m[0]}`;
  s.i += m[0].length;
}

/** The Java regex with the same meaning as `re2` under a whole-text match (String.matches). */
function translate(re2: string): string {
  const s: Scan = { re: re2, i: 0, out: '', dot: false, ignoreCase: false };
  while (s.i < s.re.length) {
    const c = s.re[s.i++];
    if (c === '\\') escape(s, false);
    else if (c === '[') characterClass(s);
    else if (c === '.') {
      s.dot = true;
      s.out += '.';
    } else if (c === '$') s.out += '\\z';
    else if (c === '(' && s.re[s.i] === '?') {
      s.i++;
      groupOpening(s);
    } else if (c === '{') {
      // A repetition only in these shapes; otherwise a literal brace in RE2 (and an error in Java).
      const rep = /^\d+(,\d*)?\}/.exec(s.re.slice(s.i));
      if (rep !== null) {
        s.out += `{${rep[0]}`;
        s.i += rep[0].length;
      } else s.out += '\\{';
    } else s.out += c;
  }
  // (?d): only \n ends a line, as for RE2's `.`; (?u): case folding beyond ASCII, as RE2's (?i).
  const flags = `${s.dot ? 'd' : ''}${s.ignoreCase ? 'u' : ''}`;
  return flags === '' ? s.out : `(?${flags})${s.out}`;
}

export type JavaRegex = { ok: true; text: string } | { ok: false; reason: string };

/**
 * `re2` for java.util.regex. `anchored`: for engines that search (SQL REGEXP, Aviator =~), the
 * whole text must match; without it the text is for String.matches.
 */
export function toJavaRegex(re2: string, anchored = false): JavaRegex {
  let text: string;
  try {
    text = translate(re2);
  } catch (e) {
    if (e instanceof Untranslatable) return { ok: false, reason: `matches(): ${e.message}` };
    throw e;
  }
  if (!anchored) return { ok: true, text };
  const flags = /^\(\?[du]+\)/.exec(text);
  const body = flags === null ? text : text.slice(flags[0].length);
  return { ok: true, text: `${flags?.[0] ?? ''}^(?:${body})\\z` };
}
