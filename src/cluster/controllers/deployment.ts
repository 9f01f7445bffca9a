/**
 * The Deployment controller (pkg/controller/deployment): one ReplicaSet per pod template, named
 * `<deployment>-<pod-template-hash>`, rolled with RollingUpdate (maxSurge / maxUnavailable,
 * default 25 % each) or Recreate; revision, desired-replicas and max-replicas annotations;
 * `ScalingReplicaSet` events; status and the Available / Progressing conditions with the
 * controller's reasons and messages (util/deployment_util.go, progress.go, sync.go).
 */
import type { WatchEvent } from '../api/apiserver.ts';
import { selectorFromLabelSelector } from '../api/labels.ts';
import type { KubeObject } from '../api/types.ts';
import { clone, jsonEqual } from '../api/types.ts';
import type { Clock } from '../clock.ts';
import { byCreation, controllerOf, nsName, scaledIntOrPercent, splitKey, tolerate, type ControllerContext } from './context.ts';
import type { Controller } from './manager.ts';

const COMPONENT = 'deployment-controller';
const REVISION = 'deployment.kubernetes.io/revision';
const DESIRED = 'deployment.kubernetes.io/desired-replicas';
const MAX = 'deployment.kubernetes.io/max-replicas';
const HASH_LABEL = 'pod-template-hash';
/** Annotations not copied from a Deployment to its ReplicaSets (skipCopyAnnotation). */
const SKIP_COPY = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  'deployment.kubernetes.io/revision-history',
  DESIRED,
  MAX,
]);

interface Condition {
  type: string;
  status: 'True' | 'False';
  lastUpdateTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export class DeploymentController implements Controller {
  readonly name = COMPONENT;
  private readonly dirty = new Set<string>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly clock: Clock,
  ) {}

  observe(e: WatchEvent): void {
    if (e.resource === 'deployments.apps') {
      if (e.type !== 'DELETED') this.dirty.add(nsName(e.object));
    } else if (e.resource === 'replicasets.apps') {
      const ref = controllerOf(e.object);
      if (ref?.kind === 'Deployment') this.dirty.add(`${e.object.metadata.namespace}/${ref.name}`);
    }
  }

  sync(): boolean {
    if (this.dirty.size === 0) return false;
    const keys = [...this.dirty];
    this.dirty.clear();
    for (const k of keys) this.syncDeployment(k);
    return true;
  }

  private syncDeployment(key: string): void {
    const [ns, name] = splitKey(key);
    let d = this.ctx.cache.get('deployments.apps', ns, name);
    if (!d || d.metadata.deletionTimestamp) return;
    const selector = selectorFromLabelSelector(d.spec?.selector);
    if (selector.isEmpty()) return;
    const uid = d.metadata.uid!;
    const owned = () => this.ctx.cache.list('replicasets.apps', ns).filter((rs) => controllerOf(rs)?.uid === uid);
    let all = owned();
    const templateKey = canonicalTemplate(d.spec.template);
    let newRS = all.find((rs) => canonicalTemplate(rs.spec?.template, true) === templateKey);
    const olds = () => all.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid);
    const maxOldRevision = Math.max(0, ...olds().map(revisionOf));

