/**
 * How each contiguity is drawn and explained. One table shared by edges, the legend and tooltips, so
 * the canvas never says one thing in the label and another in the hint.
 */
import type { PatternEdge } from '../../engine/format/schema';

export type Contiguity = PatternEdge['contiguity'];

export interface ContiguityStyle {
  label: string;
  /** Shown on an edge too short for the label, so the label never covers the stages or the line. */
  short: string;
  /** SVG stroke-dasharray ('' = solid). */
  dash: string;
  /** NOT edges make the target a stage that must not occur. */
  negated: boolean;
  help: string;
}

export const CONTIGUITY_STYLES: Record<Contiguity, ContiguityStyle> = {
  next: {
    label: 'next',
    short: 'N',
    dash: '',
    negated: false,
    help: 'Strict: the very next event must match (nothing in between).',
  },
  followedBy: {
    label: 'followedBy',
    short: 'FB',
    dash: '8 5',
    negated: false,
    help: 'Relaxed: skips non-matching events in between; takes the first match.',
  },
  followedByAny: {
    label: 'followedByAny',
    short: 'FBA',
    dash: '2 5',
    negated: false,
    help: 'Non-deterministic relaxed: every later matching event starts its own alternative.',
  },
  notNext: {
    label: 'notNext',
    short: '!N',
    dash: '',
    negated: true,
    help: 'The very next event must NOT match this stage.',
  },
  notFollowedBy: {
    label: 'notFollowedBy',
    short: '!FB',
    dash: '8 5',
    negated: true,
    help: 'No matching event may occur before the following stage (needs a following stage or `within`).',
  },
};

export const CONTIGUITIES = Object.keys(CONTIGUITY_STYLES) as Contiguity[];
