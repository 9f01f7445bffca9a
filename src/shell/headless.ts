/**
 * Running the shell without a terminal (the headless CLI and golden transcripts). Time is
 * virtual, so nothing outside can happen while a command waits: a command still waiting once
 * everything runnable has run (a `kubectl get -w`, `logs -f`) is stopped as Ctrl+C would stop
 * it, and its output so far stands.
 */
import type { CommandIO } from './io.ts';
import type { Shell } from './shell.ts';

/** Let every pending microtask and immediate run a few times over. */
async function drain(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setTimeout(resolve, 0));
}

export async function runUntilIdle(shell: Shell, text: string, io: Omit<CommandIO, 'signal'>): Promise<number> {
  const controller = new AbortController();
  let done = false;
  const running = shell.run(text, { ...io, signal: controller.signal } as CommandIO).finally(() => {
    done = true;
  });
  await drain();
  if (!done) controller.abort();
  return running;
}
