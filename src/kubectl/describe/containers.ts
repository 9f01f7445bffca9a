/**
 * Containers, volumes and pod templates as describe.go writes them (describeContainers,
 * describeVolumes, DescribePodTemplate). Shared by the Pod and the workload describers.
 */
import type { KubeObject } from '../../cluster/api/types.ts';
import { cmp, rfc1123z, writeAnnotations, writeLabels, writeTolerations, type DescribeWriter } from './common.ts';
import { formatQuantity, parseQuantity, sortedResourceNames } from './quantity.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
type Writer = Pick<DescribeWriter, 'write' | 'line'>;

/** describeContainers: `space` is '' for a pod, '  ' inside a pod template (names get one more space). */
export function writeContainers(w: Writer, label: string, containers: Any[], statuses: Any[] | undefined, pod: Any | undefined, space: string): void {
  const byName = new Map<string, Any>();
  for (const s of statuses ?? []) byName.set(s.name, s);
  w.line(0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}`);
  for (const c of containers) {
    const status = byName.get(c.name);
    const ok = statuses !== undefined && status !== undefined;
    writeBasicInfo(w, c, status, ok, space);
    writeCommand(w, c);
    if (ok) writeState(w, status);
    writeResources(w, c.resources, 2);
    writeProbes(w, c);
    if ((c.envFrom ?? []).length > 0) writeEnvFrom(w, c);
    writeEnv(w, c, pod);
    writeMounts(w, c);
  }
}

function portsString(ports: Any[] | undefined, host: boolean): string {
  return (ports ?? []).map((p: Any) => `${host ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol ?? ''}`).join(', ');
}

function writeBasicInfo(w: Writer, c: Any, status: Any, ok: boolean, space: string): void {
  w.line(1, `${space ? ' ' : ''}${c.name}:`);
  if (ok) w.line(2, `Container ID:\t${status.containerID ?? ''}`);
  w.line(2, `Image:\t${c.image ?? ''}`);
  if (ok) w.line(2, `Image ID:\t${status.imageID ?? ''}`);
  const ports = portsString(c.ports, false);
  if (ports.includes(',')) w.line(2, `Ports:\t${ports}`);
  else w.line(2, `Port:\t${ports || '<none>'}`);
  const hostPorts = portsString(c.ports, true);
  if (hostPorts.includes(',')) w.line(2, `Host Ports:\t${hostPorts}`);
  else w.line(2, `Host Port:\t${hostPorts || '<none>'}`);
  const sp = c.securityContext?.seccompProfile;
  if (sp) {
    w.line(2, `SeccompProfile:\t${sp.type}`);
    if (sp.type === 'Localhost') w.line(3, `LocalhostProfile:\t${sp.localhostProfile ?? ''}`);
  }
}

function writeCommand(w: Writer, c: Any): void {
  if ((c.command ?? []).length > 0) {
    w.line(2, 'Command:');
    for (const part of c.command) for (const s of String(part).split('\n')) w.line(3, s);
  }
  if ((c.args ?? []).length > 0) {
    w.line(2, 'Args:');
    for (const part of c.args) for (const s of String(part).split('\n')) w.line(3, s);
  }
}

/** describeStatus: one container state. */
function writeStatus(w: Writer, name: string, state: Any): void {
  if (state?.running) {
    w.line(2, `${name}:\tRunning`);
    w.line(3, `Started:\t${rfc1123z(state.running.startedAt)}`);
  } else if (state?.waiting) {
    w.line(2, `${name}:\tWaiting`);
    if (state.waiting.reason) w.line(3, `Reason:\t${state.waiting.reason}`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.line(2, `${name}:\tTerminated`);
    if (t.reason) w.line(3, `Reason:\t${t.reason}`);
    if (t.message) w.line(3, `Message:\t${t.message}`);
    w.line(3, `Exit Code:\t${t.exitCode ?? 0}`);
    if ((t.signal ?? 0) > 0) w.line(3, `Signal:\t${t.signal}`);
    w.line(3, `Started:\t${rfc1123z(t.startedAt)}`);
    w.line(3, `Finished:\t${rfc1123z(t.finishedAt)}`);
  } else {
    w.line(2, `${name}:\tWaiting`);
  }
}

function writeState(w: Writer, status: Any): void {
  writeStatus(w, 'State', status.state);
  if (status.lastState?.terminated) writeStatus(w, 'Last State', status.lastState);
  w.line(2, `Ready:\t${status.ready ? 'True' : 'False'}`);
  w.line(2, `Restart Count:\t${status.restartCount ?? 0}`);
}

/** describeResources: Limits then Requests, sorted by resource name. */
export function writeResources(w: Writer, resources: Any, level: number): void {
  if (!resources) return;
  const limits = resources.limits ?? {};
  const requests = resources.requests ?? {};
  if (Object.keys(limits).length > 0) w.line(level, 'Limits:');
  for (const n of sortedResourceNames(limits)) w.line(level + 1, `${n}:\t${formatQuantity(parseQuantity(limits[n]))}`);
  if (Object.keys(requests).length > 0) w.line(level, 'Requests:');
  for (const n of sortedResourceNames(requests)) w.line(level + 1, `${n}:\t${formatQuantity(parseQuantity(requests[n]))}`);
}

function intOrString(v: Any): string {
  return v === undefined || v === null ? '' : String(v);
}

/** DescribeProbe. */
export function describeProbe(p: Any): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const h = p.httpGet;
    const scheme = String(h.scheme ?? '').toLowerCase();
    const port = intOrString(h.port);
    const host = h.host ?? '';
    const hostPort = port ? (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`) : host;
    let url = '';
    if (scheme) url += `${scheme}:`;
    if (scheme || hostPort) url += `//${hostPort}`;
    const path = h.path ?? '';
    if (path !== '' && !path.startsWith('/') && hostPort !== '') url += '/';
    url += path;
    return `http-get ${url} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${intOrString(p.tcpSocket.port)} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function writeProbes(w: Writer, c: Any): void {
  if (c.livenessProbe) w.line(2, `Liveness:\t${describeProbe(c.livenessProbe)}`);
  if (c.readinessProbe) w.line(2, `Readiness:\t${describeProbe(c.readinessProbe)}`);
  if (c.startupProbe) w.line(2, `Startup:\t${describeProbe(c.startupProbe)}`);
}

function writeEnvFrom(w: Writer, c: Any): void {
  w.line(2, 'Environment Variables from:');
  for (const e of c.envFrom) {
    let from = '';
    let name = '';
    let optional = false;
    if (e.configMapRef) {
      from = 'ConfigMap';
      name = e.configMapRef.name ?? '';
      optional = e.configMapRef.optional === true;
    } else if (e.secretRef) {
      from = 'Secret';
      name = e.secretRef.name ?? '';
      optional = e.secretRef.optional === true;
    }
    if (!e.prefix) w.line(3, `${name}\t${from}\tOptional: ${optional}`);
    else w.line(3, `${name}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}`);
  }
}

/**
 * EnvValueRetriever: fieldpath.ExtractFieldPathAsString resolves only metadata fields; any other
 * path (spec.nodeName, status.podIP...) is an "unsupported fieldPath" and shows empty.
 */
function fieldRefValue(pod: Any, path: string): string {
  if (!pod) return '';
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return pod.metadata?.[m[1]]?.[m[2]] ?? '';
  switch (path) {
    case 'metadata.name':
      return pod.metadata?.name ?? '';
    case 'metadata.namespace':
      return pod.metadata?.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata?.uid ?? '';
    case 'metadata.labels':
    case 'metadata.annotations':
      return formatMap(pod.metadata?.[path.slice('metadata.'.length)]);
    default:
      return '';
  }
}

/** fieldpath.FormatMap: `key="value"` lines, sorted by key, newline-separated. */
function formatMap(m: Record<string, string> | undefined): string {
  return Object.keys(m ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify(m![k])}`)
    .join('\n');
}

