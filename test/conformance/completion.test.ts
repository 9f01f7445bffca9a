/**
 * Tab completion against the real kubectl v1.33's own (`kubectl __complete ARGS... WORD`, what
 * its bash completion script calls), both on the same served cluster: the candidates must be the
 * same. The real one ends its answer with a directive; where that directive hands the word back
 * to bash (file names, optionally filtered by extension), the expected candidates are the files.
 */
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kubeconfig } from '../../src/kubectl/kubeconfig.ts';
import { Cluster } from '../../src/cluster/cluster.ts';
import { kubeconfigFor, serveApi, type HttpApi } from '../../src/cli/http-api.ts';
import { Shell } from '../../src/shell/shell.ts';
import { BUILTINS } from '../../src/shell/builtins.ts';
import { complete, completionSource } from '../../src/kubectl/completion.ts';
import { REAL_KUBECTL, runRealKubectl } from '../support/real-kubectl.ts';
import { applyHeredoc, KUBIA_SERVICE, kubiaRC, runOk } from '../support/manifests.ts';

const LINES = [
  'kubectl ',
  'kubectl g',
  'kubectl get ',
  'kubectl get se',
  'kubectl get dep',
  'kubectl get svc ',
  'kubectl get svc k',
  'kubectl get svc kubia ',
  'kubectl get svc/',
  'kubectl get svc/ku',
  'kubectl get pods,s',
  'kubectl describe ',
  'kubectl describe pods ',
  'kubectl describe endpoints ',
  'kubectl delete svc ',
  'kubectl get pods -o ',
  'kubectl get pods -o y',
  'kubectl get svc --sel',
  'kubectl get svc -',
  'kubectl -n ',
  'kubectl get pods -n kube-',
  'kubectl get pods -n kube-system ',
  'kubectl logs ',
  'kubectl logs ku',
  'kubectl logs pods/',
  'kubectl exec ',
  'kubectl exec -it ',
  'kubectl apply -f ',
  'kubectl apply -f dir/',
  'kubectl create ',
  'kubectl create -f ',
  'kubectl rollout ',
  'kubectl rollout status ',
  'kubectl set ',
  'kubectl expose ',
  'kubectl expose rc ',
  'kubectl scale ',
  'kubectl edit ',
  'kubectl label ',
  'kubectl explain ',
  'kubectl explain svc.sp',
  'kubectl config ',
  'kubectl run ',
  'kubectl api-resources ',
  'kubectl version ',
  'kubectl auth ',
  'kubectl apply ',
  'kubectl top ',
  'kubectl top pod ',
  'kubectl cluster-info ',
  'kubectl create service ',
  'kubectl create secret ',
  'kubectl create deployment web ',
  'kubectl apply -o ',
  'kubectl expose rc kubia -o ',
  'kubectl rollout pause ',
  'kubectl set image ',
  'kubectl exec pods/',
  'kubectl get svc/kubia ',
  'kubectl get svc/kubia svc/',
  'kubectl get svc kubia --out',
  'kubectl get svc --selector ',
  'kubectl get pods -l app=kubia -',
  'kubectl get svc --context ',
  'kubectl config use-context ',
  'kubectl --user ',
];

const FILES: Record<string, string> = { 'external-service.yaml': 'x', 'endpoints.yml': 'x', 'data.json': 'x', 'notes.txt': 'x', 'dir/a.yaml': 'x', 'dir/b.txt': 'x' };

let cluster: Cluster;
let shell: Shell;
let served: HttpApi;
let kubeconfig: string;

beforeAll(async () => {
  cluster = new Cluster({ seed: 5 });
  shell = new Shell({ cluster });
  await runOk(shell, applyHeredoc(kubiaRC(), KUBIA_SERVICE));
  cluster.advance(30);
  for (const [path, content] of Object.entries(FILES)) shell.fs.write(path, content);
  served = await serveApi(cluster.api);
  kubeconfig = kubeconfigFor(served.url);
});

afterAll(async () => {
  await served?.close();
});

/**
 * Flags the real kubectl has and KubeLab does not simulate (authentication, profiling, kustomize,
 * raw requests): our completion leaves them out, as our kubectl would refuse them. The only
 * difference allowed, and only in lists of flags.
 */
const NOT_SIMULATED_FLAGS = new Set([
  '--as', '--as-group', '--as-uid', '--cache-dir', '--certificate-authority', '--client-certificate', '--client-key', '--disable-compression',
  '--log-flush-frequency', '--password', '--profile', '--profile-output', '--tls-server-name', '--token', '--username', '--vmodule',
  '--kustomize', '-k', '--raw', '--server-print', '--subresource',
]);

const FILTER_FILE_EXT = 8;
const FILTER_DIRS = 16;
const NO_FILE_COMP = 4;

/** What bash offers for the real kubectl's answer: its candidates, or files as its directive says. */
async function realCandidates(line: string): Promise<string[]> {
  const args = line.split(' ').slice(1);
  const r = await runRealKubectl(['__complete', ...args], kubeconfig);
  const lines = r.stdout.split('\n').filter((l) => l !== '');
  const directive = Number(lines.pop()!.slice(1));
  const candidates = lines.map((l) => l.split('\t')[0]);
  const word = args[args.length - 1];
  const dir = word.includes('/') ? word.slice(0, word.lastIndexOf('/') + 1) : '';
  const entries = () => (shell.fs.list(dir || '.') ?? []).map((e) => dir + e).filter((e) => e.startsWith(word));
  if (directive & FILTER_FILE_EXT) return entries().filter((e) => e.endsWith('/') || candidates.some((ext) => e.endsWith(`.${ext}`)));
  if (directive & FILTER_DIRS) return entries().filter((e) => e.endsWith('/'));
  if (candidates.length === 0 && !(directive & NO_FILE_COMP)) return entries();
  return candidates.filter((c) => !NOT_SIMULATED_FLAGS.has(c));
}

describe('tab completion matches kubectl __complete', () => {
  it('has the real kubectl v1.33 to compare with', () => {
    expect(REAL_KUBECTL).toBeDefined();
  });
  for (const line of LINES) {
    it(JSON.stringify(line), async () => {
      await compare(line);
    });
  }
  // Lines naming a pod: its containers after `logs POD` and `exec POD -c`.
  for (const tail of ['logs POD ', 'logs pod/POD ', 'exec POD -c ', 'exec -it POD --container k', 'logs POD -c ']) {
    it(JSON.stringify(`kubectl ${tail}`), async () => {
      const pod = cluster.api.list('pods', 'default').object.items.map((p) => p.metadata.name as string).find((n) => n.startsWith('kubia-'))!;
      await compare(`kubectl ${tail.replace('POD', pod)}`);
    });
  }
});

async function compare(line: string): Promise<void> {
  // The same kubeconfig for both: its context, cluster and user names are completed too.
  const src = completionSource(cluster.api, shell.fs, Object.keys(BUILTINS), 'default', load(kubeconfig) as Kubeconfig);
  const ours = complete(line, line.length, src).candidates;
  expect([...new Set(ours)].sort()).toEqual([...new Set(await realCandidates(line))].sort());
}
