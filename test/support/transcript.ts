/**
 * Golden transcripts: a file of commands and the exact output a terminal shows for them.
 *
 *   # seed: 3                      (optional header lines starting with '#', before the first command)
 *   $ kubectl get svc              a command; continuation lines (heredocs) start with '> '
 *   NAME   TYPE ...                stdout, verbatim (trailing spaces included)
 *   ! error: ...                   a line written to stderr
 *   ? 1                            the exit code, when it is not 0
 *
 * Output lines that end without a newline are followed by a line `%` (like zsh shows).
 * `UPDATE_GOLDEN=1 npx vitest run test/golden` rewrites the files from what runs now; review the
 * diff before committing (and prefer checking new outputs against the real kubectl).
 */
import { Cluster } from '../../src/cluster/cluster.ts';
import type { CommandIO } from '../../src/shell/io.ts';
import { Shell } from '../../src/shell/shell.ts';
import { runUntilIdle } from '../../src/shell/headless.ts';

export interface TranscriptStep {
  command: string;
  expected: string;
}

export interface Transcript {
  header: string[];
  seed: number;
  steps: TranscriptStep[];
}

export function parseTranscript(text: string): Transcript {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const header: string[] = [];
  const steps: TranscriptStep[] = [];
  let i = 0;
  while (i < lines.length && !lines[i].startsWith('$ ')) header.push(lines[i++]);
  while (i < lines.length) {
    let command = lines[i++].slice(2);
    while (i < lines.length && lines[i].startsWith('> ')) command += '\n' + lines[i++].slice(2);
    const out: string[] = [];
    while (i < lines.length && !lines[i].startsWith('$ ')) out.push(lines[i++]);
    steps.push({ command, expected: out.map((l) => l + '\n').join('') });
  }
  const seedLine = header.find((h) => /^# seed: \d+/.test(h));
  return { header, seed: seedLine ? Number(seedLine.slice(8)) : 1, steps };
}

/** Run commands and render what they print in the transcript notation. */
export async function runTranscript(seed: number, commands: string[], shell?: Shell): Promise<string[]> {
  const sh = shell ?? new Shell({ cluster: new Cluster({ seed }) });
  const results: string[] = [];
  for (const command of commands) {
    const chunks: { err: boolean; text: string }[] = [];
    const io: CommandIO = {
      stdout: (text) => chunks.push({ err: false, text }),
      stderr: (text) => chunks.push({ err: true, text }),
      stdin: '',
      signal: new AbortController().signal,
      tty: false,
      columns: 120,
    };
    const code = await runUntilIdle(sh, command, io);
    results.push(render(chunks) + (code !== 0 ? `? ${code}\n` : ''));
  }
  return results;
}

function render(chunks: { err: boolean; text: string }[]): string {
  // Merge consecutive chunks of one stream, then split into lines.
  let out = '';
  let cur: { err: boolean; text: string } | undefined;
  const flush = () => {
    if (!cur || cur.text === '') return;
    const lines = cur.text.split('\n');
    const last = lines.pop()!;
    for (const l of lines) out += (cur.err ? '! ' : '') + l + '\n';
    if (last !== '') out += (cur.err ? '! ' : '') + last + '\n%\n';
  };
  for (const c of chunks) {
    if (cur && cur.err === c.err) cur.text += c.text;
    else {
      flush();
      cur = { ...c };
    }
  }
  flush();
  return out;
}

export function formatTranscript(t: Transcript, outputs: string[]): string {
  let s = t.header.map((h) => h + '\n').join('');
  t.steps.forEach((step, i) => {
    s += '$ ' + step.command.replace(/\n/g, '\n> ') + '\n' + outputs[i];
  });
  return s;
}