function writeEnv(w: Writer, c: Any, pod: Any): void {
  const env: Any[] = c.env ?? [];
  w.line(2, `Environment:${env.length === 0 ? '\t<none>' : ''}`);
  for (const e of env) {
    if (!e.valueFrom) {
      String(e.value ?? '')
        .split('\n')
        .forEach((s, i) => w.line(3, i === 0 ? `${e.name}:\t${s}` : `\t${s}`));
      continue;
    }
    const vf = e.valueFrom;
    if (vf.fieldRef) {
      w.line(3, `${e.name}:\t${fieldRefValue(pod, vf.fieldRef.fieldPath)} (${vf.fieldRef.apiVersion ?? ''}:${vf.fieldRef.fieldPath})`);
    } else if (vf.resourceFieldRef) {
      w.line(3, `${e.name}:\t${resourceFieldValue(c, vf.resourceFieldRef)} (${vf.resourceFieldRef.resource})`);
    } else if (vf.secretKeyRef) {
      w.line(3, `${e.name}:\t<set to the key '${vf.secretKeyRef.key}' in secret '${vf.secretKeyRef.name ?? ''}'>\tOptional: ${vf.secretKeyRef.optional === true}`);
    } else if (vf.configMapKeyRef) {
      w.line(3, `${e.name}:\t<set to the key '${vf.configMapKeyRef.key}' of config map '${vf.configMapKeyRef.name ?? ''}'>\tOptional: ${vf.configMapKeyRef.optional === true}`);
    }
  }
}

