/**
 * PodSpec defaults and validation shared by Pods and pod templates (ReplicationController,
 * ReplicaSet, Deployment): pkg/apis/core/v1/defaults.go (SetDefaults_PodSpec, _Container,
 * _ContainerPort, _Probe, _HTTPGetAction, _Volume...) and pkg/apis/core/validation (ValidatePodSpec,
 * validateContainers, validateContainerPorts). A subset: the fields lessons and learners touch.
 */
import { fieldErrors, type FieldError } from '../errors.ts';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum } from './validation.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
/** validateRestartPolicy lists them in this (unsorted) order. */
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

/** The tag of an image reference as parsers.ParseImageName finds it (`latest` when none and no digest). */
export function imageTag(image: string): string {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const tag = colon > slash ? name.slice(colon + 1) : '';
  if (!tag && at < 0) return 'latest';
  return tag;
}

function defaultProbe(p: Obj | undefined): void {
  if (!p || typeof p !== 'object') return;
  p.timeoutSeconds ??= 1;
  p.periodSeconds ??= 10;
  p.successThreshold ??= 1;
  p.failureThreshold ??= 3;
  if (p.httpGet) {
    p.httpGet.path ||= '/';
    p.httpGet.scheme ||= 'HTTP';
  }
}

function defaultContainer(c: Obj): void {
  if (!c.imagePullPolicy && typeof c.image === 'string') c.imagePullPolicy = imageTag(c.image) === 'latest' ? 'Always' : 'IfNotPresent';
  c.terminationMessagePath ||= '/dev/termination-log';
  c.terminationMessagePolicy ||= 'File';
  c.resources ??= {};
  for (const port of (c.ports ?? []) as Obj[]) port.protocol ||= 'TCP';
  for (const env of (c.env ?? []) as Obj[]) {
    if (env.valueFrom?.fieldRef) env.valueFrom.fieldRef.apiVersion ||= 'v1';
  }
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  // If limits are given without requests, the requests default to them (SetDefaults_Pod).
  if (c.resources.limits && typeof c.resources.limits === 'object') {
    c.resources.requests ??= {};
    for (const [k, v] of Object.entries(c.resources.limits)) c.resources.requests[k] ??= v;
  }
}

function defaultVolume(v: Obj): void {
  const sources = Object.keys(v).filter((k) => k !== 'name');
  if (sources.length === 0) v.emptyDir = {};
  if (v.configMap) v.configMap.defaultMode ??= 420;
  if (v.secret) v.secret.defaultMode ??= 420;
  if (v.projected) v.projected.defaultMode ??= 420;
  if (v.downwardAPI) v.downwardAPI.defaultMode ??= 420;
  if (v.hostPath) v.hostPath.type ??= '';
}

/** SetDefaults_PodSpec and what it reaches. `isPod` adds SetDefaults_Pod (enableServiceLinks). */
export function setDefaultsPodSpec(spec: Obj, isPod: boolean): void {
  spec.dnsPolicy ||= 'ClusterFirst';
  spec.restartPolicy ||= 'Always';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ||= 'default-scheduler';
  if (isPod) spec.enableServiceLinks ??= true;
  for (const c of (spec.containers ?? []) as Obj[]) defaultContainer(c);
  for (const c of (spec.initContainers ?? []) as Obj[]) defaultContainer(c);
  for (const v of (spec.volumes ?? []) as Obj[]) defaultVolume(v);
}

function validateContainerPorts(ports: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const at = `${path}[${i}]`;
    if (p.name) {
      const msgs = isValidPortName(p.name);
      if (msgs.length > 0) for (const m of msgs) errs.push(fieldErrors.invalid(`${at}.name`, p.name, m));
      else if (names.has(p.name)) errs.push(fieldErrors.duplicate(`${at}.name`, p.name));
      else names.add(p.name);
    }
    if (!p.containerPort) errs.push(fieldErrors.required(`${at}.containerPort`));
    else for (const m of isValidPortNum(p.containerPort)) errs.push(fieldErrors.invalid(`${at}.containerPort`, p.containerPort, m));
    if (p.hostPort) for (const m of isValidPortNum(p.hostPort)) errs.push(fieldErrors.invalid(`${at}.hostPort`, p.hostPort, m));
    if (!p.protocol) errs.push(fieldErrors.required(`${at}.protocol`));
    else if (!PROTOCOLS.includes(p.protocol)) errs.push(fieldErrors.notSupported(`${at}.protocol`, p.protocol, PROTOCOLS));
  });
  return errs;
}

