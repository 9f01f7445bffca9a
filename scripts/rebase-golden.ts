/**
 * Re-run golden transcripts after a change that shifts the seeded random stream (a new bootstrap
 * object, one more random draw): generated pod and slice names and ClusterIPs change, and the
 * commands that name them (`kubectl exec kubia-dfjt7 ...`) would fail.
 *
 *   npx tsx scripts/rebase-golden.ts --before /path/to/checkout/of/main test/golden/network-dns.txt ...
 *
 * The transcript is replayed twice in lockstep: with the code of `--before` (which produced it)
 * and with this checkout's. The k-th object of a resource created in one run is the k-th in the
 * other, so each name (and ClusterIP) of the old run maps to the new one; every command is
 * rewritten with the mapping known so far before it runs. The file is then rewritten with the
 * new commands and outputs. Review the diff as for UPDATE_GOLDEN: only names, IPs and what
 * follows from them should change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatTranscript, parseTranscript } from '../test/support/transcript.ts';

interface Run {
  /** Per resource, the names (and for services the ClusterIPs) created since the shell started. */
  created: Map<string, string[]>;
  exec(command: string): Promise<string>;
}

async function startRun(root: string, seed: number): Promise<Run> {
  const { Cluster } = await import(resolve(root, 'src/cluster/cluster.ts'));
  const { Shell } = await import(resolve(root, 'src/shell/shell.ts'));
  const transcript = await import(resolve(root, 'test/support/transcript.ts'));
  const cluster = new Cluster({ seed });
  const shell = new Shell({ cluster });
  const created = new Map<string, string[]>();
  const note = (key: string, value: string) => {
    let list = created.get(key);
    if (!list) created.set(key, (list = []));
    list.push(value);
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  cluster.api.watch(undefined, undefined, (e: any) => {
    if (e.type !== 'ADDED') return;
    note(e.resource, e.object.metadata.name);
    const ip = e.object.spec?.clusterIP;
    if (e.resource === 'services' && ip && ip !== 'None') note('clusterIPs', ip);
  });
  return {
    created,
    exec: async (command) => (await transcript.runTranscript(seed, [command], shell))[0],
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function rebase(file: string, before: string): Promise<void> {
  const t = parseTranscript(readFileSync(file, 'utf8'));
  const oldRun = await startRun(before, t.seed);
  const newRun = await startRun(process.cwd(), t.seed);
  const mapping = new Map<string, string>();
  const outputs: string[] = [];
  const steps = [];
  for (const step of t.steps) {
    let command = step.command;
    const names = [...mapping.keys()].sort((a, b) => b.length - a.length);
    for (const old of names) command = command.replace(new RegExp(`\\b${escapeRegExp(old)}\\b`, 'g'), mapping.get(old)!);
    await oldRun.exec(step.command);
    outputs.push(await newRun.exec(command));
    steps.push({ ...step, command });
    for (const [key, olds] of oldRun.created) {
      const news = newRun.created.get(key) ?? [];
      olds.forEach((o, k) => {
        if (k < news.length && o !== news[k]) mapping.set(o, news[k]);
      });
    }
  }
  writeFileSync(file, formatTranscript({ ...t, steps }, outputs));
  console.log(`${file}: ${mapping.size} names mapped`);
}

const args = process.argv.slice(2);
const at = args.indexOf('--before');
if (at < 0 || !args[at + 1]) {
  console.error('usage: tsx scripts/rebase-golden.ts --before <checkout that produced the goldens> FILE...');
  process.exit(2);
}
const before = resolve(args[at + 1]);
const files = args.filter((_, i) => i !== at && i !== at + 1);
for (const f of files) await rebase(f, before);