    if (!d.spec.paused) {
      if (!newRS) {
        newRS = this.createNewRS(d, maxOldRevision + 1, all);
        d = this.ctx.cache.get('deployments.apps', ns, name)!;
        if (!newRS) return;
        all = owned();
      } else if (revisionOf(newRS) <= maxOldRevision) {
        // A rollback to an older template: that ReplicaSet becomes the newest revision.
        newRS = this.annotate(newRS, { [REVISION]: String(maxOldRevision + 1) }) ?? newRS;
        all = owned();
      }
      if (d.metadata.annotations?.[REVISION] !== newRS.metadata.annotations?.[REVISION]) {
        const copy = clone(d);
        copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), [REVISION]: newRS.metadata.annotations?.[REVISION] ?? '1' };
        d = tolerate(() => this.ctx.api.update('deployments.apps', ns, copy).object) ?? d;
      }
      if (!d.status?.conditions?.some((c: Condition) => c.type === 'Progressing')) {
        d = this.setConditions(d, [this.condition(d, 'Progressing', 'True', 'FoundNewReplicaSet', `Found new replica set "${newRS.metadata.name}"`)]);
      }
      const strategy = d.spec.strategy?.type ?? 'RollingUpdate';
      if (strategy === 'Recreate') this.recreate(d, newRS, olds());
      else this.rollingUpdate(d, newRS, olds());
    }
    d = this.ctx.cache.get('deployments.apps', ns, name);
    if (!d || d.metadata.uid !== uid) return;
    all = owned();
    newRS = all.find((rs) => canonicalTemplate(rs.spec?.template, true) === templateKey);
    this.updateStatus(d, newRS, all);
  }

  private createNewRS(d: KubeObject, revision: number, existing: KubeObject[]): KubeObject | undefined {
    const ns = d.metadata.namespace!;
    const collisionCount: number | undefined = d.status?.collisionCount;
    const hash = computeHash(d.spec.template, collisionCount);
    const name = `${d.metadata.name}-${hash}`;
    const template = clone(d.spec.template);
    template.metadata ??= {};
    template.metadata.labels = { ...(template.metadata.labels ?? {}), [HASH_LABEL]: hash };
    const selector = clone(d.spec.selector);
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [HASH_LABEL]: hash };
    const replicas = d.spec.replicas ?? 1;
    const { maxSurge } = resolveFenceposts(d);
    const strategy = d.spec.strategy?.type ?? 'RollingUpdate';
    // NewRSNewReplicas: as many as the surge allows on top of the pods that exist.
    let initial = replicas;
    if (strategy === 'RollingUpdate') {
      const current = existing.reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0);
      initial = Math.max(0, Math.min(replicas + maxSurge - current, replicas));
    } else if (existing.some((rs) => (rs.spec?.replicas ?? 0) > 0 || (rs.status?.replicas ?? 0) > 0)) {
      initial = 0;
    }
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (!SKIP_COPY.has(k)) annotations[k] = v;
    annotations[DESIRED] = String(replicas);
    annotations[MAX] = String(replicas + maxSurge);
    annotations[REVISION] = String(revision);
    const body: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name,
        namespace: ns,
        labels: { ...(template.metadata.labels ?? {}) },
        annotations,
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name!, uid: d.metadata.uid!, controller: true, blockOwnerDeletion: true }],
      },
      spec: { replicas: 0, minReadySeconds: d.spec.minReadySeconds ?? 0, selector, template },
    };
    if (!body.spec.minReadySeconds) delete body.spec.minReadySeconds;
    body.spec.replicas = initial;
    const created = tolerate(() => this.ctx.api.create('replicasets.apps', ns, body).object);
    if (!created) {
      // A name collision: bump collisionCount so the next hash differs (as the real controller does).
      const copy = clone(d);
      copy.status = { ...(copy.status ?? {}), collisionCount: (collisionCount ?? 0) + 1 };
      tolerate(() => this.ctx.api.update('deployments.apps', ns, copy, { subresource: 'status' }));
      return undefined;
    }
    if (initial > 0) this.event(d, `Scaled up replica set ${name} from 0 to ${initial}`);
    const fresh = this.ctx.cache.get('deployments.apps', ns, d.metadata.name!) ?? d;
    this.setConditions(fresh, [this.condition(fresh, 'Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${name}"`)]);
    return created;
  }

  private rollingUpdate(d: KubeObject, newRS: KubeObject, olds: KubeObject[]): void {
    const replicas = d.spec.replicas ?? 1;
    const { maxSurge, maxUnavailable } = resolveFenceposts(d);
    const specOf = (rs: KubeObject) => rs.spec?.replicas ?? 0;
    // reconcileNewReplicaSet
    const all = () => [newRS, ...olds];
    if (specOf(newRS) > replicas) {
      newRS = this.scale(d, newRS, replicas);
    } else if (specOf(newRS) < replicas) {
      const current = all().reduce((n, rs) => n + specOf(rs), 0);
      const maxTotal = replicas + maxSurge;
      if (current < maxTotal) {
        const up = Math.min(maxTotal - current, replicas - specOf(newRS));
        if (up > 0) newRS = this.scale(d, newRS, specOf(newRS) + up);
      }
    } else if (newRS.metadata.annotations?.[DESIRED] !== String(replicas)) {
      newRS = this.annotate(newRS, { [DESIRED]: String(replicas), [MAX]: String(replicas + maxSurge) }) ?? newRS;
    }
    // reconcileOldReplicaSets
    const live = olds.filter((rs) => specOf(rs) > 0).sort(byCreation);
    if (live.length === 0) return;
    const allPods = all().reduce((n, rs) => n + specOf(rs), 0);
    const minAvailable = replicas - maxUnavailable;
    const newUnavailable = specOf(newRS) - (newRS.status?.availableReplicas ?? 0);
    let maxScaledDown = allPods - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return;
    // cleanupUnhealthyReplicas: old pods that are not available go first.
    for (const rs of live) {
      if (maxScaledDown <= 0) break;
      const unhealthy = specOf(rs) - (rs.status?.availableReplicas ?? 0);
      const down = Math.min(maxScaledDown, unhealthy);
      if (down <= 0) continue;
      const scaled = this.scale(d, rs, specOf(rs) - down);
      maxScaledDown -= down;
      live[live.indexOf(rs)] = scaled;
    }
    // scaleDownOldReplicaSetsForRollingUpdate
    const available = all().reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);
    let total = available - minAvailable;
    for (const rs of live) {
      if (total <= 0) break;
      if (specOf(rs) === 0) continue;
      const down = Math.min(specOf(rs), total);
      this.scale(d, rs, specOf(rs) - down);
      total -= down;
    }
  }

  private recreate(d: KubeObject, newRS: KubeObject, olds: KubeObject[]): void {
    const replicas = d.spec.replicas ?? 1;
    let oldActive = false;
    for (const rs of olds) {
      if ((rs.spec?.replicas ?? 0) > 0) this.scale(d, rs, 0);
      if ((rs.status?.replicas ?? 0) > 0) oldActive = true;
    }
    if (oldActive) return;
    if ((newRS.spec?.replicas ?? 0) !== replicas) this.scale(d, newRS, replicas);
  }

  private scale(d: KubeObject, rs: KubeObject, to: number): KubeObject {
    const from = rs.spec?.replicas ?? 0;
    const replicas = d.spec.replicas ?? 1;
    const { maxSurge } = resolveFenceposts(d);
    const copy = clone(rs);
    copy.spec.replicas = to;
    copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), [DESIRED]: String(replicas), [MAX]: String(replicas + maxSurge) };
    const updated = tolerate(() => this.ctx.api.update('replicasets.apps', rs.metadata.namespace, copy).object);
    if (!updated) return rs;
    if (from !== to) this.event(d, `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} from ${from} to ${to}`);
    return this.ctx.cache.get('replicasets.apps', rs.metadata.namespace, rs.metadata.name!) ?? updated;
  }

  private annotate(rs: KubeObject, annotations: Record<string, string>): KubeObject | undefined {
    const copy = clone(rs);
    copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), ...annotations };
    return tolerate(() => this.ctx.api.update('replicasets.apps', rs.metadata.namespace, copy).object);
  }

  private updateStatus(d: KubeObject, newRS: KubeObject | undefined, all: KubeObject[]): void {
    const replicas = d.spec.replicas ?? 1;
    const { maxUnavailable } = resolveFenceposts(d);
    const sum = (f: (rs: KubeObject) => number) => all.reduce((n, rs) => n + f(rs), 0);
    const status: Record<string, unknown> = {};
    const statusReplicas = sum((rs) => rs.status?.replicas ?? 0);
    const updated = newRS?.status?.replicas ?? 0;
    const ready = sum((rs) => rs.status?.readyReplicas ?? 0);
    const available = sum((rs) => rs.status?.availableReplicas ?? 0);
    const unavailable = Math.max(0, replicas - available);
    status.observedGeneration = d.metadata.generation ?? 1;
    if (statusReplicas) status.replicas = statusReplicas;
    if (updated) status.updatedReplicas = updated;
    if (ready) status.readyReplicas = ready;
    if (available) status.availableReplicas = available;
    if (unavailable) status.unavailableReplicas = unavailable;
    if (d.status?.collisionCount) status.collisionCount = d.status.collisionCount;
    let conditions: Condition[] = clone((d.status?.conditions ?? []) as Condition[]);
    const set = (c: Condition) => {
      const cur = conditions.find((x) => x.type === c.type);
      if (cur && cur.status === c.status && cur.reason === c.reason) return;
      if (cur && cur.status === c.status) c.lastTransitionTime = cur.lastTransitionTime;
      conditions = [...conditions.filter((x) => x.type !== c.type), c];
    };
    if (available >= replicas - maxUnavailable) set(this.condition(d, 'Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'));
    else set(this.condition(d, 'Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'));
    // syncRolloutStatus
    const progressing = conditions.find((c) => c.type === 'Progressing');
    const complete = updated === replicas && available === replicas && statusReplicas === replicas;
    const alreadyComplete = statusReplicas === updated && progressing?.reason === 'NewReplicaSetAvailable';
    if (!alreadyComplete && newRS) {
      if (complete) {
        set(this.condition(d, 'Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${newRS.metadata.name}" has successfully progressed.`));
      } else {
        const old = d.status ?? {};
        const oldOlds = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
        const made =
          updated > (old.updatedReplicas ?? 0) ||
          statusReplicas - updated < oldOlds ||
          ready > (old.readyReplicas ?? 0) ||
          available > (old.availableReplicas ?? 0);
        if (made) {
          const c = this.condition(d, 'Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${newRS.metadata.name}" is progressing.`);
          if (progressing?.status === 'True') c.lastTransitionTime = progressing.lastTransitionTime;
          conditions = [...conditions.filter((x) => x.type !== 'Progressing'), c];
        }
      }
    }
    status.conditions = conditions;
    if (!jsonEqual(d.status ?? {}, status)) {
      const copy = clone(d);
      copy.status = status;
      tolerate(() => this.ctx.api.update('deployments.apps', d.metadata.namespace, copy, { subresource: 'status' }));
    }
  }

  private setConditions(d: KubeObject, conds: Condition[]): KubeObject {
    const copy = clone(d);
    copy.status ??= {};
    let conditions: Condition[] = copy.status.conditions ?? [];
    for (const c of conds) {
      const cur = conditions.find((x) => x.type === c.type);
      if (cur && cur.status === c.status && cur.reason === c.reason) continue;
      if (cur && cur.status === c.status) c.lastTransitionTime = cur.lastTransitionTime;
      conditions = [...conditions.filter((x) => x.type !== c.type), c];
    }
    copy.status.conditions = conditions;
    copy.status.observedGeneration ??= d.metadata.generation ?? 1;
    return tolerate(() => this.ctx.api.update('deployments.apps', d.metadata.namespace, copy, { subresource: 'status' }).object) ?? d;
  }

  private condition(d: KubeObject, type: string, status: 'True' | 'False', reason: string, message: string): Condition {
    void d;
    const now = this.clock.nowRFC3339();
    return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
  }

  private event(d: KubeObject, message: string): void {
    this.ctx.recorder.record(d, { component: COMPONENT }, 'Normal', 'ScalingReplicaSet', message);
  }
}

function revisionOf(rs: KubeObject): number {
  return Number(rs.metadata.annotations?.[REVISION] ?? 0) || 0;
}


/** The template as a stable string; for a ReplicaSet the pod-template-hash label is left out (EqualIgnoreHash). */
function canonicalTemplate(template: KubeObject['spec'] | undefined, dropHash = false): string {
  // Templates from the store are frozen: their text is computed once (each sync compares them all).
  const cache = dropHash ? templateTextsWithoutHash : templateTexts;
  const frozen = template !== null && typeof template === 'object' && Object.isFrozen(template);
  if (frozen) {
    const known = cache.get(template);
    if (known !== undefined) return known;
  }
  const text = templateText(template, dropHash);
  if (frozen) cache.set(template, text);
  return text;
}

const templateTexts = new WeakMap<object, string>();
const templateTextsWithoutHash = new WeakMap<object, string>();

function templateText(template: KubeObject['spec'] | undefined, dropHash: boolean): string {
  const t = clone(template ?? {});
  if (dropHash && t.metadata?.labels) {
    delete t.metadata.labels[HASH_LABEL];
    if (Object.keys(t.metadata.labels).length === 0) delete t.metadata.labels;
  }
  return canonical(t);
}

function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, value) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, value[k]]))
      : value,
  );
}


