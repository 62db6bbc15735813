/** JUnit XML for CI systems (Jenkins, GitLab, GitHub reporters): one testsuite per pattern file. */
import type { CaseResult } from '../engine/testing';

export interface SuiteReport {
  /** The pattern file. */
  name: string;
  results: CaseResult[];
  seconds: number;
}

/** Characters XML 1.0 cannot hold at all (most C0 controls): dropped. */
function allowedInXml(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function xml(text: string): string {
  return [...text]
    .filter(allowedInXml)
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function details(r: CaseResult): string {
  return r.expectations
    .filter((x) => !x.passed)
    .map((x) => `${x.message}${x.divergence ? ` (replay step ${x.divergence.position})` : ''}`)
    .join('\n');
}

export function junitXml(suites: readonly SuiteReport[]): string {
  const count = (rs: readonly CaseResult[], s: CaseResult['status']): number =>
    rs.filter((r) => r.status === s).length;
  const all = suites.flatMap((s) => s.results);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cepheus test" tests="${all.length}" failures="${count(all, 'failed')}" errors="${count(all, 'error')}" time="${suites.reduce((t, s) => t + s.seconds, 0).toFixed(3)}">`,
  ];
  for (const s of suites) {
    lines.push(
      `  <testsuite name="${xml(s.name)}" tests="${s.results.length}" failures="${count(s.results, 'failed')}" errors="${count(s.results, 'error')}" skipped="0" time="${s.seconds.toFixed(3)}">`,
    );
    const per = s.results.length > 0 ? s.seconds / s.results.length : 0;
    for (const r of s.results) {
      const head = `    <testcase classname="${xml(s.name)}" name="${xml(r.name)}" time="${per.toFixed(3)}"`;
      if (r.status === 'passed') lines.push(`${head}/>`);
      else {
        const tag = r.status === 'failed' ? 'failure' : 'error';
        const body = r.status === 'failed' ? details(r) : r.message;
        lines.push(
          `${head}>`,
          `      <${tag} message="${xml(r.message)}">${xml(body)}</${tag}>`,
          '    </testcase>',
        );
      }
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
