/**
 * Lint that prevents surprises, as a rule author meets it: a pattern whose window is shorter than
 * the out-of-orderness bound and whose last stage an unbounded greedy loop shadows opens with both
 * warnings in Problems, each with why and the fix; the one-click fix makes the loop not greedy and
 * that warning goes away (the document saved says so).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pattern } from '../../engine/format/builder';
import { launchApp, type RunningApp } from './support/launch';
import { openStored, storedDocument, waitSaved } from './support/designer-page';

const NAME = 'Failure burst';

describe('lint: surprises', () => {
  let app: RunningApp;
  let page: Page;
  let id = '';

  beforeAll(async () => {
    app = await launchApp();
    page = app.page;
    const document = Pattern.begin('start')
      .where("type == 'login'")
      .followedBy('burst')
      .where("type == 'fail'")
      .oneOrMore()
      .greedy()
      .followedBy('last')
      .where("type == 'fail'")
      .within(2_000)
      .toDocument({
        name: NAME,
        settings: {
          time: {
            mode: 'event',
            field: 'ts',
            format: 'epochMillis',
            outOfOrdernessMs: 5_000,
            watermarkIntervalMs: 200,
          },
        },
      });
    id = await openStored(app.api, page, NAME, document, 'start');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows both warnings with why and the fix, and the one-click fix removes the shadowing', async () => {
    await app.shell.selectBottomTab('problems');
    const problems = page.getByTestId('bottom-panel');
    await problems.getByText(/shadowed by the greedy loop "burst"/).waitFor();
    await problems.getByText(/shorter than the out-of-orderness bound/).waitFor();
    await app.shell.screenshot('lint-surprises');
    const fix = page.getByTestId('problem-quick-fix').filter({ hasText: 'Make "burst" not greedy' });
    await fix.click();
    await problems.getByText(/shadowed by the greedy loop/).waitFor({ state: 'detached' });
    await problems.getByText(/shorter than the out-of-orderness bound/).waitFor();
    await waitSaved(page);
    const doc = await storedDocument(app.api, id);
    const burst = doc.nodes.find((n) => n.kind === 'stage' && n.name === 'burst');
    expect(burst && 'quantifier' in burst ? burst.quantifier.greedy : null).toBe(false);
    expect(await app.shell.problems()).toEqual([]);
  });
});
