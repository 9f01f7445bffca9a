/**
 * Strategic-merge metadata (patchStrategy / patchMergeKey) of the fields kubectl apply diffs,
 * as the Go struct tags of k8s.io/api v0.33 declare them (kubectl reads them through
 * strategicpatch.NewPatchMetaFromStruct for built-in kinds). A field not listed is replaced as a
 * whole (lists) or merged key by key (maps), which is what the tags say for everything else.
 */
export interface PatchMeta {
  /** 'merge' for lists merged element by element; '' for replace (atomic). */
  strategy: '' | 'merge';
  /** The key identifying list elements (`name`, `port`); '' for lists of scalars. */
  mergeKey: string;
}

const POD_SPEC: Record<string, PatchMeta> = {
  containers: { strategy: 'merge', mergeKey: 'name' },
  initContainers: { strategy: 'merge', mergeKey: 'name' },
  ephemeralContainers: { strategy: 'merge', mergeKey: 'name' },
  volumes: { strategy: 'merge', mergeKey: 'name' },
  imagePullSecrets: { strategy: 'merge', mergeKey: 'name' },
  hostAliases: { strategy: 'merge', mergeKey: 'ip' },
};

const CONTAINER: Record<string, PatchMeta> = {
  ports: { strategy: 'merge', mergeKey: 'containerPort' },
  env: { strategy: 'merge', mergeKey: 'name' },
  volumeMounts: { strategy: 'merge', mergeKey: 'mountPath' },
  volumeDevices: { strategy: 'merge', mergeKey: 'devicePath' },
};

const METADATA: Record<string, PatchMeta> = {
  finalizers: { strategy: 'merge', mergeKey: '' },
  ownerReferences: { strategy: 'merge', mergeKey: 'uid' },
};

/** Where a pod template's spec sits, per kind. */
const POD_SPEC_PATHS: Record<string, string> = {
  Pod: 'spec',
  Deployment: 'spec.template.spec',
  ReplicaSet: 'spec.template.spec',
  ReplicationController: 'spec.template.spec',
  StatefulSet: 'spec.template.spec',
  DaemonSet: 'spec.template.spec',
  Job: 'spec.template.spec',
  PodTemplate: 'template.spec',
};

/** Where the pod spec sits in an object of `kind` (`spec.template.spec`), or undefined when it has none. */
export function podSpecPath(kind: string): string | undefined {
  return POD_SPEC_PATHS[kind];
}

/**
 * The metadata of the list at `path` (field names without indices, e.g.
 * `['spec', 'template', 'spec', 'containers', 'ports']`) in an object of `kind`.
 */
export function listPatchMeta(kind: string, path: readonly string[]): PatchMeta {
  const none: PatchMeta = { strategy: '', mergeKey: '' };
  const field = path[path.length - 1];
  const parent = path.slice(0, -1).join('.');
  if (parent === 'metadata' || /\.metadata$/.test(parent)) return METADATA[field] ?? none;
  if (kind === 'Service' && parent === 'spec' && field === 'ports') return { strategy: 'merge', mergeKey: 'port' };
  const podSpec = POD_SPEC_PATHS[kind];
  if (podSpec) {
    if (parent === podSpec) return POD_SPEC[field] ?? none;
    for (const c of ['containers', 'initContainers', 'ephemeralContainers']) {
      if (parent === `${podSpec}.${c}`) return CONTAINER[field] ?? none;
    }
  }
  return none;
}
