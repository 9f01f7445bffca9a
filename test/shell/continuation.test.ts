/**
 * Lines gathered into complete inputs: the same inputs as parsing everything gathered so far after
 * every line (what the terminal did before), without parsing again inside a heredoc.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContinuationLines } from '../../src/shell/continuation.ts';
import { isComplete } from '../../src/shell/parser.ts';

function naive(lines: readonly string[]): { inputs: string[]; left: string | undefined } {
  const inputs: string[] = [];
  let pending: string | undefined;
  for (const line of lines) {
    pending = pending === undefined ? line : `${pending}\n${line}`;
    if (isComplete(pending)) {
      inputs.push(pending);
      pending = undefined;
    }
  }
  return { inputs, left: pending };
}

function gathered(lines: readonly string[]): { inputs: string[]; left: string | undefined } {
  const c = new ContinuationLines();
  const inputs: string[] = [];
  for (const line of lines) {
    const done = c.add(line);
    if (done !== undefined) inputs.push(done);
  }
  return { inputs, left: c.waiting ? c.text : undefined };
}

describe('continuation lines', () => {
  it('gathers a heredoc, a quote and a trailing pipe', () => {
    expect(gathered(['cat <<EOF', 'a: 1', 'EOF', 'echo "x', 'y"', 'kubectl get svc |', 'grep kubia', 'cat <<-END', '\tEND'])).toEqual({
      inputs: ['cat <<EOF\na: 1\nEOF', 'echo "x\ny"', 'kubectl get svc |\ngrep kubia', 'cat <<-END\n\tEND'],
      left: undefined,
    });
    expect(gathered(['cat <<A <<B', 'x', 'A', 'y'])).toEqual({ inputs: [], left: 'cat <<A <<B\nx\nA\ny' });
  });

  it('splits any lines into the same inputs as parsing after every line', () => {
    const token = fc.constantFrom('cat', '<<EOF', "<<'EOF'", '<<-EOF', '<<A', 'EOF', '\tEOF', 'A', '"', "'", '|', '&&', '\\', ';', 'echo', 'x', ' ', '#', '$(', ')', '`');
    const line = fc.array(token, { maxLength: 5 }).map((t) => t.join(''));
    fc.assert(fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
      expect(gathered(lines)).toEqual(naive(lines));
    }), { numRuns: 2000 });
  });
});