function validateContainerList(containers: Obj[], path: string, allNames: Set<string>, volumes: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  containers.forEach((c, i) => {
    const at = `${path}[${i}]`;
    if (!c.name) errs.push(fieldErrors.required(`${at}.name`));
    else for (const m of isDNS1123Label(c.name)) errs.push(fieldErrors.invalid(`${at}.name`, c.name, m));
    if (c.name && allNames.has(c.name)) errs.push(fieldErrors.duplicate(`${at}.name`, c.name));
    else if (c.name) allNames.add(c.name);
    if (!c.image) errs.push(fieldErrors.required(`${at}.image`));
    else if (c.image.trim() !== c.image) errs.push(fieldErrors.invalid(`${at}.image`, c.image, 'must not have leading or trailing whitespace'));
    if (c.imagePullPolicy && !PULL_POLICIES.includes(c.imagePullPolicy)) errs.push(fieldErrors.notSupported(`${at}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
    errs.push(...validateContainerPorts((c.ports ?? []) as Obj[], `${at}.ports`));
    ((c.env ?? []) as Obj[]).forEach((e, j) => {
      if (!e.name) errs.push(fieldErrors.required(`${at}.env[${j}].name`));
    });
    ((c.volumeMounts ?? []) as Obj[]).forEach((m, j) => {
      if (!m.name) errs.push(fieldErrors.required(`${at}.volumeMounts[${j}].name`));
      else if (!volumes.has(m.name)) errs.push(fieldErrors.notFound(`${at}.volumeMounts[${j}].name`, m.name));
      if (!m.mountPath) errs.push(fieldErrors.required(`${at}.volumeMounts[${j}].mountPath`));
    });
  });
  return errs;
}

/** ValidatePodSpec (a subset), errors under `path` (`spec` or `spec.template.spec`). */
export function validatePodSpec(spec: Obj | undefined, path: string): FieldError[] {
  const s = spec ?? {};
  const errs: FieldError[] = [];
  const volumes = new Set<string>();
  ((s.volumes ?? []) as Obj[]).forEach((v, i) => {
    const at = `${path}.volumes[${i}]`;
    if (!v.name) errs.push(fieldErrors.required(`${at}.name`));
    else for (const m of isDNS1123Label(v.name)) errs.push(fieldErrors.invalid(`${at}.name`, v.name, m));
    if (v.name && volumes.has(v.name)) errs.push(fieldErrors.duplicate(`${at}.name`, v.name));
    if (v.name) volumes.add(v.name);
  });
  const names = new Set<string>();
  const containers = (s.containers ?? []) as Obj[];
  if (containers.length === 0) errs.push(fieldErrors.required(`${path}.containers`));
  else errs.push(...validateContainerList(containers, `${path}.containers`, names, volumes));
  errs.push(...validateContainerList((s.initContainers ?? []) as Obj[], `${path}.initContainers`, names, volumes));
  if (!s.restartPolicy) errs.push(fieldErrors.required(`${path}.restartPolicy`));
  else if (!RESTART_POLICIES.includes(s.restartPolicy)) errs.push(fieldErrors.notSupported(`${path}.restartPolicy`, s.restartPolicy, RESTART_POLICIES));
  if (!s.dnsPolicy) errs.push(fieldErrors.required(`${path}.dnsPolicy`));
  else if (!DNS_POLICIES.includes(s.dnsPolicy)) errs.push(fieldErrors.notSupported(`${path}.dnsPolicy`, s.dnsPolicy, DNS_POLICIES));
  if (s.nodeName) for (const m of isDNS1123Subdomain(s.nodeName)) errs.push(fieldErrors.invalid(`${path}.nodeName`, s.nodeName, m));
  if (typeof s.terminationGracePeriodSeconds === 'number' && s.terminationGracePeriodSeconds < 0) {
    // Negative values are accepted and treated as 1 by the kubelet (validation only warns).
  }
  if (s.activeDeadlineSeconds !== undefined && s.activeDeadlineSeconds <= 0) {
    errs.push(fieldErrors.invalid(`${path}.activeDeadlineSeconds`, s.activeDeadlineSeconds, 'must be between 1 and 2147483647, inclusive'));
  }
  return errs;
}
