/**
 * The terminal survives anything typed or pasted: random keys, escape sequences, control
 * characters, wide characters, half-finished quotes and heredocs, bracketed pastes (closed or
 * not), fed in random chunks to the page's TerminalSession over a real shell, cluster and
 * kubectl completion. Nothing throws, every command ends (Ctrl+C, Ctrl+D), and the learner is
 * left at a clean prompt with the cursor right after it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.ts';
import { Shell } from '../../src/shell/shell.ts';
import { BUILTINS } from '../../src/shell/builtins.ts';
import { complete, completionSource } from '../../src/kubectl/completion.ts';
import { TerminalSession } from '../../src/ui/terminal/session.ts';
import { stringWidth } from '../../src/ui/terminal/width.ts';
import { Screen } from '../support/screen.ts';

const WORDS = [
  'kubectl', 'get', 'svc', 'pods', 'po', 'describe', 'delete', 'apply', '-f', '-', '-o', 'yaml', 'wide', '-w', '--watch', 'exec', '-it',
  'kubia', 'sh', '--', 'curl', 'nslookup', 'echo', 'cat', 'ls', 'help', 'clear', 'history', 'sleep', '5', 'grep', 'head', 'wc', 'base64',
  '<<EOF', 'EOF', '<<', '|', '>', '>>', '<', '&&', '||', ';', '&', '"', "'", '`', '$(', ')', '${', '}', '\\', '*', '#', '~', '=', 'a=b',
  '한국어', '서비스', '😀', 'ｗｉｄｅ', 'e\u0301', '\u200b', ' ', '  ',
];
const KEYS = [
  '\r', '\n', '\x7f', '\b', '\t', '\t\t', '\x1b[A', '\x1b[B', '\x1b[C', '\x1b[D', '\x1b[H', '\x1b[F', '\x1b[1~', '\x1b[4~', '\x1b[3~',
  '\x1bb', '\x1bf', '\x1b\x7f', '\x01', '\x05', '\x0b', '\x15', '\x17', '\x19', '\x12', '\x07', '\x0c', '\x03', '\x04', '\x1b', '\x1b[', '\x1bO',
  '\x1b[1;5C', '\x1b[200~', '\x1b[201~', '\x00', '\x1f', '\x9b',
];

const LINES = [
  'kubectl get svc', 'kubectl get pods -o wide', 'kubectl describe svc kubia', 'kubectl get endpoints kubia -o yaml', 'kubectl get pods -w',
  'kubectl delete svc kubia', 'kubectl apply -f -', 'cat <<EOF', 'echo 한국어 😀 ｗｉｄｅ', 'help', 'clear', 'history', 'ls', 'kubectl', 'kubectl get',
  'kubectl exec -it kubia -- sh', 'sleep 3', 'cat', 'kubectl get svc | grep kubia | wc -l', 'echo "unclosed', "echo 'a' > f.yaml", 'cat f.yaml',
];

const chunk = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...LINES).map((l) => `${l}\r`) },
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...KEYS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.array(fc.constantFrom(...WORDS, '\n', '\r\n', '\t'), { maxLength: 20 }), fc.boolean())
      .map(([parts, closed]) => `\x1b[200~${parts.join(' ')}${closed ? '\x1b[201~' : ''}`),
  },
);

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('terminal fuzz', () => {
  it('survives any keys and pastes and comes back to a clean prompt', async () => {
    const cluster = new Cluster({ seed: 3 });
    let commandsRun = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(chunk, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 20, max: 120 }), async (batches, cols) => {
        const shell = new Shell({ cluster });
        const screen = new Screen(cols);
        const completer = (line: string, cursor: number) => complete(line, cursor, completionSource(cluster.api, shell.fs, Object.keys(BUILTINS)));
        const session = new TerminalSession(shell, { write: (t) => screen.write(t), columns: () => cols }, { complete: completer });
        session.start();
        for (const batch of batches) {
          session.input(batch.join(''));
          await tick();
        }
        // Stop whatever runs or waits: close a paste, interrupt, end any input a command reads.
        for (let i = 0; i < 200 && (session.busy || i < 3); i++) {
          session.input(i % 2 === 0 ? '\x1b[201~\x03' : '\x04');
          for (let j = 0; j < 5; j++) await tick();
        }
        expect(session.busy).toBe(false);
        commandsRun += session.history.length;
        // A crash inside a command is caught and printed, never shown to a learner as a JS error.
        expect(screen.text()).not.toMatch(/internal error|TypeError|RangeError|ReferenceError|SyntaxError/);
        session.input('\x03');
        await tick();
        const prompt = shell.prompt();
        const lines = screen.text().split('\n');
        expect(lines[lines.length - 1]).toBe(prompt.trimEnd());
        expect(screen.col).toBe(stringWidth(prompt) % cols);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 120) },
    );
    // The inputs do reach the shell: lines are entered and run, not only edited.
    expect(commandsRun).toBeGreaterThan(100);
  });
});
