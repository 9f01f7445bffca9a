/**
 * Tab completion against a fresh cluster and a few files, as kubectl's shell completion offers
 * (test/conformance/completion.test.ts compares it with the real kubectl's __complete).
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.ts';
import { complete, completionSource } from '../../src/kubectl/completion.ts';
import { Shell } from '../../src/shell/shell.ts';
import { BufferIO } from '../../src/shell/io.ts';

async function setup() {
  const shell = new Shell({ cluster: new Cluster({ seed: 1 }) });
  shell.fs.write('svc.yaml', 'x');
  shell.fs.write('notes.txt', 'x');
  shell.fs.write('manifests/ep.yaml', 'x');
  shell.fs.write('manifests/pod.yaml', 'x');
  await shell.run(
    `kubectl apply -f - <<EOF
apiVersion: v1
kind: Service
metadata: {name: kuba}
spec: {ports: [{port: 80}]}
EOF`,
    new BufferIO(),
  );
  await shell.run(
    `kubectl apply -f - <<EOF
apiVersion: v1
kind: Service
metadata: {name: kubia-ext}
spec: {ports: [{port: 80}]}
EOF`,
    new BufferIO(),
  );
  const src = completionSource(shell.cluster.api, shell.fs, ['cat', 'ls', 'echo', 'clear']);
  return (line: string) => complete(line, line.length, src);
}

describe('completion', () => {
  it('completes command names, then kubectl verbs', async () => {
    const c = await setup();
    expect(c('kub')).toEqual({ start: 0, candidates: ['kubectl'] });
    expect(c('c').candidates).toEqual(['cat', 'clear']);
    expect(c('kubectl ge')).toEqual({ start: 8, candidates: ['get'] });
    // Every kubectl v1.33 command, simulated or not (those say so when run).
    expect(c('kubectl de').candidates).toEqual(['debug', 'delete', 'describe']);
  });

  it('completes resource types after a verb as api-resources -o name names them', async () => {
    const c = await setup();
    expect(c('kubectl get serv').candidates).toEqual(['serviceaccounts', 'services']);
    expect(c('kubectl get services').candidates).toEqual(['services']);
    expect(c('kubectl get endpoint').candidates).toEqual(['endpoints', 'endpointslices.discovery.k8s.io']);
    expect(c('kubectl get pods,se').candidates).toEqual(['pods,secrets', 'pods,serviceaccounts', 'pods,services']);
  });

  it('completes subcommands, the types a verb allows, pods with their owners, and required flags', async () => {
    const c = await setup();
    expect(c('kubectl rollout ').candidates).toEqual(['history', 'pause', 'restart', 'resume', 'status', 'undo']);
    expect(c('kubectl rollout status ').candidates).toEqual(['daemonset', 'deployment', 'statefulset']);
    expect(c('kubectl expose ').candidates).toEqual(['deployment', 'pod', 'replicaset', 'replicationcontroller', 'service']);
    expect(c('kubectl scale ').candidates).toEqual(['--replicas', 'deployment', 'replicaset', 'replicationcontroller', 'statefulset']);
    expect(c('kubectl exec ').candidates).toEqual(['daemonsets/', 'deployments/', 'jobs/', 'pods/', 'replicasets/', 'replicationcontrollers/', 'services/', 'statefulsets/']);
    expect(c('kubectl create service ').candidates).toEqual(['clusterip', 'externalname', 'loadbalancer', 'nodeport']);
    // No completion of its own: bash completes file names.
    expect(c('kubectl explain ').candidates).toEqual(['manifests/', 'notes.txt', 'svc.yaml']);
  });

  it('completes object names of the type, from the cluster', async () => {
    const c = await setup();
    expect(c('kubectl get svc ku')).toEqual({ start: 16, candidates: ['kuba', 'kubernetes', 'kubia-ext'] });
    expect(c('kubectl describe services kubi').candidates).toEqual(['kubia-ext']);
    expect(c('kubectl get svc/kub').candidates).toEqual(['svc/kuba', 'svc/kubernetes', 'svc/kubia-ext']);
    expect(c('kubectl get svc kuba ku').candidates).toEqual(['kubernetes', 'kubia-ext']);
    expect(c('kubectl -n kube-system get svc ').candidates).toEqual(['kube-dns']);
    expect(c('kubectl get svc --namespace=kube-system ').candidates).toEqual(['kube-dns']);
  });

  it('completes namespaces after -n and output formats after -o', async () => {
    const c = await setup();
    expect(c('kubectl get svc -n kube-').candidates).toEqual(['kube-flannel', 'kube-node-lease', 'kube-public', 'kube-system']);
    expect(c('kubectl get svc -o y').candidates).toEqual(['yaml']);
    expect(c('kubectl get svc --output=js')).toEqual({ start: 25, candidates: ['json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file'] });
  });

  it('completes manifests (json, yaml, yml) and directories after -f', async () => {
    const c = await setup();
    expect(c('kubectl apply -f ')).toEqual({ start: 17, candidates: ['manifests/', 'svc.yaml'] });
    expect(c('cat ').candidates).toEqual(['manifests/', 'notes.txt', 'svc.yaml']);
    expect(c('kubectl apply -f manifests/e').candidates).toEqual(['manifests/ep.yaml']);
    expect(c('cat man').candidates).toEqual(['manifests/']);
  });

  it('completes flags of the verb and the global ones', async () => {
    const c = await setup();
    expect(c('kubectl get svc --show-l').candidates).toEqual(['--show-labels']);
    expect(c('kubectl get svc --names').candidates).toEqual(['--namespace']);
    expect(c('kubectl apply --filen').candidates).toEqual(['--filename']);
    // A flag already given is not offered again, unless it can repeat.
    expect(c('kubectl get svc --show-labels --show-l').candidates).toEqual([]);
  });

  it('offers nothing for unknown verbs and restarts after a pipe', async () => {
    const c = await setup();
    expect(c('kubectl frobnicate x').candidates).toEqual([]);
    expect(c('kubectl get svc | gr').candidates).toEqual([]);
    expect(c('kubectl get svc | ca').candidates).toEqual(['cat']);
  });
});
