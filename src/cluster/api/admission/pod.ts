/**
 * Pods: defaults (pkg/apis/core/v1/defaults.go), the mutating admission plugins a kubeadm
 * API server runs on them (ServiceAccount: plugin/pkg/admission/serviceaccount; Priority;
 * DefaultTolerationSeconds), the strategy (pkg/registry/core/pod/strategy.go: status Pending
 * with its QoS class on create, graceful deletion) and validation (ValidatePodCreate,
 * ValidatePodUpdate's "may not change fields other than" rule).
 */
import { fieldErrors, type FieldError } from '../errors.ts';
import type { AdmissionContext, KindStrategy } from '../strategy.ts';
import { clone, jsonEqual, type KubeObject } from '../types.ts';
import { setDefaultsPodSpec, validatePodSpec } from './podspec.ts';
import { isDNS1123Label } from './validation.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const DEFAULT_TOLERATION_SECONDS = 300;
/** The kubelet's mark on the API copy of a static pod (kubetypes.ConfigMirrorAnnotationKey). */
const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';
const SYSTEM_PRIORITIES: Record<string, number> = { 'system-node-critical': 2000001000, 'system-cluster-critical': 2000000000 };

/** ServiceAccount admission: the default account and its projected token volume, mounted in every container. */
function admitServiceAccount(pod: KubeObject, ctx: AdmissionContext): void {
  const spec: Obj = pod.spec;
  // Mirror pods of static pods are left alone (plugin/pkg/admission/serviceaccount).
  if (pod.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined) return;
  if (!spec.serviceAccountName) spec.serviceAccountName = spec.serviceAccount || 'default';
  spec.serviceAccount = spec.serviceAccountName;
  if (spec.automountServiceAccountToken === false) return;
  const sa = ctx.lookup('serviceaccounts', pod.metadata.namespace, spec.serviceAccountName);
  if (sa?.automountServiceAccountToken === false && spec.automountServiceAccountToken === undefined) return;
  const all = [...((spec.initContainers ?? []) as Obj[]), ...((spec.containers ?? []) as Obj[])];
  if (all.some((c) => ((c.volumeMounts ?? []) as Obj[]).some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH))) return;
  const existing = new Set(((spec.volumes ?? []) as Obj[]).map((v) => v.name));
  let name: string;
  do name = `kube-api-access-${ctx.random.nameSuffix()}`;
  while (existing.has(name));
  spec.volumes = [
    ...((spec.volumes ?? []) as Obj[]),
    {
      name,
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
          { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
          { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
        ],
      },
    },
  ];
  for (const c of all) {
    c.volumeMounts = [...((c.volumeMounts ?? []) as Obj[]), { mountPath: SERVICE_ACCOUNT_MOUNT_PATH, name, readOnly: true }];
  }
}

/** DefaultTolerationSeconds: tolerate not-ready and unreachable nodes for 300 s, unless already tolerated. */
function admitTolerations(pod: KubeObject): void {
  const spec: Obj = pod.spec;
  const tolerations = (spec.tolerations ?? []) as Obj[];
  const tolerates = (key: string) =>
    tolerations.some((t) => (t.operator === 'Exists' && !t.key) || (t.key === key && (!t.effect || t.effect === 'NoExecute')));
  const add: Obj[] = [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerates(key)) add.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
  }
  if (add.length > 0) spec.tolerations = [...tolerations, ...add];
}

