/**
 * The kubelets of every node, simulated by one object (pkg/kubelet): for each pod bound to a
 * node it creates the sandbox (pod IP from the node's podCIDR, allocated sequentially as
 * flannel's host-local IPAM does), pulls images (pkg/kubelet/images/image_manager.go), creates
 * and starts containers (kuberuntime_container.go), runs readiness probes (pkg/kubelet/prober),
 * restarts exited containers with back-off, and kills containers of pods being deleted, then
 * deletes the pod with grace period 0 (pkg/kubelet/status/status_manager.go).
 *
 * Status is written through the status subresource as generateAPIPodStatus builds it. All
 * delays run off the cluster clock. What the API does not show (environment, start times) is
 * kept in the ContainerRuntime.
 */
import type { WatchEvent } from '../api/apiserver.ts';
import type { Container, ContainerStatus, KubeObject, Pod, PodCondition, Service } from '../api/types.ts';
import { clone } from '../api/types.ts';
import type { Clock, TimerId } from '../clock.ts';
import type { Random } from '../random.ts';
import { nsName, splitKey, tolerate, type ControllerContext } from './context.ts';
import { defaultPullPolicy, resolveImage, type ResolvedImage } from './images.ts';
import type { Controller } from './manager.ts';
import type { ContainerRecord, ContainerRuntime, EnvVar, PodRecord } from './runtime.ts';
import { serviceEnvVars } from './envvars.ts';

/** Sandbox creation (CNI ADD) before the first image pull. */
const SANDBOX_MS = 500;
/** Image pull back-off and container restart back-off: 10 s doubling to 5 min (pkg/kubelet/kubelet.go). */
const BACKOFF_INITIAL_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;
/** Container creation and start when the image is already there. */
const CREATE_MS = 1000;
/** How long a SIGTERM-aware process takes to exit. */
const FAST_STOP_MS = 800;

type Phase = 'waiting' | 'running' | 'terminated';

interface ContainerWork {
  spec: Container;
  image: ResolvedImage;
  phase: Phase;
  waitingReason: string;
  waitingMessage?: string;
  /** Set once the image is present: status shows the resolved reference and imageID. */
  pulled: boolean;
  containerID?: string;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  ready: boolean;
  everStarted: boolean;
  restartCount: number;
  lastTerminated?: ContainerStatus['state'];
  pullBackoffMs: number;
  crashBackoffMs: number;
  probeFailures: number;
  probeSuccesses: number;
}

interface PodWork {
  uid: string;
  namespace: string;
  name: string;
  nodeName: string;
  startedAt: number;
  sandboxReadyAt?: number;
  containers: ContainerWork[];
  timers: Set<TimerId>;
  killing: boolean;
  finished: boolean;
}

