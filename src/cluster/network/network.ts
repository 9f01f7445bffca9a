/**
 * The cluster's data plane as the pods see it: TCP connections (through kube-proxy's rules to
 * pods, or out to the world), HTTP over them, ICMP echo, cluster DNS, and the logs the apps
 * write while serving. Clients are pods (`kubectl exec`) or nodes.
 */
import type { ApiServer } from '../api/apiserver.ts';
import type { Pod } from '../api/types.ts';
import type { Clock } from '../clock.ts';
import type { RuntimeView } from '../controllers/runtime.ts';
import type { Random } from '../random.ts';
import { appForImage, type App } from './apps.ts';
import { ClusterDNS } from './dns.ts';
import type { HttpRequest, HttpResponse } from './http.ts';
import { ClusterIndex, podGateway, type PodRef } from './index.ts';
import { LogStore, type LogLine } from './logs.ts';
import { KubeProxy } from './proxy.ts';
import { OutsideWorld } from './world.ts';

/** Who opens a connection: a pod (its IP and node) or a node itself. */
export interface Client {
  ip: string;
  nodeName: string;
  /** The pod, when the client is one (hairpin NAT and loopback need it). */
  pod?: { namespace: string; name: string };
}

export type ConnectOutcome =
  | { kind: 'connected'; server: Server; /** The address actually reached after DNAT. */ ip: string; port: number }
  /** RST or kube-proxy's REJECT. */
  | { kind: 'refused' }
  /** SYN never answered. */
  | { kind: 'timeout' };

export type Server =
  | { kind: 'pod'; pod: PodRef; container: string; app: App; /** The peer address the server sees. */ sourceIP: string }
  | { kind: 'external'; ip: string };

export class Network {
  readonly world = new OutsideWorld();
  readonly index: ClusterIndex;
  readonly proxy: KubeProxy;
  readonly dns: ClusterDNS;
  readonly logs = new LogStore();
  private readonly state = new Map<string, Record<string, number>>();

  constructor(
    private readonly api: ApiServer,
    private readonly clock: Clock,
    private readonly random: Random,
    private readonly runtime: RuntimeView,
  ) {
    this.index = new ClusterIndex(api);
    this.proxy = new KubeProxy(this.index, clock, random);
    this.dns = new ClusterDNS(api, this.index, this.world, random);
    api.watch('pods', undefined, (e) => {
      if (e.type === 'DELETED') {
        this.logs.forget(e.object.metadata.uid!);
        for (const k of [...this.state.keys()]) if (k.startsWith(`${e.object.metadata.uid}/`)) this.state.delete(k);
      }
    });
  }

  /** Open a TCP connection from `client` to `ip:port`. */
  connect(client: Client, ip: string, port: number): ConnectOutcome {
    const idx = this.index.refresh();
    if (ip === '127.0.0.1' || ip === 'localhost') {
      const own = client.pod ? this.podRef(client.pod.namespace, client.pod.name) : undefined;
      if (!own) return { kind: 'refused' };
      return this.toPod(own, port, '127.0.0.1');
    }
    const decision = this.proxy.route(client.ip, ip, port);
    if (decision.kind === 'drop') return { kind: 'timeout' };
    if (decision.kind === 'reject') return { kind: 'refused' };
    let target = ip;
    let targetPort = port;
    let masquerade = false;
    if (decision.kind === 'dnat') {
      target = decision.backend.ip;
      targetPort = decision.backend.port;
      // NodePort traffic is masqueraded (externalTrafficPolicy: Cluster); so is hairpin
      // traffic, a pod reaching itself through its Service (KUBE-SEP ... -s podIP -j KUBE-MARK-MASQ).
      masquerade = idx.nodesByIP.has(ip) || target === client.ip;
    }
    const pod = idx.podsByIP.get(target);
    if (pod) {
      let source = client.ip;
      if (masquerade) {
        const node = idx.nodeByName(pod.nodeName);
        const receiving = idx.nodesByIP.get(ip) ?? idx.nodeByName(client.nodeName);
        source = (receiving?.name === pod.nodeName ? podGateway(node?.podCIDR, 1) : podGateway(receiving?.podCIDR, 0)) ?? client.ip;
      }
      return this.toPod(pod, targetPort, source);
    }
    if (idx.nodesByIP.has(target)) return { kind: 'refused' };
    if (this.world.accepts(target, targetPort)) return { kind: 'connected', server: { kind: 'external', ip: target }, ip: target, port: targetPort };
    return { kind: 'timeout' };
  }

