import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../src/cluster/cluster.ts';
import { failure } from './helpers.ts';

const pod = (name: string, spec: Record<string, unknown> = { containers: [{ name: 'kubia', image: 'luksa/kubia', ports: [{ containerPort: 8080 }] }] }) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec,
});

describe('Pods', () => {
  it('stores a pod as the defaults and admission plugins leave it', () => {
    const c = new Cluster({ seed: 11 });
    const p = c.api.create('pods', 'default', pod('kubia')).object;
    const vol = p.spec.volumes[0].name as string;
    expect(vol).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.metadata.generation).toBe(1);
    expect(p.spec).toEqual({
      containers: [
        {
          image: 'luksa/kubia',
          imagePullPolicy: 'Always',
          name: 'kubia',
          ports: [{ containerPort: 8080, protocol: 'TCP' }],
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: vol, readOnly: true }],
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
        { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
      ],
      volumes: [
        {
          name: vol,
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
              { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
            ],
          },
        },
      ],
    });
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('uses IfNotPresent for a tagged image', () => {
    const c = new Cluster();
    const p = c.api.create('pods', 'default', pod('n', { containers: [{ name: 'n', image: 'nginx:1.27' }] })).object;
    expect(p.spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
  });

  it('validates containers', () => {
    const c = new Cluster();
    expect(failure(() => c.api.create('pods', 'default', pod('p', {}))).status.message).toBe('Pod "p" is invalid: spec.containers: Required value');
    expect(failure(() => c.api.create('pods', 'default', pod('p', { containers: [{ name: 'a' }] }))).status.message).toBe(
      'Pod "p" is invalid: spec.containers[0].image: Required value',
    );
    expect(failure(() => c.api.create('pods', 'default', pod('p', { containers: [{ name: 'a', image: 'x' }, { name: 'a', image: 'y' }] }))).status.message).toBe(
      'Pod "p" is invalid: spec.containers[1].name: Duplicate value: "a"',
    );
    expect(failure(() => c.api.create('pods', 'default', pod('p', { restartPolicy: 'Sometimes', containers: [{ name: 'a', image: 'x' }] }))).status.message).toBe(
      'Pod "p" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    );
  });

  it('warns about dots in a pod name', () => {
    const c = new Cluster();
    const r = c.api.create('pods', 'default', pod('a.b'));
    expect(r.warnings).toEqual(["metadata.name: this is used in the Pod's hostname, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]"]);
  });

  it('deletes a scheduled pod gracefully; the kubelet finishes with gracePeriodSeconds 0', () => {
    const c = new Cluster();
    c.api.create('pods', 'default', pod('kubia'));
    expect(c.api.get('pods', 'default', 'kubia').object.spec.nodeName).toMatch(/^node0/);
    c.advance(5);
    const generation = c.api.get('pods', 'default', 'kubia').object.metadata.generation!;
    const at = c.clock.now();
    const d = c.api.delete('pods', 'default', 'kubia').object;
    expect(d.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(Date.parse(d.metadata.deletionTimestamp!)).toBe(Math.floor(at / 1000) * 1000 + 30000);
    expect(d.metadata.generation).toBe(generation + 1);
    expect(c.api.peek('pods', 'default', 'kubia')?.metadata.deletionTimestamp).toBeDefined();
    c.advance(31);
    expect(c.api.peek('pods', 'default', 'kubia')).toBeUndefined();
  });

  it('deletes at once with gracePeriodSeconds 0, and an unscheduled pod at once', () => {
    const c = new Cluster();
    c.api.create('pods', 'default', pod('kubia'));
    c.api.delete('pods', 'default', 'kubia', { gracePeriodSeconds: 0 });
    expect(c.api.peek('pods', 'default', 'kubia')).toBeUndefined();
    c.api.create('pods', 'default', pod('pending', { nodeSelector: { nowhere: 'true' }, containers: [{ name: 'a', image: 'nginx' }] }));
    expect(c.api.get('pods', 'default', 'pending').object.spec.nodeName).toBeUndefined();
    c.api.delete('pods', 'default', 'pending');
    expect(c.api.peek('pods', 'default', 'pending')).toBeUndefined();
  });

  it('forbids spec changes other than images', () => {
    const c = new Cluster();
    c.api.create('pods', 'default', pod('kubia'));
    const p = c.api.get('pods', 'default', 'kubia').object;
    const f = failure(() => c.api.update('pods', 'default', { ...p, spec: { ...p.spec, restartPolicy: 'Never' } }));
    expect(f.status.message.split('\n')[0]).toBe(
      'Pod "kubia" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
    const img = c.api.update('pods', 'default', { ...p, spec: { ...p.spec, containers: [{ ...p.spec.containers[0], image: 'luksa/kubia:v2' }] } }).object;
    expect(img.spec.containers[0].image).toBe('luksa/kubia:v2');
  });
});

describe('Namespaces', () => {
  it('labels a namespace with its name and refuses new content while it terminates', () => {
    const c = new Cluster();
    const ns = c.api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'foo' } }).object;
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'foo' });
    expect(ns.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(ns.status).toEqual({ phase: 'Active' });
    const d = c.api.delete('namespaces', undefined, 'foo').object;
    expect(d.status.phase).toBe('Terminating');
    const f = failure(() => c.api.create('configmaps', 'foo', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }));
    expect(f.status).toMatchObject({ code: 403, reason: 'Forbidden', message: 'configmaps "x" is forbidden: unable to create new content in namespace foo because it is being terminated' });
    // The namespace controller finalizes it: then it is gone.
    c.api.update('namespaces', undefined, { ...d, spec: { finalizers: [] } }, { subresource: 'finalize' });
    expect(c.api.peek('namespaces', undefined, 'foo')).toBeUndefined();
  });

  it('answers NotFound for a missing namespace and Forbidden for default', () => {
    const c = new Cluster();
    expect(failure(() => c.api.create('configmaps', 'nope', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } })).status.message).toBe('namespaces "nope" not found');
    expect(failure(() => c.api.delete('namespaces', undefined, 'default')).status.message).toBe('namespaces "default" is forbidden: this namespace may not be deleted');
    expect(failure(() => c.api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a.b' } })).status.message).toBe(
      'Namespace "a.b" is invalid: metadata.name: Invalid value: "a.b": must not contain dots',
    );
  });
});

