/**
 * What the container runtime (containerd) knows about running containers and the API does not
 * show: each container's process environment as it was fixed at start (the service variables of
 * pkg/kubelet/envvars included), start times, restart counts, and a few marker files a readiness
 * probe can test (`ls /var/ready`, Kubernetes in Action 5.5). The kubelet writes it; the pod
 * network (`kubectl exec POD -- env`) reads it through `RuntimeView`.
 */

export interface EnvVar {
  name: string;
  value: string;
}

export interface ContainerRecord {
  name: string;
  containerID?: string;
  /** ms since epoch of the current start. */
  startedAt?: number;
  restartCount: number;
  running: boolean;
  /** The process environment, in the order `env` prints it. */
  env: EnvVar[];
  files: Set<string>;
}

export interface PodRecord {
  uid: string;
  namespace: string;
  name: string;
  nodeName: string;
  ip?: string;
  containers: Map<string, ContainerRecord>;
}

/** Read access for the pod network and the shell (`kubectl exec`). */
export interface RuntimeView {
  /** The environment of a running container (the first container when `container` is omitted). */
  containerEnv(namespace: string, pod: string, container?: string): readonly EnvVar[] | undefined;
  /** Whether the container is running (exec is only possible then). */
  isRunning(namespace: string, pod: string, container?: string): boolean;
  containerStartedAt(namespace: string, pod: string, container?: string): number | undefined;
  restartCount(namespace: string, pod: string, container?: string): number;
  fileExists(namespace: string, pod: string, container: string | undefined, path: string): boolean;
  /** `touch FILE` / `rm FILE` in a container: what a readiness probe such as `ls /var/ready` looks at. */
  writeFile(namespace: string, pod: string, container: string | undefined, path: string): boolean;
  removeFile(namespace: string, pod: string, container: string | undefined, path: string): boolean;
  /**
   * The container's main process ended with `exitCode`: the program a client attached to
   * (`kubectl run -i`) returned. The kubelet then treats the container as exited.
   */
  endProcess(namespace: string, pod: string, container: string | undefined, exitCode: number): boolean;
}

export class ContainerRuntime implements RuntimeView {
  private readonly pods = new Map<string, PodRecord>();
  /** Called when a file changes, so the kubelet can re-run probes at once. */
  onFileChange?: (namespace: string, pod: string) => void;
  /** Set by the kubelet: a container's main process ended (endProcess). */
  onProcessExit?: (namespace: string, pod: string, container: string, exitCode: number) => void;

  record(namespace: string, name: string): PodRecord | undefined {
    return this.pods.get(`${namespace}/${name}`);
  }

  ensure(namespace: string, name: string, uid: string, nodeName: string): PodRecord {
    const key = `${namespace}/${name}`;
    let rec = this.pods.get(key);
    if (!rec || rec.uid !== uid) {
      rec = { uid, namespace, name, nodeName, containers: new Map() };
      this.pods.set(key, rec);
    }
    return rec;
  }

  forget(namespace: string, name: string, uid?: string): PodRecord | undefined {
    const key = `${namespace}/${name}`;
    const rec = this.pods.get(key);
    if (rec && (uid === undefined || rec.uid === uid)) {
      this.pods.delete(key);
      return rec;
    }
    return undefined;
  }

  all(): PodRecord[] {
    return [...this.pods.values()];
  }

  private container(namespace: string, pod: string, container?: string): ContainerRecord | undefined {
    const rec = this.pods.get(`${namespace}/${pod}`);
    if (!rec) return undefined;
    if (container === undefined) return rec.containers.values().next().value;
    return rec.containers.get(container);
  }

  containerEnv(namespace: string, pod: string, container?: string): readonly EnvVar[] | undefined {
    const c = this.container(namespace, pod, container);
    return c?.running ? c.env.map((e) => ({ ...e })) : undefined;
  }

  isRunning(namespace: string, pod: string, container?: string): boolean {
    return this.container(namespace, pod, container)?.running ?? false;
  }

  containerStartedAt(namespace: string, pod: string, container?: string): number | undefined {
    return this.container(namespace, pod, container)?.startedAt;
  }

  restartCount(namespace: string, pod: string, container?: string): number {
    return this.container(namespace, pod, container)?.restartCount ?? 0;
  }

  fileExists(namespace: string, pod: string, container: string | undefined, path: string): boolean {
    return this.container(namespace, pod, container)?.files.has(path) ?? false;
  }

  writeFile(namespace: string, pod: string, container: string | undefined, path: string): boolean {
    const c = this.container(namespace, pod, container);
    if (!c?.running) return false;
    if (!c.files.has(path)) {
      c.files.add(path);
      this.onFileChange?.(namespace, pod);
    }
    return true;
  }

  endProcess(namespace: string, pod: string, container: string | undefined, exitCode: number): boolean {
    const c = this.container(namespace, pod, container);
    if (!c?.running) return false;
    this.onProcessExit?.(namespace, pod, c.name, exitCode);
    return true;
  }

  removeFile(namespace: string, pod: string, container: string | undefined, path: string): boolean {
    const c = this.container(namespace, pod, container);
    if (!c?.running || !c.files.has(path)) return false;
    c.files.delete(path);
    this.onFileChange?.(namespace, pod);
    return true;
  }
}
