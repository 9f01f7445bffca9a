/**
 * A learner completes lesson 02 (a Service without a selector) in a real Chromium, the way a
 * learner would: commands typed into the terminal, the hand-written files typed into the editor,
 * a hint asked for once, one code block run from its "Run" button; each step shows its success
 * and its explanation; the lesson ends on its done state and the course overview shows it
 * complete (also after a reload), and its sandbox opens on the lesson's starting cluster. What
 * is typed comes from the lesson's own solutions (lesson.yaml), pod names are read off the
 * terminal as a learner reads them, so nothing here hard-codes the lesson's outputs.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltSite } from '../support/built-site.ts';
import { loadFromDisk } from '../lessons/support.ts';
import type { Lesson } from '../../src/lessons/types.ts';

const lab = useBuiltSite();
const LESSON = '02-service-without-selector';
const PROMPT = 'learner@kubelab:~$';
/** The step whose first code block is run from its button instead of being typed. */
const RUN_BUTTON_STEP = 'write-endpoints';
/** The step whose first hint the learner asks for. */
const HINT_STEP = 'create-service';

/** Markdown as the page shows it in text: code spans, bold and italics lose their marks. */
const plain = (md: string) => md.replace(/[`*]/g, '');

const rows = (page: Page) => page.$$eval('[data-testid=terminal] .xterm-rows > div', (els) => els.map((r) => r.textContent!.trimEnd()));

/** Clear the screen (Ctrl+L, not a command), type the line, and wait for its prompt to come back. */
async function typeCommand(page: Page, command: string, timeout = 20000): Promise<string[]> {
  await page.click('[data-testid=terminal]');
  await page.keyboard.press('Control+l');
  await page.waitForFunction((p) => (document.querySelector('[data-testid=terminal] .xterm-rows > div')?.textContent ?? '').trimEnd() === p, PROMPT);
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
  return waitForPromptAfter(page, command, timeout);
}

/** Wait until the screen starts with the command at the prompt and ends at a fresh prompt. */
async function waitForPromptAfter(page: Page, command: string, timeout = 20000): Promise<string[]> {
  await page.waitForFunction(
    ({ p, c }) => {
      const lines = [...(document.querySelector('[data-testid=terminal] .xterm-rows')?.children ?? [])].map((r) => r.textContent!.trimEnd());
      const filled = lines.filter((l) => l !== '');
      return filled.length >= 2 && filled.join('').replace(/\s+/g, ' ').includes(`${p} ${c}`.replace(/\s+/g, ' ')) && filled[filled.length - 1] === p;
    },
    { p: PROMPT, c: command },
    { timeout },
  );
  return (await rows(page)).filter((l) => l !== '');
}

/** The kubia pods, read from `kubectl get pods` as a learner reads them. */
async function kubiaPods(page: Page): Promise<string[]> {
  const out = await typeCommand(page, 'kubectl get pods');
  return out.filter((l) => /^kubia-\S+\s+1\/1\s+Running/.test(l)).map((l) => l.split(/\s+/)[0]);
}

/** Create the file in the editor if needed, then type it line by line; each line starts at column 1, whatever Monaco indents. */
async function typeFile(page: Page, path: string, content: string) {
  if (!(await page.$(`[data-testid=editor] [role=tab]:has-text("${path}")`))) {
    // The lesson panel offers to create the step's file; the editor's own "New file" does too.
    const offer = await page.$('[data-testid=create-step-file]');
    if (offer) await offer.click();
    else {
      await page.click('[data-testid=new-file]');
      await page.fill('[data-testid=file-name]', path);
      await page.press('[data-testid=file-name]', 'Enter');
    }
  }
  await page.click(`[data-testid=editor] [role=tab]:has-text("${path}")`);
  await page.waitForFunction(() => (window as unknown as { __kubelabEditorReady?: number }).__kubelabEditorReady !== undefined, undefined, { timeout: 20000 });
  await page.click('[data-testid=monaco-host] .view-lines');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  for (const line of content.replace(/\n$/, '').split('\n')) {
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Delete');
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
}

async function stepTitle(page: Page): Promise<string> {
  return (await page.textContent('[data-testid=step-title]')) ?? '';
}

describe('a learner completes a lesson', () => {
  it('lesson 02 from the first step to done, then the course overview shows it complete', async () => {
    const lesson: Lesson = await loadFromDisk(LESSON);
    const context = await lab.browser.newContext({
      viewport: { width: 1500, height: 1000 },
      locale: 'en-US',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${lab.site.url}#/en/${LESSON}`);
    await page.waitForFunction(() => (window as unknown as { __kubelabLabReady?: number }).__kubelabLabReady !== undefined);

    // On a failure, what the learner would have seen.
    const seen = async () => `SCREEN:\n${(await rows(page)).join('\n')}\nLESSON:\n${await page.textContent('[data-testid=pane-lesson]')}`;
    try {
      const started = new Set(await kubiaPods(page));
      expect(started.size).toBe(3);
      let ranFromButton = false;
      let hinted = false;

      for (const [i, step] of lesson.steps.entries()) {
        await page.waitForFunction((prefix) => document.querySelector('[data-testid=step-title]')?.textContent?.startsWith(prefix), `Step ${i + 1}/${lesson.steps.length}.`);
        expect(await stepTitle(page)).toBe(`Step ${i + 1}/${lesson.steps.length}. ${step.title.en}`);

        if (step.id === HINT_STEP) {
          await page.click('[data-testid=hint-button]');
          expect(plain((await page.textContent('[data-testid=hint]')) ?? '')).toContain(plain(step.hints[0].en).slice(0, 40));
          hinted = true;
        }

        let skipRuns = 0;
        for (const action of step.solution) {
          if ('write' in action) {
            // The step opens its file in the editor: the learner types it there.
            expect(step.file).toBe(action.write);
            await typeFile(page, action.write, action.content);
            if (step.id === RUN_BUTTON_STEP) {
              // The step text's code block (apply, then describe) run from its button.
              const block = page.locator('[data-testid=step-text] [data-testid=code-block]').first();
              const code = ((await block.locator('code').textContent()) ?? '').split('\n').filter(Boolean);
              await page.waitForTimeout(400); // the editor saves what is typed after a short pause
              await block.locator('[data-testid=code-run]').click();
              await waitForPromptAfter(page, code[code.length - 1]);
              ranFromButton = true;
              // Copy: the clipboard, or the text left selected where copying is blocked.
              await block.locator('[data-testid=code-copy]').click();
              expect(['Copied', 'Selected: press Ctrl+C']).toContain((await block.locator('[data-testid=code-copy]').textContent())?.trim());
              skipRuns = code.length;
            }
            continue;
          }
          if (skipRuns > 0) {
            skipRuns--;
            continue;
          }
          // Pod names as a learner finds them: the first kubia pod, or the one that was not there before.
          let command = action.run;
          if (command.includes('{{')) {
            const now = await kubiaPods(page);
            const oldest = [...now].sort()[0];
            const newest = now.find((p) => !started.has(p)) ?? oldest;
            command = command.replace(/\{\{pod:[^}]*\}\}/g, oldest).replace(/\{\{newest-pod:[^}]*\}\}/g, newest);
          }
          const shown = await typeCommand(page, command, /^sleep /.test(command) ? 40000 : 20000);
          if (/apply -f external-service-endpoints/.test(command)) expect(shown.join('\n')).toContain('Warning: v1 Endpoints is deprecated in v1.33+');
        }

        // The step's success and its explanation.
        await page.waitForFunction((text) => (document.querySelector('[data-testid=explain]')?.textContent ?? '').includes(text), plain(step.explain.en).slice(0, 60), { timeout: 20000 });
        expect(await page.isVisible('[data-testid=step-done]')).toBe(true);
      }

      expect(hinted).toBe(true);
      expect(ranFromButton).toBe(true);
      await page.waitForSelector('[data-testid=finished]');
      expect(await page.$('[data-testid=step-title]')).toBeNull();
      expect(new URL(page.url()).hash).toBe(`#/en/${LESSON}`);

      // The course overview: the lesson complete with all its steps.
      await page.click('[data-testid=open-course]');
      await page.waitForSelector('[data-testid=course-overview]');
      expect(new URL(page.url()).hash).toBe('#/en/course');
      const row = page.locator(`[data-testid=course-lesson][data-lesson="${LESSON}"]`);
      expect(await row.getAttribute('data-finished')).toBe('true');
      expect(await row.getAttribute('data-done')).toBe(String(lesson.steps.length));
      expect(await row.getAttribute('data-total')).toBe(String(lesson.steps.length));
      expect(await row.locator('[data-testid=course-status]').textContent()).toContain('Complete');
      await page.screenshot({ path: '/tmp/kubelab-course-overview.png' });

      // After a reload the overview is still there and still says so (saved progress, no replay needed).
      await page.waitForTimeout(400);
      await page.reload();
      await page.waitForSelector(`[data-testid=course-lesson][data-lesson="${LESSON}"][data-finished=true]`);

      // The lesson's sandbox: its starting cluster, no steps; the lesson's progress stays apart.
      await page.click(`[data-testid=course-lesson][data-lesson="${LESSON}"] [data-testid=course-sandbox]`);
      await page.waitForSelector('[data-testid=sandbox]');
      expect(new URL(page.url()).hash).toBe(`#/en/${LESSON}/sandbox`);
      expect(await page.$('[data-testid=step-title]')).toBeNull();
      const svcs = await typeCommand(page, 'kubectl get svc');
      expect(svcs.join('\n')).not.toContain('external-service');
      await page.click('[data-testid=open-course]');
      await page.waitForSelector(`[data-testid=course-lesson][data-lesson="${LESSON}"][data-finished=true]`);
    } catch (e) {
      console.log(await seen());
      throw e;
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 240000);

  it('"show me" types the solution into the terminal where the learner sees it, and the step completes', async () => {
    const lesson: Lesson = await loadFromDisk('01-services-and-endpoints');
    const context = await lab.browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: 'ko-KR' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${lab.site.url}#/ko/${lesson.id}`);
    await page.waitForFunction(() => (window as unknown as { __kubelabLabReady?: number }).__kubelabLabReady !== undefined);
    await page.waitForSelector('[data-testid=step-title]');
    const solution = lesson.steps[0].solution.map((a) => ('run' in a ? a.run : ''));
    // Typed key by key: at some moment the prompt line holds only part of the command.
    const partial = page.waitForFunction(
      ({ prompt, full }) =>
        [...(document.querySelector('[data-testid=terminal] .xterm-rows')?.children ?? [])].some((r) => {
          const line = (r.textContent ?? '').trimEnd();
          return line.length > prompt.length + 1 && line.length < full.length && full.startsWith(line);
        }),
      { prompt: PROMPT, full: `${PROMPT} ${solution[0]}` },
      { polling: 'raf', timeout: 20000 },
    );
    await page.click('[data-testid=show-me]');
    await partial;
    await waitForPromptAfter(page, solution[solution.length - 1]);
    await page.waitForFunction((t) => (document.querySelector('[data-testid=explain]')?.textContent ?? '').includes(t), plain(lesson.steps[0].explain.ko).slice(0, 30));
    expect(await stepTitle(page)).toMatch(/^단계 2\//);
    // Recorded like typing: the reload replays it and the step stays done.
    await page.waitForTimeout(400);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-testid=step-title]')?.textContent?.startsWith('단계 2/'));
    expect(errors).toEqual([]);
    await context.close();
  }, 120000);
});