/** resourcehelper.ExtractContainerResourceValue, then describe's "node allocatable" for 0 limits. */
function resourceFieldValue(c: Any, ref: Any): string {
  const [kind, name] = String(ref.resource).split('.');
  const raw = c.resources?.[kind]?.[name];
  const q = parseQuantity(raw);
  const divisor = parseQuantity(ref.divisor ?? (name === 'cpu' ? '1' : '1'));
  let v: string;
  if (name === 'cpu') v = String(Math.ceil(q.milli / (divisor.milli || 1000)));
  else v = String(Math.ceil(q.milli / (divisor.milli || 1000)));
  if (v === '0' && (ref.resource === 'limits.cpu' || ref.resource === 'limits.memory')) return 'node allocatable';
  return v;
}

function writeMounts(w: Writer, c: Any): void {
  const mounts: Any[] = [...(c.volumeMounts ?? [])];
  const none = mounts.length === 0 ? '\t<none>' : '';
  w.line(2, `Mounts:${none}`);
  mounts.sort((a, b) => cmp(a.mountPath, b.mountPath));
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.line(3, `${m.mountPath} from ${m.name} (${flags.join(',')})`);
  }
  const devices: Any[] = [...(c.volumeDevices ?? [])];
  if (devices.length > 0) {
    w.line(2, `Devices:${none}`);
    devices.sort((a, b) => cmp(a.devicePath, b.devicePath));
    for (const d of devices) w.line(3, `${d.devicePath} from ${d.name}`);
  }
}

