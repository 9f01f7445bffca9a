/**
 * `npm run bench`: runs every benchmark script in bench/ (except this runner and the web one,
 * which is `npm run bench:web`) in its own process, one after the other.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const dir = new URL('.', import.meta.url).pathname;
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'web.ts', 'fixtures.ts'].includes(f))
  .sort();
for (const s of scripts) {
  process.stdout.write(`--- ${s}\n`);
  execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', dir + s], { stdio: 'inherit' });
}