describe('Endpoints and EndpointSlices', () => {
  it('rejects special IPs with ValidateEndpointIP texts and warns on every request', () => {
    const c = new Cluster();
    const f = failure(() =>
      c.api.create('endpoints', 'default', {
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: { name: 'ext' },
        subsets: [{ addresses: [{ ip: '127.0.0.1' }, { ip: '169.254.1.1' }, { ip: 'x' }], ports: [{ port: 80 }] }],
      }),
    );
    expect(f.status.message).toBe(
      'Endpoints "ext" is invalid: [subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128), subsets[0].addresses[1].ip: Invalid value: "169.254.1.1": may not be in the link-local range (169.254.0.0/16, fe80::/10), subsets[0].addresses[2].ip: Invalid value: "x": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff), subsets[0].addresses[2].ip: Invalid value: "x": must be a valid IP address]',
    );
    expect(f.warnings).toEqual(['v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice']);
    const ok = c.api.create('endpoints', 'default', { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'ext' }, subsets: [{ addresses: [{ ip: '11.11.11.11' }], ports: [{ port: 80 }] }] });
    expect(ok.object.subsets[0].ports[0].protocol).toBe('TCP');
    expect(ok.warnings).toEqual(['v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice']);
    expect(c.api.list('endpoints', 'default').warnings).toEqual(['v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice']);
    expect(failure(() => c.api.create('endpoints', 'default', { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'e' }, subsets: [{ ports: [{ port: 80 }] }] })).status.message).toBe(
      'Endpoints "e" is invalid: subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`',
    );
  });

  it('validates EndpointSlices and keeps addressType immutable', () => {
    const c = new Cluster();
    const slice = (addressType: string, addresses: string[]) => ({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 's' },
      addressType,
      endpoints: [{ addresses }],
      ports: [{ port: 80 }],
    });
    expect(failure(() => c.api.create('endpointslices.discovery.k8s.io', 'default', slice('IP', ['1.2.3.4']))).status.message).toBe(
      'EndpointSlice.discovery.k8s.io "s" is invalid: addressType: Unsupported value: "IP": supported values: "FQDN", "IPv4", "IPv6"',
    );
    expect(failure(() => c.api.create('endpointslices.discovery.k8s.io', 'default', slice('IPv4', []))).status.message).toBe(
      'EndpointSlice.discovery.k8s.io "s" is invalid: endpoints[0].addresses: Required value: must contain at least 1 address',
    );
    const s = c.api.create('endpointslices.discovery.k8s.io', 'default', slice('IPv4', ['10.244.1.5'])).object;
    expect(s.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    expect(s.metadata.generation).toBe(1);
    expect(failure(() => c.api.update('endpointslices.discovery.k8s.io', 'default', { ...s, addressType: 'IPv6', endpoints: [{ addresses: ['fd00::1'] }] })).status.message).toBe(
      'EndpointSlice.discovery.k8s.io "s" is invalid: addressType: Invalid value: "IPv6": field is immutable',
    );
    const empty = c.api.create('endpointslices.discovery.k8s.io', 'default', { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'e' }, addressType: 'IPv4', endpoints: [] }).object;
    expect(empty.endpoints).toBeNull();
    expect(empty.ports).toBeNull();
  });
});