export class Kubelets implements Controller {
  readonly name = 'kubelet';
  private readonly work = new Map<string, PodWork>();
  private readonly toStart = new Set<string>();
  private readonly toKill = new Set<string>();
  private readonly dirtyStatus = new Set<string>();
  /** node -> last allocated host index in its /24, and the IPs in use. */
  private readonly ipam = new Map<string, { last: number; used: Set<string> }>();
  /** node -> image references present. */
  private readonly images = new Map<string, Set<string>>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly clock: Clock,
    private readonly random: Random,
    readonly runtime: ContainerRuntime,
  ) {
    // An attached client's program (`kubectl run -i ... -- CMD`) is the container's process:
    // when it returns, the container exits with its code, as any main process would.
    runtime.onProcessExit = (namespace, name, container, exitCode) => {
      const w = this.work.get(`${namespace}/${name}`);
      const c = w?.containers.find((x) => x.spec.name === container);
      if (w && c && c.phase === 'running' && !w.killing) this.containerExited(w, c, exitCode);
    };
  }

  /** Images a node already holds (bootstrap: what kubeadm pulled). */
  preloadImage(node: string, ref: string): void {
    this.imagesOn(node).add(ref);
  }

  observe(e: WatchEvent): void {
    if (e.resource !== 'pods') return;
    const pod = e.object as Pod;
    const key = nsName(pod);
    if (e.type === 'DELETED') {
      this.cleanup(key, pod.metadata.uid!);
      return;
    }
    if (!pod.spec.nodeName) return;
    const w = this.work.get(key);
    if (w && w.uid !== pod.metadata.uid) this.cleanup(key, w.uid);
    if (!this.work.has(key) || this.work.get(key)!.uid !== pod.metadata.uid) {
      if (!pod.metadata.deletionTimestamp) this.toStart.add(key);
      else this.toKill.add(key);
    } else if (pod.metadata.deletionTimestamp && !this.work.get(key)!.killing) {
      this.toKill.add(key);
    }
  }

  sync(): boolean {
    if (this.toStart.size === 0 && this.toKill.size === 0 && this.dirtyStatus.size === 0) return false;
    const start = [...this.toStart];
    this.toStart.clear();
    for (const k of start) this.startPod(k);
    const kill = [...this.toKill];
    this.toKill.clear();
    for (const k of kill) this.killPod(k);
    const dirty = [...this.dirtyStatus];
    this.dirtyStatus.clear();
    for (const k of dirty) this.writeStatus(k);
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // Pod lifecycle

  private startPod(key: string): void {
    const [ns, name] = splitKey(key);
    const pod = this.ctx.cache.get<Pod>('pods', ns, name);
    if (!pod || !pod.spec.nodeName || pod.metadata.deletionTimestamp) return;
    const w: PodWork = {
      uid: pod.metadata.uid!,
      namespace: ns,
      name,
      nodeName: pod.spec.nodeName,
      startedAt: this.clock.now(),
      containers: pod.spec.containers.map((c) => ({
        spec: c,
        image: resolveImage(c.image ?? ''),
        phase: 'waiting',
        waitingReason: 'ContainerCreating',
        pulled: false,
        ready: false,
        everStarted: false,
        restartCount: 0,
        pullBackoffMs: BACKOFF_INITIAL_MS,
        crashBackoffMs: BACKOFF_INITIAL_MS,
        probeFailures: 0,
        probeSuccesses: 0,
      })),
      timers: new Set(),
      killing: false,
      finished: false,
    };
    this.work.set(key, w);
    this.runtime.ensure(ns, name, w.uid, w.nodeName);
    this.writeStatus(key);
    this.after(w, SANDBOX_MS, () => {
      const rec = this.runtime.ensure(ns, name, w.uid, w.nodeName);
      // A hostNetwork pod shares the node's network namespace: its IP is the node's.
      const hostNetwork = this.ctx.cache.get<Pod>('pods', ns, name)?.spec.hostNetwork === true;
      rec.ip = hostNetwork ? nodeInternalIP(this.ctx.cache.get('nodes', undefined, w.nodeName)) : this.allocateIP(w.nodeName);
      w.sandboxReadyAt = this.clock.now();
      this.writeStatus(key);
      this.startContainers(w, 0);
    });
  }

  /** Containers start one after another, as SyncPod's loop does; a failed pull does not stop the next one. */
  private startContainers(w: PodWork, index: number): void {
    if (index >= w.containers.length || w.killing) return;
    this.ensureImage(w, w.containers[index], () => this.startContainers(w, index + 1));
  }

  private ensureImage(w: PodWork, c: ContainerWork, next: () => void): void {
    const pod = this.currentPod(w);
    if (!pod) return;
    const fieldPath = `spec.containers{${c.spec.name}}`;
    const image = c.spec.image ?? '';
    const policy = (c.spec.imagePullPolicy as string | undefined) ?? defaultPullPolicy(image);
    const present = c.image.imageID !== undefined && this.imagesOn(w.nodeName).has(c.image.ref);
    if (present && policy !== 'Always') {
      this.event(w, 'Normal', 'Pulled', `Container image "${image}" already present on machine`, fieldPath);
      c.pulled = true;
      // Creating and starting the container takes containerd about a second.
      this.after(w, CREATE_MS, () => {
        this.createAndStart(w, c);
        next();
      });
      return;
    }
    if (policy === 'Never') {
      c.waitingReason = 'ErrImageNeverPull';
      c.waitingMessage = `Container image "${image}" is not present with pull policy of Never`;
      this.event(w, 'Warning', 'ErrImageNeverPull', c.waitingMessage, fieldPath);
      this.markDirty(w);
      next();
      return;
    }
    this.event(w, 'Normal', 'Pulling', `Pulling image "${image}"`, fieldPath);
    const duration = present ? 600 + this.random.int(600) : 1500 + this.random.int(2500);
    this.after(w, duration, () => {
      if (c.image.imageID === undefined) {
        const err = c.image.pullError!;
        this.event(w, 'Warning', 'Failed', `Failed to pull image "${image}": ${err}`, fieldPath);
        this.event(w, 'Warning', 'Failed', 'Error: ErrImagePull', fieldPath);
        c.waitingReason = 'ErrImagePull';
        c.waitingMessage = `Failed to pull image "${image}": ${err}`;
        this.markDirty(w);
        this.scheduleImageBackoff(w, c, err);
        next();
        return;
      }
      this.imagesOn(w.nodeName).add(c.image.ref);
      const d = formatGoDuration(duration);
      this.event(
        w,
        'Normal',
        'Pulled',
        `Successfully pulled image "${image}" in ${d} (${d} including waiting). Image size: ${c.image.behaviour!.sizeBytes} bytes.`,
        fieldPath,
      );
      c.pulled = true;
      this.createAndStart(w, c);
      next();
    });
  }

  private scheduleImageBackoff(w: PodWork, c: ContainerWork, err: string): void {
    const fieldPath = `spec.containers{${c.spec.name}}`;
    const image = c.spec.image ?? '';
    // The next sync (a second or so later) finds the image in back-off.
    this.after(w, 1000, () => {
      this.event(w, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, fieldPath);
      this.event(w, 'Warning', 'Failed', 'Error: ImagePullBackOff', fieldPath);
      c.waitingReason = 'ImagePullBackOff';
      c.waitingMessage = `Back-off pulling image "${image}": ErrImagePull: ${err}`;
      this.markDirty(w);
      const delay = c.pullBackoffMs;
      c.pullBackoffMs = Math.min(c.pullBackoffMs * 2, BACKOFF_MAX_MS);
      this.after(w, delay, () => this.ensureImage(w, c, () => {}));
    });
  }

  private createAndStart(w: PodWork, c: ContainerWork): void {
    const pod = this.currentPod(w);
    if (!pod || w.killing) return;
    const fieldPath = `spec.containers{${c.spec.name}}`;
    const rec = this.runtime.ensure(w.namespace, w.name, w.uid, w.nodeName);
    c.containerID = `containerd://${this.random.hex(64)}`;
    const env = this.processEnv(pod, c, rec);
    this.event(w, 'Normal', 'Created', `Created container: ${c.spec.name}`, fieldPath);
    this.event(w, 'Normal', 'Started', `Started container ${c.spec.name}`, fieldPath);
    c.phase = 'running';
    c.startedAt = this.clock.now();
    c.everStarted = true;
    c.waitingMessage = undefined;
    c.probeFailures = 0;
    c.probeSuccesses = 0;
    // A restarted container gets a fresh filesystem: marker files do not survive.
    const record: ContainerRecord = {
      name: c.spec.name,
      containerID: c.containerID,
      startedAt: c.startedAt,
      restartCount: c.restartCount,
      running: true,
      env,
      files: new Set(),
    };
    rec.containers.set(c.spec.name, record);
    const probe = c.spec.readinessProbe as ProbeSpec | undefined;
    c.ready = !probe;
    if (probe) this.scheduleProbe(w, c, probe, Math.max(0, probe.initialDelaySeconds ?? 0) * 1000);
    const runFor = runDuration(c);
    if (runFor !== undefined) {
      const startedAt = c.startedAt;
      this.after(w, runFor, () => {
        if (c.phase === 'running' && c.startedAt === startedAt) this.containerExited(w, c, 0);
      });
    }
    this.markDirty(w);
  }

  private containerExited(w: PodWork, c: ContainerWork, exitCode: number): void {
    c.phase = 'terminated';
    c.ready = false;
    c.exitCode = exitCode;
    c.finishedAt = this.clock.now();
    const rc = this.runtime.record(w.namespace, w.name)?.containers.get(c.spec.name);
    if (rc) rc.running = false;
    const pod = this.currentPod(w);
    const policy = (pod?.spec.restartPolicy as string | undefined) ?? 'Always';
    const restart = policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
    // Whether the pod is finished must be known before its status is written (phase Succeeded
    // or Failed), so mark it first.
    if (!restart && w.containers.every((x) => x.phase === 'terminated')) w.finished = true;
    this.markDirty(w);
    if (!restart) return;
    // Restart with back-off (CrashLoopBackOff while waiting).
    this.after(w, 1000, () => {
      c.lastTerminated = {
        terminated: {
          containerID: c.containerID,
          exitCode,
          finishedAt: iso(c.finishedAt!),
          reason: exitCode === 0 ? 'Completed' : 'Error',
          startedAt: iso(c.startedAt!),
        },
      };
      c.phase = 'waiting';
      c.waitingReason = 'CrashLoopBackOff';
      const pod2 = this.currentPod(w);
      const delay = c.crashBackoffMs;
      c.waitingMessage = `back-off ${formatGoDuration(delay)} restarting failed container=${c.spec.name} pod=${w.name}_${w.namespace}(${w.uid})`;
      c.crashBackoffMs = Math.min(c.crashBackoffMs * 2, BACKOFF_MAX_MS);
      if (pod2) {
        this.event(
          w,
          'Warning',
          'BackOff',
          `Back-off restarting failed container ${c.spec.name} in pod ${w.name}_${w.namespace}(${w.uid})`,
          `spec.containers{${c.spec.name}}`,
        );
      }
      this.markDirty(w);
      this.after(w, delay, () => {
        c.restartCount++;
        this.ensureImage(w, c, () => {});
      });
    });
  }

  private scheduleProbe(w: PodWork, c: ContainerWork, probe: ProbeSpec, delayMs: number): void {
    const startedAt = c.startedAt;
    this.after(w, delayMs, () => {
      if (c.phase !== 'running' || c.startedAt !== startedAt || w.killing) return;
      const ok = this.probeSucceeds(w, c, probe);
      if (ok) {
        c.probeFailures = 0;
        c.probeSuccesses++;
        if (!c.ready && c.probeSuccesses >= (probe.successThreshold ?? 1)) {
          c.ready = true;
          this.markDirty(w);
        }
      } else {
        c.probeSuccesses = 0;
        c.probeFailures++;
        if (c.ready && c.probeFailures >= (probe.failureThreshold ?? 3)) {
          c.ready = false;
          this.markDirty(w);
        }
        if (!c.ready && c.probeFailures === 1 || c.probeFailures >= (probe.failureThreshold ?? 3)) {
          this.event(w, 'Warning', 'Unhealthy', `Readiness probe failed: ${probeFailureText(probe)}`, `spec.containers{${c.spec.name}}`);
        }
      }
      // A probe whose outcome cannot change (HTTP, TCP, commands that test no file) need not run
      // again once it succeeded: same observable behaviour, no timer every 10 s for ever.
      if (c.ready && !this.probeCanChange(probe)) return;
      this.scheduleProbe(w, c, probe, Math.max(1, probe.periodSeconds ?? 10) * 1000);
    });
  }

  private probeCanChange(probe: ProbeSpec): boolean {
    return probeFile(probe) !== undefined;
  }

  /** exec probes that test a file (`ls /var/ready`) look at the container's files; the rest succeed. */
  private probeSucceeds(w: PodWork, c: ContainerWork, probe: ProbeSpec): boolean {
    const file = probeFile(probe);
    if (file !== undefined) return this.runtime.fileExists(w.namespace, w.name, c.spec.name, file);
    const cmd = probe.exec?.command;
    if (cmd && cmd[0]?.split('/').pop() === 'false') return false;
    return true;
  }

  private killPod(key: string): void {
    const [ns, name] = splitKey(key);
    const pod = this.ctx.cache.get<Pod>('pods', ns, name);
    if (!pod) return;
    let w = this.work.get(key);
    if (!w || w.uid !== pod.metadata.uid) {
      // Never started here: nothing to stop.
      tolerate(() => this.ctx.api.delete('pods', ns, name, { gracePeriodSeconds: 0 }));
      return;
    }
    if (w.killing) return;
    w.killing = true;
    for (const t of w.timers) this.clock.cancel(t);
    w.timers.clear();
    const grace = (pod.metadata.deletionGracePeriodSeconds ?? (pod.spec.terminationGracePeriodSeconds as number | undefined) ?? 30) * 1000;
    let stopMs = 0;
    for (const c of w.containers) {
      if (c.phase !== 'running') continue;
      this.event(w, 'Normal', 'Killing', `Stopping container ${c.spec.name}`, `spec.containers{${c.spec.name}}`);
      stopMs = Math.max(stopMs, c.image.behaviour?.ignoresSigterm ? grace : Math.min(grace, FAST_STOP_MS));
    }
    const uid = w.uid;
    w = undefined;
    this.clock.schedule(stopMs, () => {
      const current = this.ctx.cache.get<Pod>('pods', ns, name);
      if (!current || current.metadata.uid !== uid) return;
      tolerate(() => this.ctx.api.delete('pods', ns, name, { gracePeriodSeconds: 0 }));
    });
  }

  private cleanup(key: string, uid: string): void {
    const w = this.work.get(key);
    if (!w || w.uid !== uid) return;
    for (const t of w.timers) this.clock.cancel(t);
    this.work.delete(key);
    const rec = this.runtime.forget(w.namespace, w.name, uid);
    if (rec?.ip) this.ipam.get(w.nodeName)?.used.delete(rec.ip);
  }

  // ---------------------------------------------------------------------------------------------
  // Status

  /** The status manager writes at once (timers run outside a settle; the write makes the manager settle). */
  private markDirty(w: PodWork): void {
    this.writeStatus(`${w.namespace}/${w.name}`);
  }

  private writeStatus(key: string): void {
    const w = this.work.get(key);
    if (!w || w.killing) return;
    const pod = this.currentPod(w);
    if (!pod) return;
    const copy = clone(pod);
    copy.status = this.buildStatus(pod, w);
    tolerate(() => this.ctx.api.update('pods', w.namespace, copy, { subresource: 'status' }));
  }

  /** generateAPIPodStatus + status/generate.go. */
  private buildStatus(pod: Pod, w: PodWork): Pod['status'] {
    const old = pod.status ?? {};
    const now = this.clock.nowRFC3339();
    const node = this.ctx.cache.get('nodes', undefined, w.nodeName);
    const hostIP = nodeInternalIP(node);
    const rec = this.runtime.record(w.namespace, w.name);
    const unready = w.containers.filter((c) => !c.ready).map((c) => c.spec.name);
    const allTerminated = w.containers.every((c) => c.phase === 'terminated');
    const succeeded = allTerminated && w.finished && w.containers.every((c) => c.exitCode === 0);
    const failed = allTerminated && w.finished && !succeeded;
    let phase: string;
    if (succeeded) phase = 'Succeeded';
    else if (failed) phase = 'Failed';
    else if (w.containers.some((c) => c.phase === 'waiting' && !c.everStarted)) phase = 'Pending';
    else phase = 'Running';

    const prev = new Map<string, PodCondition>((old.conditions ?? []).map((c: PodCondition) => [c.type, c]));
    const cond = (type: string, status: 'True' | 'False', reason?: string, message?: string): PodCondition => {
      const p = prev.get(type);
      const c: PodCondition = {
        type,
        status,
        lastProbeTime: null,
        lastTransitionTime: p && p.status === status ? p.lastTransitionTime : now,
      };
      if (reason) c.reason = reason;
      if (message) c.message = message;
      return c;
    };
    const sandboxReady = w.sandboxReadyAt !== undefined && !w.finished;
    const unreadyMsg = `containers with unready status: [${unready.join(' ')}]`;
    const conditions: PodCondition[] = [
      cond('PodReadyToStartContainers', sandboxReady ? 'True' : 'False'),
      cond('Initialized', 'True'),
      w.finished
        ? cond('Ready', 'False', 'PodCompleted')
        : unready.length === 0
          ? cond('Ready', 'True')
          : cond('Ready', 'False', 'ContainersNotReady', unreadyMsg),
      w.finished
        ? cond('ContainersReady', 'False', 'PodCompleted')
        : unready.length === 0
          ? cond('ContainersReady', 'True')
          : cond('ContainersReady', 'False', 'ContainersNotReady', unreadyMsg),
      prev.get('PodScheduled') ?? cond('PodScheduled', 'True'),
    ];
    const status: Pod['status'] = { ...clone(old) };
    status.phase = phase;
    status.conditions = conditions;
    status.hostIP = hostIP;
    status.hostIPs = [{ ip: hostIP }];
    if (rec?.ip) {
      status.podIP = rec.ip;
      status.podIPs = [{ ip: rec.ip }];
    }
    status.startTime = old.startTime ?? iso(w.startedAt);
    status.containerStatuses = w.containers.map((c) => this.containerStatus(c));
    return status;
  }

  private containerStatus(c: ContainerWork): ContainerStatus {
    const s: ContainerStatus = {
      image: c.pulled ? c.image.ref : (c.spec.image ?? ''),
      imageID: c.pulled ? c.image.imageID! : '',
      lastState: c.lastTerminated ? clone(c.lastTerminated) : {},
      name: c.spec.name,
      ready: c.ready,
      restartCount: c.restartCount,
      started: c.phase === 'running',
      state: {},
    };
    if (c.containerID && (c.phase !== 'waiting' || c.everStarted)) s.containerID = c.containerID;
    if (c.phase === 'running') s.state = { running: { startedAt: iso(c.startedAt!) } };
    else if (c.phase === 'terminated') {
      s.state = {
        terminated: {
          containerID: c.containerID,
          exitCode: c.exitCode ?? 0,
          finishedAt: iso(c.finishedAt!),
          reason: c.exitCode === 0 ? 'Completed' : 'Error',
          startedAt: iso(c.startedAt!),
        },
      };
    } else {
      s.state = { waiting: c.waitingMessage ? { message: c.waitingMessage, reason: c.waitingReason } : { reason: c.waitingReason } };
    }
    const mounts = (c.spec.volumeMounts as { name: string; mountPath: string; readOnly?: boolean }[] | undefined) ?? [];
    if (mounts.length > 0) {
      s.volumeMounts = mounts.map((m) =>
        m.readOnly ? { mountPath: m.mountPath, name: m.name, readOnly: true, recursiveReadOnly: 'Disabled' } : { mountPath: m.mountPath, name: m.name },
      );
    }
    return s;
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** The process environment of a container at start: image ENV, HOSTNAME, the kubelet's variables, HOME. */
  private processEnv(pod: Pod, c: ContainerWork, rec: PodRecord): EnvVar[] {
    const imageEnv = c.image.behaviour?.env ?? [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']];
    const out: EnvVar[] = [];
    const [pathVar, ...restImage] = imageEnv;
    out.push({ name: pathVar[0], value: pathVar[1] });
    out.push({ name: 'HOSTNAME', value: pod.metadata.name! });
    const kubeletEnv = this.kubeletEnv(pod, c.spec, rec);
    const fromKubelet = new Set(kubeletEnv.map((e) => e.name));
    for (const [n, v] of restImage) if (!fromKubelet.has(n)) out.push({ name: n, value: v });
    out.push(...kubeletEnv.filter((e) => e.name !== 'PATH' && e.name !== 'HOSTNAME'));
    if (!fromKubelet.has('HOME')) out.push({ name: 'HOME', value: '/root' });
    return out;
  }

  /** kubelet_pods.go makeEnvironmentVariables: the container's env (wins), then the service variables. */
  private kubeletEnv(pod: Pod, container: Container, rec: PodRecord): EnvVar[] {
    const ns = pod.metadata.namespace!;
    const explicit: EnvVar[] = [];
    for (const e of container.env ?? []) {
      if (e.value !== undefined) explicit.push({ name: e.name, value: e.value });
      else if (e.valueFrom) {
        const v = this.resolveValueFrom(pod, e.valueFrom as ValueFrom, rec);
        if (v !== undefined) explicit.push({ name: e.name, value: v });
      } else explicit.push({ name: e.name, value: '' });
    }
    const names = new Set(explicit.map((e) => e.name));
    const services: Service[] = [];
    if (pod.spec.enableServiceLinks !== false) services.push(...this.ctx.cache.list<Service>('services', ns));
    if (ns !== 'default' || pod.spec.enableServiceLinks === false) {
      const k = this.ctx.cache.get<Service>('services', 'default', 'kubernetes');
      if (k) services.push(k);
    }
    services.sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0));
    const fromServices = serviceEnvVars(services).filter((e) => !names.has(e.name));
    return [...explicit, ...fromServices];
  }

  private resolveValueFrom(pod: Pod, vf: ValueFrom, rec: PodRecord): string | undefined {
    if (vf.fieldRef) {
      switch (vf.fieldRef.fieldPath) {
        case 'metadata.name':
          return pod.metadata.name;
        case 'metadata.namespace':
          return pod.metadata.namespace;
        case 'metadata.uid':
          return pod.metadata.uid;
        case 'spec.nodeName':
          return pod.spec.nodeName;
        case 'spec.serviceAccountName':
          return pod.spec.serviceAccountName as string | undefined;
        case 'status.podIP':
          return rec.ip;
        case 'status.hostIP':
          return nodeInternalIP(this.ctx.cache.get('nodes', undefined, pod.spec.nodeName!));
        default: {
          const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(vf.fieldRef.fieldPath);
          if (m) return (pod.metadata[m[1] as 'labels' | 'annotations'] ?? {})[m[2]];
          return undefined;
        }
      }
    }
    if (vf.configMapKeyRef) {
      const cm = this.ctx.api.peek('configmaps', pod.metadata.namespace, vf.configMapKeyRef.name);
      return cm?.data?.[vf.configMapKeyRef.key];
    }
    if (vf.secretKeyRef) {
      const s = this.ctx.api.peek('secrets', pod.metadata.namespace, vf.secretKeyRef.name);
      const b64 = s?.data?.[vf.secretKeyRef.key];
      return b64 !== undefined ? decodeBase64(b64) : s?.stringData?.[vf.secretKeyRef.key];
    }
    return undefined;
  }

  private currentPod(w: PodWork): Pod | undefined {
    const pod = this.ctx.cache.get<Pod>('pods', w.namespace, w.name);
    return pod && pod.metadata.uid === w.uid ? pod : undefined;
  }

  private event(w: PodWork, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void {
    const pod = this.currentPod(w);
    if (!pod) return;
    this.ctx.recorder.record(pod, { component: 'kubelet', host: w.nodeName }, type, reason, message, fieldPath);
  }

  private after(w: PodWork, ms: number, fn: () => void): void {
    const id = this.clock.schedule(ms, () => {
      w.timers.delete(id);
      if (this.work.get(`${w.namespace}/${w.name}`) !== w || w.killing) return;
      fn();
    });
    w.timers.add(id);
  }

  private imagesOn(node: string): Set<string> {
    let s = this.images.get(node);
    if (!s) this.images.set(node, (s = new Set()));
    return s;
  }

  /** host-local IPAM: the next free address after the last one handed out, from .2 (.1 is the cni0 gateway). */
  private allocateIP(nodeName: string): string | undefined {
    const node = this.ctx.cache.get('nodes', undefined, nodeName);
    const cidr: string | undefined = node?.spec?.podCIDR;
    if (!cidr) return undefined;
    const base = cidr.split('/')[0].split('.').slice(0, 3).join('.');
    let st = this.ipam.get(nodeName);
    if (!st) this.ipam.set(nodeName, (st = { last: 1, used: new Set() }));
    for (let i = 0; i < 253; i++) {
      const n = ((st.last - 2 + 1 + i) % 253) + 2; // cycle through .2 .. .254
      const ip = `${base}.${n}`;
      if (!st.used.has(ip)) {
        st.used.add(ip);
        st.last = n;
        return ip;
      }
    }
    return undefined;
  }

  /** For bootstrap: make the allocator continue after a given host number, as if earlier pods had come and gone. */
  setLastAllocated(nodeName: string, last: number): void {
    const st = this.ipam.get(nodeName);
    if (st) st.last = last;
    else this.ipam.set(nodeName, { last, used: new Set() });
  }
}

interface ProbeSpec {
  exec?: { command?: string[] };
  httpGet?: { path?: string; port?: number | string };
  tcpSocket?: { port?: number | string };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
}

interface ValueFrom {
  fieldRef?: { fieldPath: string };
  configMapKeyRef?: { name: string; key: string };
  secretKeyRef?: { name: string; key: string };
}

/** The file an exec probe tests (`ls /var/ready`, `cat F`, `test -e F`, also under `sh -c`), if any. */
function probeFile(probe: ProbeSpec): string | undefined {
  const cmd = probe.exec?.command;
  if (!cmd || cmd.length === 0) return undefined;
  const args = cmd.length >= 3 && /(^|\/)(ba)?sh$/.test(cmd[0]) && cmd[1] === '-c' ? cmd[2].trim().split(/\s+/) : cmd;
  const prog = args[0]?.split('/').pop();
  const file = args.filter((a) => !a.startsWith('-')).slice(1).pop();
  if (file && (prog === 'ls' || prog === 'cat' || prog === 'stat' || (prog === 'test' && /^-[ef]$/.test(args[1] ?? '')))) return file;
  return undefined;
}

function probeFailureText(probe: ProbeSpec): string {
  const cmd = probe.exec?.command ?? [];
  const file = cmd[cmd.length - 1] ?? '';
  return `${cmd[0] === 'ls' ? 'ls' : cmd[0]}: cannot access '${file}': No such file or directory`;
}

/** How long the container's process runs, or undefined for a server that runs until stopped. */
function runDuration(c: ContainerWork): number | undefined {
  const words = [...((c.spec.command as string[] | undefined) ?? []), ...((c.spec.args as string[] | undefined) ?? [])];
  if (c.spec.stdin) return undefined;
  if (words.length === 0) return c.image.behaviour?.exitsWithoutCommand ? 100 : undefined;
  const line = words.join(' ');
  const sleep = /(?:^|[\s;&|(])sleep\s+(\d+|infinity)\b/.exec(line);
  if (/while\s|tail\s+-f|\bnc\s+-l|httpd|nginx|server|serve|node\s|python/.test(line)) return undefined;
  if (sleep) return sleep[1] === 'infinity' ? undefined : Number(sleep[1]) * 1000;
  return c.image.behaviour?.exitsWithoutCommand === false || c.image.behaviour?.exitsWithoutCommand === undefined ? undefined : 100;
}

export function nodeInternalIP(node: KubeObject | undefined): string {
  const addrs = (node?.status?.addresses ?? []) as { type: string; address: string }[];
  return addrs.find((a) => a.type === 'InternalIP')?.address ?? '';
}

function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Go's time.Duration.String() for a duration cut to milliseconds (`812ms`, `1.5s`, `1m2.003s`). */
export function formatGoDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const totalSec = ms / 1000;
  const h = Math.floor(totalSec / 3600);
  const m = Math.floor((totalSec % 3600) / 60);
  const s = Math.round((totalSec % 60) * 1000) / 1000;
  const sStr = `${s}s`;
  if (h > 0) return `${h}h${m}m${sStr}`;
  if (m > 0) return `${m}m${sStr}`;
  return sStr;
}

function decodeBase64(b64: string): string {
  try {
    return typeof atob === 'function' ? atob(b64) : b64;
  } catch {
    return b64;
  }
}