  private podRef(namespace: string, name: string): PodRef | undefined {
    const pod = this.api.peek('pods', namespace, name) as Pod | undefined;
    const ip = pod?.status?.podIP;
    if (!pod || !ip) return undefined;
    return { namespace, name, uid: pod.metadata.uid!, ip, nodeName: pod.spec.nodeName ?? '', pod };
  }

  private toPod(pod: PodRef, port: number, sourceIP: string): ConnectOutcome {
    for (const c of pod.pod.spec.containers) {
      const app = appForImage(c.image ?? '', c.command as string[] | undefined);
      if (!app || !app.ports.includes(port)) continue;
      if (!this.runtime.isRunning(pod.namespace, pod.name, c.name)) continue;
      return { kind: 'connected', server: { kind: 'pod', pod, container: c.name, app, sourceIP }, ip: pod.ip, port };
    }
    // The pod's network namespace exists but nothing listens: RST.
    return { kind: 'refused' };
  }

  /** Send one HTTP request over a connection that succeeded. */
  serve(conn: Extract<ConnectOutcome, { kind: 'connected' }>, req: HttpRequest): HttpResponse {
    const now = this.clock.now();
    const server = conn.server;
    if (server.kind === 'external') return this.world.serve(server.ip, req, now);
    const { pod, container, app } = server;
    const instance = this.runtime.restartCount(pod.namespace, pod.name, container);
    const key = `${pod.uid}/${container}/${instance}`;
    let state = this.state.get(key);
    if (!state) this.state.set(key, (state = {}));
    return app.serve(req, {
      hostname: pod.name,
      now,
      clientIP: server.sourceIP,
      state,
      log: (line) => this.logs.append(pod.uid, container, instance, now, line),
    });
  }

  /** Whether `ip` answers ICMP echo. ClusterIPs are virtual: no interface holds them. */
  answersPing(ip: string): boolean {
    const idx = this.index.refresh();
    if (ip === '127.0.0.1') return true;
    if (idx.podsByIP.has(ip) || idx.nodesByIP.has(ip)) return true;
    return this.world.isHost(ip);
  }

  /** Round-trip time of one echo in ms: a few tens of microseconds on a node, more across. */
  pingTime(client: Client, ip: string): number {
    const pod = this.index.refresh().podsByIP.get(ip);
    const sameNode = ip === client.ip || ip === '127.0.0.1' || (pod && pod.nodeName === client.nodeName);
    const base = sameNode ? 0.05 : this.world.isHost(ip) ? 1.2 : 0.35;
    return Math.round((base + this.random.next() * base) * 1000) / 1000;
  }

  /**
   * A container's log: what its app printed at start, then what it logged since. `instance` is
   * the restart count of the run to read (the current one, or one less for --previous).
   */
  containerLog(pod: Pod, container: string, instance: number, startedAt: number | undefined): LogLine[] {
    const spec = pod.spec.containers.find((c) => c.name === container);
    const app = spec ? appForImage(spec.image ?? '', spec.command as string[] | undefined) : undefined;
    const start = startedAt ?? 0;
    const head = app ? app.startLogs(pod.metadata.name!, start).map((text) => ({ time: start, text })) : [];
    return [...head, ...this.logs.read(pod.metadata.uid!, container, instance)];
  }
}
