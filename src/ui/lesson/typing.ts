/**
 * Doing things for the learner where the learner can see them: a code block's "run" and a step's
 * "show me" type each command into the terminal key by key and wait for it to finish, and write
 * files into the editor line by line. Everything goes through the same paths as the learner's own
 * typing and saving, so the lab records it in its log and a reload replays it.
 *
 * Plain TypeScript over small interfaces: tested in Node (test/ui/typing.test.ts).
 */
import type { Lab } from '../lab.ts';
import { hasPlaceholder } from '../../lessons/markdown.ts';

/** Types a command into the terminal; with `enter` false it stays on the prompt to be edited. */
export type Typist = (command: string, enter: boolean) => Promise<void>;

/** What "show me" needs besides the lab. */
export interface ShowMeHost {
  type: Typist;
  /** Bring a file to the front in the editor. */
  openFile(path: string): void;
  /** Waits between the lines of a file being written (none in tests). */
  pause?: () => Promise<void>;
}

/**
 * Type a shell code block: each line is run in turn; a line with a placeholder (POD-NAME, 파드이름)
 * is typed but not run, and the lines after it are left for the learner.
 */
export async function runCodeBlock(code: string, type: Typist): Promise<void> {
  for (const line of code.split('\n')) {
    if (!line.trim() || /^\s*#/.test(line)) continue;
    if (hasPlaceholder(line)) {
      await type(line, false);
      return;
    }
    await type(line, true);
  }
}

/**
 * The current step's solution, one action at a time: commands typed into the terminal (their
 * placeholders resolved just before), files written into the editor. Stops when the step changed
 * meanwhile (the learner went back, or had done part of it already and the step completed).
 */
export async function showMe(lab: Lab, host: ShowMeHost): Promise<void> {
  const session = lab.session;
  const step = session.step;
  if (!step) return;
  const index = session.stepIndex;
  const shell = lab.shell;
  for (const action of step.solution) {
    if (session.stepIndex !== index || lab.shell !== shell) return;
    if ('run' in action) await host.type(session.resolve(action.run), true);
    else await writeVisibly(lab, action.write, action.content, host);
  }
}

/** Write a file line by line into the editor, so the learner sees it being written. */
async function writeVisibly(lab: Lab, path: string, content: string, host: ShowMeHost): Promise<void> {
  const fs = lab.shell.fs;
  if (fs.read(path) === content) {
    host.openFile(path);
    return;
  }
  const lines = content.split('\n');
  // Short files appear line by line; a long one in a handful of chunks.
  const chunk = Math.max(1, Math.ceil(lines.length / 12));
  fs.write(path, '');
  host.openFile(path);
  for (let n = chunk; n < lines.length; n += chunk) {
    await host.pause?.();
    fs.write(path, lines.slice(0, n).join('\n') + '\n');
  }
  await host.pause?.();
  fs.write(path, content);
}