/** describeVolumes: the common volume types; others print `<unknown>`. */
export function writeVolumes(w: Writer, volumes: Any[] | undefined, space: string): void {
  const list: Any[] = volumes ?? [];
  if (list.length === 0) {
    w.line(0, `${space}Volumes:\t<none>`);
    return;
  }
  w.line(0, `${space}Volumes:`);
  for (const v of list) {
    w.line(1, `${space ? ' ' : ''}${v.name}:`);
    if (v.hostPath) {
      w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? '<none>'}\n`);
    } else if (v.emptyDir) {
      const size = v.emptyDir.sizeLimit && parseQuantity(v.emptyDir.sizeLimit).milli > 0 ? formatQuantity(parseQuantity(v.emptyDir.sizeLimit)) : '<unset>';
      w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${size}\n`);
    } else if (v.secret) {
      w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n    Optional:\t${v.secret.optional === true}\n`);
    } else if (v.configMap) {
      w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n    Optional:\t${v.configMap.optional === true}\n`);
    } else if (v.persistentVolumeClaim) {
      w.write(2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${v.persistentVolumeClaim.readOnly === true}\n`);
    } else if (v.downwardAPI) {
      w.line(2, 'Type:\tDownwardAPI (a volume populated by information about the pod)');
      w.line(2, 'Items:');
      for (const item of v.downwardAPI.items ?? []) {
        if (item.fieldRef) w.line(3, `${item.fieldRef.fieldPath} -> ${item.path}`);
        if (item.resourceFieldRef) w.line(3, `${item.resourceFieldRef.resource} -> ${item.path}`);
      }
    } else if (v.projected) {
      w.line(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)');
      for (const s of v.projected.sources ?? []) {
        if (s.secret) w.write(2, `SecretName:\t${s.secret.name ?? ''}\n    Optional:\t${s.secret.optional === true}\n`);
        else if (s.downwardAPI) w.line(2, 'DownwardAPI:\ttrue');
        else if (s.configMap) w.write(2, `ConfigMapName:\t${s.configMap.name ?? ''}\n    Optional:\t${s.configMap.optional === true}\n`);
        else if (s.serviceAccountToken) w.line(2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 0}`);
      }
    } else if (v.nfs) {
      w.write(2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${v.nfs.server}\n    Path:\t${v.nfs.path}\n    ReadOnly:\t${v.nfs.readOnly === true}\n`);
    } else {
      w.line(1, '<unknown>');
    }
  }
}

/** DescribePodTemplate: containers indented by three spaces, no status. */
export function writePodTemplate(w: Writer, template: Any | undefined): void {
  w.line(0, 'Pod Template:');
  if (!template) {
    w.write(1, '<unset>');
    return;
  }
  const meta = template.metadata ?? {};
  const spec = template.spec ?? {};
  writeLabels(w, '  Labels', meta.labels);
  if (Object.keys(meta.annotations ?? {}).length > 0) writeAnnotations(w, '  Annotations', meta.annotations);
  if (spec.serviceAccountName) w.line(1, `Service Account:\t${spec.serviceAccountName}`);
  if ((spec.initContainers ?? []).length > 0) writeContainers(w, 'Init Containers', spec.initContainers, undefined, undefined, '  ');
  writeContainers(w, 'Containers', spec.containers ?? [], undefined, undefined, '  ');
  writeVolumes(w, spec.volumes, '  ');
  writeTopologySpread(w, spec.topologySpreadConstraints, '  ');
  if (spec.priorityClassName) w.line(1, `Priority Class Name:\t${spec.priorityClassName}`);
  writeLabels(w, '  Node-Selectors', spec.nodeSelector);
  writeTolerations(w, '  Tolerations', spec.tolerations);
}

/** describeTopologySpreadConstraints. */
export function writeTopologySpread(w: Writer, tscs: Any[] | undefined, space: string): void {
  const list: Any[] = [...(tscs ?? [])];
  if (list.length === 0) return;
  list.sort((a, b) => cmp(a.topologyKey, b.topologyKey));
  w.write(0, `${space}Topology Spread Constraints:\t`);
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, `${space}\t`);
    let s = `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded`;
    if (t.labelSelector) s += ` for selector ${formatLabelSelector(t.labelSelector)}`;
    w.write(0, s + '\n');
  });
}

/** metav1.FormatLabelSelector. */
export function formatLabelSelector(ls: Any | undefined): string {
  if (!ls) return '<none>';
  const parts: string[] = [];
  for (const k of Object.keys(ls.matchLabels ?? {}).sort()) parts.push(`${k}=${ls.matchLabels[k]}`);
  for (const e of ls.matchExpressions ?? []) {
    if (e.operator === 'In') parts.push(`${e.key} in (${[...(e.values ?? [])].sort().join(',')})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${[...(e.values ?? [])].sort().join(',')})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  // LabelSelectorAsSelector sorts requirements by key.
  const keyOf = (p: string) => p.replace(/^!/, '').split(/[= ]/)[0];
  parts.sort((a, b) => cmp(keyOf(a), keyOf(b)));
  const s = parts.join(',');
  return s === '' ? '<none>' : s;
}

/** qos.GetPodQOS: status.qosClass, else computed from the containers' requests and limits. */
export function podQOS(pod: KubeObject): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  const supported = (n: string) => n === 'cpu' || n === 'memory';
  const add = (m: Map<string, number>, list: Any) => {
    for (const [n, v] of Object.entries(list ?? {})) {
      if (!supported(n)) continue;
      const q = parseQuantity(v as string).milli;
      if (q > 0) m.set(n, (m.get(n) ?? 0) + q);
    }
  };
  const hasBoth = (list: Any) => ['cpu', 'memory'].every((n) => parseQuantity(list?.[n]).milli > 0);
  const containers: Any[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  if (pod.spec?.resources) {
    add(requests, pod.spec.resources.requests);
    if (pod.spec.resources.limits) {
      add(limits, pod.spec.resources.limits);
      if (!hasBoth(pod.spec.resources.limits)) guaranteed = false;
    }
  } else {
    for (const c of containers) {
      add(requests, c.resources?.requests);
      add(limits, c.resources?.limits);
      if (!hasBoth(c.resources?.limits)) guaranteed = false;
    }
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [n, v] of requests) {
      if (limits.get(n) !== v) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
