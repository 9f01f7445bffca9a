/**
 * kubectl apply, the real one against ours: two identical simulated clusters (same seed, same
 * virtual time); the real kubectl v1.33 applies files to one over the HTTP API, ours applies the
 * same files to the other. What they print must match byte for byte, and the clusters must end
 * up holding the same objects (which checks our three-way merge against kubectl's, and our API
 * server's handling of kubectl's strategic merge patches).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.ts';
import { kubeconfigFor, serveApi, type HttpApi } from '../../src/cli/http-api.ts';
import { BufferIO } from '../../src/shell/io.ts';
import { parse } from '../../src/shell/parser.ts';
import { Shell } from '../../src/shell/shell.ts';
import { runRealKubectl } from '../support/real-kubectl.ts';
import { APPLY_SEQUENCES, type ApplyStep } from './apply-sequences.ts';

let served: HttpApi | undefined;
afterAll(async () => {
  await served?.close();
});

async function runSequence(steps: ApplyStep[]): Promise<void> {
  const t0 = Date.UTC(2026, 10, 26, 4, 0, 0);
  const theirs = new Cluster({ seed: 9, now: t0 });
  const ours = new Cluster({ seed: 9, now: t0 });
  await served?.close();
  served = await serveApi(theirs.api);
  const kubeconfig = kubeconfigFor(served.url);
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-apply-'));
  const shell = new Shell({ cluster: ours });
  let t = t0;
  for (const step of steps) {
    t += 10_000;
    theirs.clock.advanceTo(t);
    ours.clock.advanceTo(t);
    for (const [name, content] of Object.entries(step.files ?? {})) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), content);
      shell.fs.write(name, content);
    }
    // The same words for both: the real kubectl gets the argv our shell makes of the line.
    const argv = parse(step.command, {})[0].pipelines[0].commands[0].argv.slice(1);
    const real = await runRealKubectl(argv, kubeconfig, {}, dir);
    const io = new BufferIO();
    const code = await shell.run(step.command, io);
    expect({ command: step.command, stdout: io.out, stderr: io.err, code }).toEqual({
      command: step.command,
      stdout: real.stdout,
      stderr: real.stderr,
      code: real.code,
    });
  }
  for (const resource of ['services', 'endpoints', 'pods', 'replicationcontrollers', 'deployments.apps', 'configmaps']) {
    const strip = (c: Cluster) => c.api.scan(resource).map((o) => ({ ...o, metadata: { ...o.metadata, managedFields: undefined } }));
    expect(strip(ours), resource).toEqual(strip(theirs));
  }
}

describe('kubectl apply: ours and the real kubectl v1.33', () => {
  beforeAll(() => undefined);
  for (const seq of APPLY_SEQUENCES) {
    (seq.knownDifference ? it.fails : it)(seq.name, () => runSequence(seq.steps));
  }
});
