/**
 * kubectl rollout (pkg/cmd/rollout) for Deployments: `status` (watch until the rollout is done,
 * DeploymentStatusViewer's messages), `restart` (the restartedAt template annotation), `pause`
 * and `resume` (spec.paused, polymorphichelpers' ObjectPauser/ObjectResumer),
 * `history` (revisions from the ReplicaSets the Deployment owns) and `undo` (the template of the
 * previous or a given revision, DeploymentRollbacker).
 */
import { ApiError } from '../../cluster/api/errors.ts';
import { resourceKey, type ResourceInfo } from '../../cluster/api/resources.ts';
import type { KubeObject } from '../../cluster/api/types.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { waitFor } from '../context.ts';
import { AggregateError, KubectlError } from '../errors.ts';
import { kindPrefix } from '../mapper.ts';
import { checkObjectOutput, objectOutput } from '../object-output.ts';
import { parseResourceArgs } from '../resource-args.ts';
import { DESCRIBE, tabify } from '../tabwriter.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const REVISION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';
/** rollback.go annotationsToSkip: kept from the Deployment, not copied from the ReplicaSet. */
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

interface Target {
  info: ResourceInfo;
  name: string;
  namespace: string | undefined;
}

function targets(inv: Invocation): Target[] {
  const { ctx, flags } = inv;
  if (flags.args.length === 0) throw new KubectlError('required resource not specified');
  const out: Target[] = [];
  for (const req of parseResourceArgs(ctx.api, flags.args)) {
    if (req.names.length === 0) throw new KubectlError('resource(s) were provided, but no name was specified');
    for (const name of req.names) out.push({ info: req.info, name, namespace: req.info.namespaced ? inv.namespace : undefined });
  }
  return out;
}

function groupKind(info: ResourceInfo): string {
  return info.group ? `${info.kind}.${info.group}` : info.kind;
}

function isDeployment(info: ResourceInfo): boolean {
  return info.kind === 'Deployment' && info.group === 'apps';
}