const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** rand.SafeEncodeString (apimachinery util/rand): each character c becomes alphanums[c % 27]. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

/**
 * controller.ComputeHash: FNV-32a of the template, then collisionCount, printed as a decimal
 * uint32 and SafeEncodeString-ed. Kubernetes hashes a Go spew dump of the struct, which cannot be
 * reproduced here; hashing canonical JSON gives a value of the same shape (1-10 characters of
 * `456789bcdf`), stable for a given template.
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  let h = 0x811c9dc5;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      // UTF-16 code unit fed as up to two bytes: enough for a stable hash.
      if (c > 0xff) {
        h ^= c >> 8;
        h = Math.imul(h, 0x01000193) >>> 0;
      }
      h ^= c & 0xff;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  };
  feed(canonical(template));
  if (collisionCount !== undefined) {
    for (let i = 0; i < 8; i++) {
      h ^= i < 4 ? (collisionCount >>> (8 * i)) & 0xff : 0;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return safeEncodeString(String(h >>> 0));
}

/** The rolling update's bounds: surge rounds up, unavailable rounds down; both 0 -> unavailable 1. */
export function resolveFenceposts(d: KubeObject): { maxSurge: number; maxUnavailable: number } {
  const replicas = d.spec?.replicas ?? 1;
  if ((d.spec?.strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return { maxSurge: 0, maxUnavailable: 0 };
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  const maxSurge = scaledIntOrPercent(ru.maxSurge ?? '25%', replicas, true);
  let maxUnavailable = scaledIntOrPercent(ru.maxUnavailable ?? '25%', replicas, false);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable: Math.min(maxUnavailable, replicas) };
}
