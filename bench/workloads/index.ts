/** The suite, in the order it runs. Slugs are the names used by --only and in results. */
import type { Workload } from '../workload';
import { appStart } from './app-start';
import { cliStart } from './cli-start';
import { followedByAny } from './followedbyany';
import { followedByWithin } from './followedby-within';
import { notFollowedBy } from './notfollowedby';
import { oneOrMoreSum } from './oneormore-sum';
import { riskControl, riskRules } from './risk-control';
import { import1mCsv, replay1m } from './recordings';
import { diff1m } from './diff';
import { importUi } from './import-ui';
import { strictSeq3 } from './strict-seq-3';
import { uiReplay1m } from './ui-replay';
import { uiTyping } from './ui-typing';

export const WORKLOADS: readonly Workload[] = [
  strictSeq3,
  followedByWithin,
  oneOrMoreSum,
  followedByAny,
  notFollowedBy,
  riskControl,
  ...riskRules,
  replay1m,
  diff1m,
  import1mCsv,
  importUi,
  appStart,
  cliStart,
  uiReplay1m,
  uiTyping,
];

export function findWorkload(slug: string): Workload | undefined {
  return WORKLOADS.find((w) => w.slug === slug);
}