/** DeploymentStatusViewer.Status: the message and whether the rollout is done. */
export function deploymentStatus(d: Obj): { message: string; done: boolean } {
  const name = d.metadata?.name ?? '';
  const status = d.status ?? {};
  if ((d.metadata?.generation ?? 0) > (status.observedGeneration ?? 0)) return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
  const progressing = (status.conditions ?? []).find((c: Obj) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') throw new KubectlError(`deployment "${name}" exceeded its progress deadline`);
  const replicas = d.spec?.replicas ?? 1;
  const updated = status.updatedReplicas ?? 0;
  if (updated < replicas) return { message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false };
  if ((status.replicas ?? 0) > updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${(status.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
  if ((status.availableReplicas ?? 0) < updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${status.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
  return { message: `deployment "${name}" successfully rolled out\n`, done: true };
}

/** Go's time.Format(time.RFC3339) in UTC. */
function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

async function runStatus(inv: Invocation): Promise<number> {
  const { ctx, io, flags } = inv;
  const list = targets(inv);
  const watch = flags.bool('watch');
  const timeout = parseDuration(flags.string('timeout'));
  for (const t of list) {
    const key = resourceKey(t.info);
    const first = ctx.api.get(key, t.namespace, t.name).object;
    if (!isDeployment(t.info)) throw new KubectlError(`no status viewer has been implemented for ${groupKind(t.info)}`);
    // UntilWithSync: the initial list is an ADDED event, then every change of the object.
    let done = false;
    let failure: unknown;
    const see = (obj: Obj) => {
      if (done || failure) return;
      try {
        const s = deploymentStatus(obj);
        io.stdout(s.message);
        if (s.done || !watch) done = true;
      } catch (e) {
        failure = e;
      }
    };
    see(first);
    if (!done && !failure) {
      const stop = ctx.api.watch(key, t.namespace, (e) => {
        if (e.object.metadata.name !== t.name) return;
        if (e.type === 'DELETED') failure ??= new KubectlError('object has been deleted');
        else see(e.object);
      });
      try {
        const ok = await waitFor(ctx, () => done || failure !== undefined, timeout, io.signal);
        if (!ok && !io.signal.aborted) failure ??= new KubectlError('timed out waiting for the condition');
        if (io.signal.aborted && !done && !failure) return 130;
      } finally {
        stop();
      }
    }
    if (failure) throw failure;
  }
  return 0;
}

/** A Go duration as --timeout takes it; 0 means no limit. */
function parseDuration(s: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(s);
  if (!m) throw new KubectlError(`invalid argument "${s}" for "--timeout" flag: time: invalid duration "${s}"`);
  const n = Number(m[1]) * ({ ms: 1, s: 1000, m: 60000, h: 3600000 }[m[2] ?? 's'] ?? 1000);
  return n === 0 ? Number.POSITIVE_INFINITY : n;
}

async function runRestart(inv: Invocation): Promise<number> {
  const { ctx, io, flags } = inv;
  const output = flags.string('output');
  checkObjectOutput(output);
  const errors: unknown[] = [];
  for (const t of targets(inv)) {
    const key = resourceKey(t.info);
    const current = ctx.api.get(key, t.namespace, t.name).object as Obj;
    const resourceString = t.info.group ? `${t.info.resource}.${t.info.group}` : t.info.resource;
    if (!isDeployment(t.info)) {
      errors.push(new KubectlError(`error: ${resourceString} "${t.name}" restarting is not supported`));
      continue;
    }
    if (current.spec?.paused) {
      errors.push(new KubectlError(`error: ${resourceString} "${t.name}" can't restart paused deployment (run rollout resume first)`));
      continue;
    }
    const stamp = rfc3339(ctx.now());
    if (current.spec?.template?.metadata?.annotations?.[RESTARTED_AT] === stamp) {
      errors.push(new KubectlError(`failed to create patch for ${t.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`));
      continue;
    }
    const patch = { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: stamp } } } } };
    try {
      const res = ctx.api.patch(key, t.namespace, t.name, 'strategic', patch);
      inv.warn(res.warnings);
      io.stdout(objectOutput({ info: t.info, name: t.name, object: res.object, typed: false }, 'restarted', 'none', output));
    } catch (e) {
      if (e instanceof ApiError) inv.warn(e.warnings);
      errors.push(new KubectlError(`failed to patch: ${e instanceof Error ? e.message : String(e)}`));
    }
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}

/**
 * `rollout pause` / `rollout resume`: set spec.paused through a strategic merge patch; a type
 * without names means every object of it (the builder's ResourceTypeOrNameArgs).
 */
function pauseOrResume(paused: boolean) {
  return async (inv: Invocation): Promise<number> => {
    const { ctx, io, flags } = inv;
    const output = flags.string('output');
    checkObjectOutput(output);
    if (flags.args.length === 0) throw new KubectlError('required resource not specified');
    const errors: unknown[] = [];
    for (const req of parseResourceArgs(ctx.api, flags.args)) {
      const key = resourceKey(req.info);
      const ns = req.info.namespaced ? inv.namespace : undefined;
      let names = req.names;
      if (names.length === 0) {
        try {
          const res = ctx.api.list(key, ns, { labelSelector: flags.string('selector') });
          inv.warn(res.warnings);
          names = res.object.items.map((o) => o.metadata.name ?? '');
        } catch (e) {
          errors.push(e);
          continue;
        }
      }
      for (const name of names) {
        const resourceString = req.info.group ? `${req.info.resource}.${req.info.group}` : req.info.resource;
        try {
          const current = ctx.api.get(key, ns, name).object as Obj;
          if (!isDeployment(req.info)) {
            errors.push(new KubectlError(`error: ${resourceString} "${name}" ${paused ? 'pausing' : 'resuming'} is not supported`));
            continue;
          }
          if (!!current.spec?.paused === paused) {
            errors.push(new KubectlError(`error: ${resourceString} "${name}" ${paused ? 'is already paused' : 'is not paused'}`));
            continue;
          }
          const res = ctx.api.patch(key, ns, name, 'strategic', { spec: { paused: paused ? true : null } });
          inv.warn(res.warnings);
          io.stdout(objectOutput({ info: req.info, name, object: res.object, typed: false }, paused ? 'paused' : 'resumed', 'none', output));
        } catch (e) {
          if (e instanceof ApiError) inv.warn(e.warnings);
          errors.push(e);
        }
      }
    }
    if (errors.length > 0) throw new AggregateError(errors);
    return 0;
  };
}

/** The ReplicaSets a Deployment controls (its controller owner reference). */
function ownedReplicaSets(inv: Invocation, d: KubeObject): KubeObject[] {
  return inv.ctx.api
    .list('replicasets.apps', d.metadata.namespace)
    .object.items.filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
}

function revisionOf(rs: KubeObject): number | undefined {
  const v = rs.metadata.annotations?.[REVISION];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

async function runHistory(inv: Invocation): Promise<number> {
  const { ctx, io } = inv;
  for (const t of targets(inv)) {
    const d = ctx.api.get(resourceKey(t.info), t.namespace, t.name).object;
    if (!isDeployment(t.info)) throw new KubectlError(`no history viewer has been implemented for ${groupKind(t.info)}`);
    const history = new Map<number, string>();
    for (const rs of ownedReplicaSets(inv, d)) {
      const r = revisionOf(rs);
      if (r !== undefined) history.set(r, rs.metadata.annotations?.[CHANGE_CAUSE] ?? '');
    }
    let table = 'REVISION\tCHANGE-CAUSE\n';
    for (const r of [...history.keys()].sort((a, b) => a - b)) table += `${r}\t${history.get(r) || '<none>'}\n`;
    const body = history.size === 0 ? 'No rollout history found.' : tabify(table, DESCRIBE);
    io.stdout(`${kindPrefix(t.info)}/${t.name} \n${body}\n`);
  }
  return 0;
}

async function runUndo(inv: Invocation): Promise<number> {
  const { ctx, io, flags } = inv;
  const toRevision = flags.int('to-revision');
  const errors: unknown[] = [];
  for (const t of targets(inv)) {
    try {
      const key = resourceKey(t.info);
      const d = ctx.api.get(key, t.namespace, t.name).object as Obj;
      if (!isDeployment(t.info)) throw new KubectlError(`no rollbacker has been implemented for ${groupKind(t.info)}`);
      if (toRevision < 0) throw new KubectlError(`unable to find specified revision ${toRevision} in history`);
      const target = rollbackTarget(inv, d as KubeObject, toRevision);
      if (d.spec?.paused) throw new KubectlError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
      const template = JSON.parse(JSON.stringify(target.spec?.template ?? {}));
      if (sameIgnoringHash(template, d.spec?.template)) {
        io.stdout(`${kindPrefix(t.info)}/${t.name} skipped rollback (current template already matches revision ${toRevision})\n`);
        continue;
      }
      if (template.metadata?.labels) delete template.metadata.labels['pod-template-hash'];
      const annotations: Record<string, string> = {};
      for (const [k, v] of Object.entries((d.metadata?.annotations ?? {}) as Record<string, string>)) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
      for (const [k, v] of Object.entries(target.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
      const patch = [
        { op: 'replace', path: '/spec/template', value: template },
        { op: 'replace', path: '/metadata/annotations', value: annotations },
      ];
      try {
        const res = ctx.api.patch(key, t.namespace, t.name, 'json', patch);
        inv.warn(res.warnings);
      } catch (e) {
        throw new KubectlError(`failed restoring revision ${toRevision}: ${e instanceof Error ? e.message : String(e)}`);
      }
      io.stdout(`${kindPrefix(t.info)}/${t.name} rolled back\n`);
    } catch (e) {
      if (e instanceof ApiError) inv.warn(e.warnings);
      errors.push(e);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}

/** deploymentRevision: the ReplicaSet of `toRevision`, or of the revision before the latest. */
function rollbackTarget(inv: Invocation, d: KubeObject, toRevision: number): KubeObject {
  let latest: { rev: number; rs?: KubeObject } = { rev: -1 };
  let previous: { rev: number; rs?: KubeObject } = { rev: -1 };
  for (const rs of ownedReplicaSets(inv, d)) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    if (toRevision === 0) {
      if (latest.rev < v) {
        previous = latest;
        latest = { rev: v, rs };
      } else if (previous.rev < v) previous = { rev: v, rs };
    } else if (v === toRevision) return rs;
  }
  if (toRevision > 0) throw new KubectlError(`unable to find specified revision ${toRevision} in history`);
  if (!previous.rs) throw new KubectlError(`no rollout history found for deployment "${d.metadata.name}"`);
  return previous.rs;
}

function sameIgnoringHash(a: Obj, b: Obj | undefined): boolean {
  const strip = (t: Obj | undefined) => {
    const c = JSON.parse(JSON.stringify(t ?? {}));
    if (c.metadata?.labels) delete c.metadata.labels['pod-template-hash'];
    return JSON.stringify(sortDeep(c));
  };
  return strip(a) === strip(b);
}

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortDeep((v as Obj)[k])]));
  return v;
}

const OUTPUT = { name: 'output', shorthand: 'o', type: 'string' as const, usage: 'Output format.' };

export const rolloutCommand: KubectlCommand = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  usage: 'kubectl rollout SUBCOMMAND [options]',
  flags: [],
  subcommands: [
    {
      name: 'history',
      short: 'View rollout history',
      usage: 'kubectl rollout history (TYPE NAME | TYPE/NAME) [flags] [options]',
      flags: [],
      run: runHistory,
    },
    {
      name: 'pause',
      short: 'Mark the provided resource as paused',
      usage: 'kubectl rollout pause RESOURCE [options]',
      flags: [OUTPUT, { name: 'selector', shorthand: 'l', type: 'string', usage: 'Selector (label query) to filter on.' }],
      run: pauseOrResume(true),
    },
    {
      name: 'restart',
      short: 'Restart a resource',
      usage: 'kubectl rollout restart RESOURCE [options]',
      flags: [OUTPUT],
      run: runRestart,
    },
    {
      name: 'resume',
      short: 'Resume a paused resource',
      usage: 'kubectl rollout resume RESOURCE [options]',
      flags: [OUTPUT, { name: 'selector', shorthand: 'l', type: 'string', usage: 'Selector (label query) to filter on.' }],
      run: pauseOrResume(false),
    },
    {
      name: 'status',
      short: 'Show the status of the rollout',
      usage: 'kubectl rollout status (TYPE NAME | TYPE/NAME) [flags] [options]',
      flags: [
        { name: 'revision', type: 'int', usage: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).' },
        { name: 'timeout', type: 'duration', default: '0s', usage: 'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).' },
        { name: 'watch', shorthand: 'w', type: 'bool', default: true, usage: 'Watch the status of the rollout until it\'s done.' },
      ],
      run: runStatus,
    },
    {
      name: 'undo',
      short: 'Undo a previous rollout',
      usage: 'kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]',
      flags: [{ name: 'to-revision', type: 'int', usage: 'The revision to rollback to. Default to 0 (last revision).' }],
      run: runUndo,
    },
  ],
};
