/** When the browser's storage for the site is full, the lab keeps going and says progress is not saved. */
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../support/built-site.ts';
import { openLab, typeInTerminal, waitForTerminal } from '../support/lab-page.ts';

const lab = useBuiltSite();

describe('storage full', () => {
  it('shows a notice once a save fails, and the lab still works', async () => {
    const { context, page, errors } = await openLab(lab.browser, lab.site.url);
    // Fill what is left of localStorage with junk, to the last few characters (Chromium allows an
    // origin about 5 MB).
    const filled = await page.evaluate(() => {
      let n = 0;
      for (const size of [256 * 1024, 16 * 1024, 1024, 64, 4]) {
        const chunk = 'x'.repeat(size);
        try {
          for (;;) localStorage.setItem(`junk:${n++}`, chunk);
        } catch {
          // full at this size: go on with a smaller one
        }
      }
      return n;
    });
    expect(filled).toBeGreaterThan(5);
    await typeInTerminal(page, 'kubectl get svc');
    await waitForTerminal(page, 'kubia');
    await page.waitForSelector('[data-testid=notice]:has-text("storage for the site is full")', { timeout: 10000 });
    await typeInTerminal(page, 'kubectl get endpoints kubia');
    await waitForTerminal(page, 'kubia   10.244.');
    expect(errors).toEqual([]);
    await context.close();
  });
});