describe('workloads', () => {
  it('defaults a Deployment and checks its selector against the template', () => {
    const c = new Cluster();
    const d = (labels: Record<string, string>) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'kubia' },
      spec: { selector: { matchLabels: { app: 'kubia' } }, template: { metadata: { labels }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia:v1' }] } } },
    });
    expect(failure(() => c.api.create('deployments.apps', 'default', d({ app: 'other' }))).status.message).toBe(
      'Deployment.apps "kubia" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`',
    );
    const ok = c.api.create('deployments.apps', 'default', d({ app: 'kubia' })).object;
    expect(ok.spec.replicas).toBe(1);
    expect(ok.spec.strategy).toEqual({ rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' });
    expect(ok.spec.revisionHistoryLimit).toBe(10);
    expect(ok.spec.progressDeadlineSeconds).toBe(600);
    expect(ok.spec.template.spec.enableServiceLinks).toBeUndefined();
    expect(ok.spec.template.spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
    expect(ok.metadata.generation).toBe(1);
  });

  it('defaults an RC selector and labels from its template', () => {
    const c = new Cluster();
    const rc = c.api.create('replicationcontrollers', 'default', {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'kubia' },
      spec: { replicas: 3, template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } } },
    }).object;
    expect(rc.spec.selector).toEqual({ app: 'kubia' });
    expect(rc.metadata.labels).toEqual({ app: 'kubia' });
    expect(rc.status).toEqual({ replicas: 0 });
  });
});

describe('ObjectMeta', () => {
  it('validates label keys and values', () => {
    const c = new Cluster();
    const f = failure(() => c.api.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', labels: { 'bad key': 'v!' } } }));
    expect(f.status.message).toBe(
      "ConfigMap \"x\" is invalid: [metadata.labels: Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'), metadata.labels: Invalid value: \"v!\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')]",
    );
  });

  it('requires a name and completes generateName', () => {
    const c = new Cluster({ seed: 5 });
    expect(failure(() => c.api.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: {} })).status.message).toBe(
      'ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required',
    );
    const g = c.api.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'cfg-' } }).object;
    expect(g.metadata.name).toMatch(/^cfg-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('refuses a changed uid', () => {
    const c = new Cluster();
    const cm = c.api.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }).object;
    expect(failure(() => c.api.update('configmaps', 'default', { ...cm, metadata: { ...cm.metadata, uid: 'other' } })).status.message).toBe(
      'ConfigMap "x" is invalid: metadata.uid: Invalid value: "other": field is immutable',
    );
  });

  it('keeps an object with finalizers until they are removed', () => {
    const c = new Cluster();
    c.api.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', finalizers: ['example.com/hold'] } });
    const d = c.api.delete('configmaps', 'default', 'x').object;
    expect(d.metadata.deletionTimestamp).toBeDefined();
    const cur = c.api.get('configmaps', 'default', 'x').object;
    c.api.update('configmaps', 'default', { ...cur, metadata: { ...cur.metadata, finalizers: [] } });
    expect(c.api.peek('configmaps', 'default', 'x')).toBeUndefined();
  });
});
