/**
 * What `kubectl set image|env` share (pkg/cmd/set, polymorphichelpers.UpdatePodSpecForObject):
 * the objects named by the arguments, the pod spec inside each (a Pod's own, a controller's
 * template), and writing a change back as the two-way strategic merge patch kubectl computes
 * (nothing is sent, and nothing printed, when the change is empty).
 */
import { ApiError } from '../cluster/api/errors.ts';
import { resourceKey, type ResourceInfo } from '../cluster/api/resources.ts';
import type { KubeObject } from '../cluster/api/types.ts';
import { goJSONCompact } from './apply/last-applied.ts';
import { podSpecPath } from './apply/patch-meta.ts';
import { threeWayMergePatch } from './apply/three-way.ts';
import type { Invocation } from './command.ts';
import { AggregateError, KubectlError } from './errors.ts';
import { objectOutput } from './object-output.ts';
import { parseResourceArgs } from './resource-args.ts';
import type { DryRun } from './write-options.ts';

type Obj = Record<string, unknown>;

export interface PodSpecTarget {
  info: ResourceInfo;
  name: string;
  namespace: string | undefined;
}

/** The objects the resource arguments name; a type alone needs --all (every object of it). */
export function podSpecTargets(inv: Invocation, resources: readonly string[]): PodSpecTarget[] {
  const { ctx, flags } = inv;
  const out: PodSpecTarget[] = [];
  for (const req of parseResourceArgs(ctx.api, resources)) {
    const ns = req.info.namespaced ? inv.namespace : undefined;
    if (req.names.length === 0 && !flags.bool('all')) throw new KubectlError('resource(s) were provided, but no name was specified');
    const names = req.names.length > 0 ? req.names : ctx.api.list(resourceKey(req.info), ns).object.items.map((o) => o.metadata.name ?? '');
    for (const name of names) out.push({ info: req.info, name, namespace: ns });
  }
  return out;
}

/** The pod spec inside `obj` (changed in place by the caller), or the error kubectl gives. */
export function podSpecIn(t: PodSpecTarget, obj: KubeObject): Obj {
  const path = podSpecPath(t.info.kind);
  let cur: unknown = obj;
  for (const key of path?.split('.') ?? []) cur = (cur as Obj | undefined)?.[key];
  if (!path || !cur || typeof cur !== 'object') {
    throw new KubectlError(`${t.info.resource}/${t.name} the object is not a pod or does not have a pod template: *${t.info.version}.${t.info.kind}`);
  }
  return cur as Obj;
}

/** The containers `selector` (a glob, `*` by default) picks from `list` (path.Match). */
export function selectContainers(list: unknown, selector: string): Obj[] {
  const re = new RegExp(`^${selector.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return ((list as Obj[] | undefined) ?? []).filter((c) => re.test(String(c.name)));
}

/**
 * Send the change from `before` to `after` as a strategic merge patch and print the operation
 * line; an empty patch sends and prints nothing (`set image` to the image already there).
 */
export function patchPodSpecChange(
  inv: Invocation,
  t: PodSpecTarget,
  before: KubeObject,
  after: KubeObject,
  operation: string,
  dryRun: DryRun,
  output: string,
): void {
  const patch = threeWayMergePatch(t.info.kind, before as Obj, after as Obj, before as Obj);
  if (goJSONCompact(patch) === '{}') return;
  if (dryRun === 'client') {
    inv.io.stdout(objectOutput({ info: t.info, name: t.name, object: after, typed: false }, operation, dryRun, output));
    return;
  }
  try {
    const res = inv.ctx.api.patch(resourceKey(t.info), t.namespace, t.name, 'strategic', patch, { dryRun: dryRun === 'server' });
    inv.warn(res.warnings);
    inv.io.stdout(objectOutput({ info: t.info, name: t.name, object: res.object, typed: false }, operation, dryRun, output));
  } catch (e) {
    if (e instanceof ApiError) inv.warn(e.warnings);
    throw e;
  }
}

/**
 * The visitor loop of set image|env: for each target, the object as the server has it and a copy
 * whose pod spec `change` edits (then sends, or not); errors are collected and raised together at
 * the end, as kubectl's visitor aggregates them. `change` may return more errors of its own.
 */
export function changeEachPodSpec(
  inv: Invocation,
  resources: readonly string[],
  change: (t: PodSpecTarget, before: KubeObject, after: KubeObject, spec: Obj) => unknown[] | void,
): void {
  const errors: unknown[] = [];
  for (const t of podSpecTargets(inv, resources)) {
    try {
      const before = inv.ctx.api.get(resourceKey(t.info), t.namespace, t.name).object;
      const after = JSON.parse(JSON.stringify(before)) as KubeObject;
      errors.push(...(change(t, before, after, podSpecIn(t, after)) ?? []));
    } catch (e) {
      if (e instanceof ApiError) inv.warn(e.warnings);
      errors.push(e);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors);
}