/** qos.GetPodQOS, simplified to what containers declare. */
function qosClass(spec: Obj): string {
  const containers = [...((spec.containers ?? []) as Obj[]), ...((spec.initContainers ?? []) as Obj[])];
  let any = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const req = (c.resources?.requests ?? {}) as Obj;
    const lim = (c.resources?.limits ?? {}) as Obj;
    if (Object.keys(req).length > 0 || Object.keys(lim).length > 0) any = true;
    for (const r of ['cpu', 'memory']) {
      if (lim[r] === undefined || (req[r] !== undefined && String(req[r]) !== String(lim[r]))) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** Fields of a PodSpec an update may change (ValidatePodUpdate): masked before comparing. */
function maskMutable(spec: Obj | undefined, old: Obj | undefined): Obj {
  const s = clone(spec ?? {});
  const o = old ?? {};
  s.containers = ((s.containers ?? []) as Obj[]).map((c, i) => ({ ...c, image: o.containers?.[i]?.image }));
  if (s.initContainers) s.initContainers = (s.initContainers as Obj[]).map((c, i) => ({ ...c, image: o.initContainers?.[i]?.image }));
  s.activeDeadlineSeconds = o.activeDeadlineSeconds;
  // Only additions to tolerations: the old ones must still be there, in order.
  const oldTol = (o.tolerations ?? []) as Obj[];
  const newTol = (s.tolerations ?? []) as Obj[];
  if (oldTol.every((t, i) => jsonEqual(t, newTol[i]))) s.tolerations = o.tolerations;
  if (s.terminationGracePeriodSeconds === 1 && (o.terminationGracePeriodSeconds ?? 0) < 0) s.terminationGracePeriodSeconds = o.terminationGracePeriodSeconds;
  // The simulator's scheduler binds pods by setting spec.nodeName once (the real one uses pods/binding).
  if (!o.nodeName && s.nodeName) s.nodeName = o.nodeName;
  return s;
}

function sortedJSON(v: unknown): string {
  return JSON.stringify(v, (_k, value) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.keys(value).filter((k) => value[k] !== undefined).sort().map((k) => [k, value[k]]))
      : value,
  );
}

const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** A short go-cmp-like diff of the top-level PodSpec fields that changed (the real one diffs the whole struct). */
function specDiff(oldSpec: Obj, newSpec: Obj): string {
  const keys = [...new Set([...Object.keys(oldSpec), ...Object.keys(newSpec)])].sort();
  const lines = ['  core.PodSpec{'];
  for (const k of keys) {
    const a = sortedJSON(oldSpec[k]);
    const b = sortedJSON(newSpec[k]);
    if (a === b) continue;
    const field = k.charAt(0).toUpperCase() + k.slice(1);
    if (oldSpec[k] !== undefined) lines.push(`- \t${field}: ${a},`);
    if (newSpec[k] !== undefined) lines.push(`+ \t${field}: ${b},`);
  }
  lines.push('  }');
  return lines.join('\n') + '\n';
}

export const podStrategy: KindStrategy = {
  hasGeneration: true,
  hasStatusSubresource: true,

  defaults(obj) {
    obj.spec ??= {};
    setDefaultsPodSpec(obj.spec, true);
  },

  admit(obj, ctx) {
    const spec: Obj = obj.spec;
    admitServiceAccount(obj, ctx);
    admitTolerations(obj);
    // Priority admission: the two built-in classes (scheduling.k8s.io SystemPriorityClasses).
    if (!spec.priorityClassName) spec.priority ??= 0;
    else if (SYSTEM_PRIORITIES[spec.priorityClassName] !== undefined) spec.priority ??= SYSTEM_PRIORITIES[spec.priorityClassName];
    spec.preemptionPolicy ??= 'PreemptLowerPriority';
    // The new token volume and mounts need the container defaults too.
    setDefaultsPodSpec(spec, true);
  },

  prepareForCreate(obj) {
    obj.status = { phase: 'Pending', qosClass: qosClass(obj.spec ?? {}) };
  },

  validate(obj, ctx) {
    const name = obj.metadata.name ?? '';
    if (name.includes('.')) {
      const msgs = isDNS1123Label(name);
      if (msgs.length > 0) {
        ctx.warn(`metadata.name: this is used in the Pod's hostname, which can result in surprising behavior; a DNS label is recommended: [${msgs.join(', ')}]`);
      }
    }
    return validatePodSpec(obj.spec, 'spec');
  },

  validateUpdate(obj, old) {
    const errs: FieldError[] = [];
    const masked = maskMutable(obj.spec, old.spec);
    if (!jsonEqual(masked, old.spec ?? {})) {
      errs.push(fieldErrors.forbidden('spec', `${POD_UPDATE_FORBIDDEN}\n${specDiff(old.spec ?? {}, masked)}`));
      return errs;
    }
    return validatePodSpec(obj.spec, 'spec');
  },

  generationChanged(obj, old) {
    // Binding a pod to a node (pods/binding in the real server) does not count as a spec change.
    const spec = { ...(obj.spec ?? {}) };
    if (!old.spec?.nodeName) delete spec.nodeName;
    const oldSpec = { ...(old.spec ?? {}) };
    return !jsonEqual(spec, oldSpec);
  },

  gracePeriod(obj, requested) {
    // CheckGracefulDelete: unscheduled or finished pods go at once.
    const spec: Obj = obj.spec ?? {};
    const phase = obj.status?.phase;
    if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
    const grace = requested ?? spec.terminationGracePeriodSeconds ?? 30;
    return grace < 0 ? 1 : grace;
  },
};
