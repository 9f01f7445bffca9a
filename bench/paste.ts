/**
 * A learner pastes a long file as a heredoc (`cat > big.yaml <<EOF` ... `EOF`) into the page's
 * terminal session: 8,000 lines of Services, with the screen output going nowhere. Before the
 * continuation lines stopped re-parsing every line inside a heredoc this took 3.7 s; linear now.
 */
import { Cluster } from '../src/cluster/cluster.ts';
import { Shell } from '../src/shell/shell.ts';
import { TerminalSession } from '../src/ui/terminal/session.ts';
import { measure } from './fixtures.ts';

const services = Array.from({ length: 800 }, (_, i) => `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s${i}\nspec:\n  ports:\n  - port: 80\n    targetPort: 8080\n  selector:\n    app: x`).join('\n');
const shell = new Shell({ cluster: new Cluster({ seed: 1 }) });

async function pasteOnce(): Promise<void> {
  const session = new TerminalSession(shell, { write: () => {}, columns: () => 100 });
  session.start();
  session.input(`\x1b[200~cat > big.yaml <<EOF\n${services}\nEOF\n\x1b[201~`);
  await session.whenIdle();
  if (!shell.fs.read('big.yaml')?.includes('name: s799')) throw new Error('the paste did not write big.yaml');
}

const ms = await measure(5, pasteOnce);
console.log(`paste an 8,000-line heredoc into the terminal: median ${ms.toFixed(0)} ms`);
