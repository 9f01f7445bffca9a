/**
 * Conformance with the real kubectl v1.33: the simulated cluster is served over the Kubernetes
 * HTTP API on 127.0.0.1; the real kubectl and ours run the same command against the same cluster
 * at the same moment, and their output must be identical, byte for byte.
 *
 * What this proves: the client side (tables laid out from the server's Table, describe, -o
 * formats, errors) matches kubectl exactly. The server side (our Tables' cells, our objects) is
 * ours in both runs; its fidelity is checked by the golden transcripts and reference outputs.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.ts';
import { kubeconfigFor, serveApi, type HttpApi } from '../../src/cli/http-api.ts';
import { Shell } from '../../src/shell/shell.ts';
import { BufferIO } from '../../src/shell/io.ts';
import { REAL_KUBECTL, runRealKubectl, runRealKubectlInterleaved } from '../support/real-kubectl.ts';
import { CONFORMANCE_COMMANDS, KNOWN_DIFFERENCES, SCENARIO, SCENARIO_FILES } from './scenario.ts';

let cluster: Cluster;
let shell: Shell;
let served: HttpApi;
let kubeconfig: string;
/** The real kubectl's working folder, holding SCENARIO_FILES (ours has them in the shell's file system). */
let workdir: string;

beforeAll(async () => {
  // The scenario is built 20 minutes in the past, then the clock catches up with real time, so
  // that the real kubectl (which reads the wall clock) and ours see the same ages.
  const start = Date.now() - 20 * 60 * 1000;
  cluster = new Cluster({ seed: 5, now: start });
  shell = new Shell({ cluster });
  for (const step of SCENARIO) {
    if (typeof step === 'number') {
      cluster.advance(step);
      continue;
    }
    const io = new BufferIO();
    const code = await shell.run(step, io);
    if (code !== 0) throw new Error(`scenario step failed: ${step}\n${io.all}`);
  }
  workdir = mkdtempSync(join(tmpdir(), 'kubelab-conformance-'));
  for (const [name, content] of Object.entries(SCENARIO_FILES)) {
    mkdirSync(dirname(join(workdir, name)), { recursive: true });
    writeFileSync(join(workdir, name), content);
    shell.fs.write(name, content);
  }
  cluster.clock.advanceTo(Date.now());
  served = await serveApi(cluster.api);
  kubeconfig = kubeconfigFor(served.url);
});

afterAll(async () => {
  await served?.close();
});

/** The command's words for the real kubectl: split at spaces, except inside '...' (kept verbatim, quotes dropped). */
function words(command: string): string[] {
  const out: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (c === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unbalanced quote in ${command}`);
      word = (word ?? '') + command.slice(i + 1, end);
      i = end;
    } else if (c === ' ') {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else word = (word ?? '') + c;
  }
  if (word !== undefined) out.push(word);
  return out;
}

async function compare(command: string): Promise<void> {
  const args = words(command).slice(1);
  cluster.clock.advanceTo(Date.now());
  const real = await runRealKubectl(args, kubeconfig, {}, workdir);
  const io = new BufferIO();
  const code = await shell.run(command, io);
  expect({ stdout: io.out, stderr: io.err, code }).toEqual({ stdout: real.stdout, stderr: real.stderr, code: real.code });
  // And in the order a terminal shows the two streams (a warning before or after a table).
  const merged = await runRealKubectlInterleaved(args, kubeconfig, workdir);
  expect(io.all, 'stdout and stderr interleaved').toBe(merged.stdout);
}

describe('ours and the real kubectl v1.33 print the same', () => {
  it('finds the real kubectl v1.33', () => {
    expect(REAL_KUBECTL, 'the real kubectl v1.33 must be installed (see test/support/real-kubectl.ts)').toBeDefined();
  });

  for (const command of CONFORMANCE_COMMANDS) it(command, () => compare(command));
});

// (An empty describe block fails vitest: only declared while there are known differences.)
if (KNOWN_DIFFERENCES.length > 0) {
  describe('known differences from the real kubectl (expected to fail until fixed)', () => {
    for (const command of KNOWN_DIFFERENCES) it.fails(command, () => compare(command));
  });
}
