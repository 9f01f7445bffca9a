/**
 * What the browser tests do to the lab again and again: open it and wait for the prompt, read the
 * terminal, run a command, open a file in the editor and read it back. Page or frame alike (an
 * embedded lab is a frame of its host page).
 */
import type { Browser, BrowserContextOptions, Frame, Page } from 'playwright-core';

type Target = Page | Frame;

/**
 * A new context and page on `url`, waiting until the prompt takes input (or, with `until: 'lab'`,
 * until the lesson's cluster is ready too); page errors are collected.
 */
export async function openLab(browser: Browser, url: string, options: BrowserContextOptions = {}, until: 'prompt' | 'lab' = 'prompt') {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US', ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await (until === 'lab' ? labReady(page) : promptReady(page));
  return { context, page, errors };
}

/** The lesson's cluster is built and its step set up. */
export const labReady = (target: Target) =>
  target.waitForFunction(() => (window as unknown as { __kubelabLabReady?: number }).__kubelabLabReady !== undefined, undefined, { timeout: 20000 });

export const promptReady = (target: Target) =>
  target.waitForFunction(() => (window as unknown as { __kubelabReady?: number }).__kubelabReady !== undefined, undefined, { timeout: 20000 });

/** The terminal's rows as text, trailing spaces trimmed. */
export const terminalText = (target: Target) =>
  target.$eval('[data-testid=terminal] .xterm-rows', (el) => [...el.children].map((r) => r.textContent!.trimEnd()).join('\n'));

export const waitForTerminal = (target: Target, text: string, timeout = 10000) =>
  target.waitForFunction(
    (t) => [...(document.querySelector('[data-testid=terminal] .xterm-rows')?.children ?? [])].map((r) => r.textContent!.trimEnd()).join('\n').includes(t),
    text,
    { timeout },
  );

/** Click into the terminal and type a command with Enter (the keyboard is the page's, frames included). */
export async function typeInTerminal(page: Page, command: string, target: Target = page): Promise<void> {
  await target.click('[data-testid=terminal]');
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

/** Open a file's tab in the editor, wait for Monaco, and put the focus in the text. */
export async function openInEditor(page: Page, file: string): Promise<void> {
  const tab = `[data-testid=editor] [role=tab]:has-text("${file}")`;
  await page.waitForSelector(tab);
  await page.click(tab);
  await page.waitForFunction(() => (window as unknown as { __kubelabEditorReady?: number }).__kubelabEditorReady !== undefined, undefined, { timeout: 20000 });
  await page.click('[data-testid=monaco-host] .view-lines');
}

/** The editor's text as Monaco draws it: lines in order of their position, NBSP as space. */
export const editorText = (target: Target) =>
  target.$eval('[data-testid=monaco-host] .view-lines', (el) =>
    [...el.children]
      .map((line) => ({ top: parseFloat((line as HTMLElement).style.top), text: line.textContent!.replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text.trimEnd())
      .join('\n'),
  );
