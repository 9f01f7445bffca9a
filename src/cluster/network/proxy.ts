/**
 * kube-proxy in iptables mode (pkg/proxy/iptables/proxier.go), reduced to its decisions:
 *
 * - ClusterIP:port of a Service -> DNAT to one ready endpoint, chosen at random per new
 *   connection (the statistic-module chain), or the same one again for the same client while
 *   `sessionAffinity: ClientIP` lasts (the recent module, refreshed on each connection).
 * - No ready endpoint -> REJECT (`icmp-port-unreachable`): the client sees "Connection refused".
 * - NodePort on every node IP, the same way (externalTrafficPolicy Cluster: source NAT).
 * - A ClusterIP on a port the Service does not declare matches no rule: the packet is dropped.
 * - ExternalName and headless Services get no rules at all.
 */
import type { Service, ServicePort } from '../api/types.ts';
import type { Clock } from '../clock.ts';
import type { Random } from '../random.ts';
import type { Backend, ClusterIndex } from './index.ts';

/** Default and maximum of `sessionAffinityConfig.clientIP.timeoutSeconds` (pkg/apis/core/types.go). */
export const DEFAULT_AFFINITY_SECONDS = 10800;

export type ProxyDecision =
  | { kind: 'none' }
  | { kind: 'drop'; service: Service }
  | { kind: 'reject'; service: Service; port: ServicePort }
  | { kind: 'dnat'; service: Service; port: ServicePort; backend: Backend };

/** A connection kube-proxy sent to an endpoint: what the cluster map draws as the request's path. */
export interface ProxiedConnection {
  namespace: string;
  service: string;
  clientIP: string;
  address: string;
  port: number;
}

export class KubeProxy {
  /** `ns/svc:port|clientIP` -> backend address and when the affinity entry expires. */
  private readonly affinity = new Map<string, { ip: string; port: number; expires: number }>();
  private readonly listeners = new Set<(c: ProxiedConnection) => void>();

  /** Be told of every connection sent to an endpoint (the page's cluster map listens). */
  onConnection(listener: (c: ProxiedConnection) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  constructor(
    private readonly index: ClusterIndex,
    private readonly clock: Clock,
    private readonly random: Random,
  ) {}

  /** A new TCP connection from `clientIP` to `ip:port`: what the nat table does with it. */
  route(clientIP: string, ip: string, port: number, protocol = 'TCP'): ProxyDecision {
    const idx = this.index.refresh();
    const byCluster = idx.servicesByIP.get(ip);
    if (byCluster) {
      const sp = (byCluster.spec.ports ?? []).find((p) => p.port === port && (p.protocol ?? 'TCP') === protocol);
      if (!sp) return { kind: 'drop', service: byCluster };
      return this.choose(byCluster, sp, clientIP);
    }
    if (idx.nodesByIP.has(ip)) {
      const svc = idx.servicesByNodePort.get(port);
      const type = svc?.spec.type;
      if (svc && (type === 'NodePort' || type === 'LoadBalancer')) {
        const sp = (svc.spec.ports ?? []).find((p) => p.nodePort === port && (p.protocol ?? 'TCP') === protocol)!;
        return this.choose(svc, sp, clientIP);
      }
    }
    return { kind: 'none' };
  }

  private choose(svc: Service, sp: ServicePort, clientIP: string): ProxyDecision {
    const decision = this.decide(svc, sp, clientIP);
    if (decision.kind === 'dnat' && this.listeners.size > 0) {
      const c: ProxiedConnection = {
        namespace: svc.metadata.namespace ?? 'default',
        service: svc.metadata.name ?? '',
        clientIP,
        address: decision.backend.ip,
        port: decision.backend.port,
      };
      for (const l of this.listeners) l(c);
    }
    return decision;
  }

  private decide(svc: Service, sp: ServicePort, clientIP: string): ProxyDecision {
    const ready = this.index.backends(svc, sp.name).filter((b) => b.ready);
    if (ready.length === 0) return { kind: 'reject', service: svc, port: sp };
    const now = this.clock.now();
    if (svc.spec.sessionAffinity === 'ClientIP') {
      const cfg = svc.spec.sessionAffinityConfig as { clientIP?: { timeoutSeconds?: number } } | undefined;
      const timeout = (cfg?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS) * 1000;
      const key = `${svc.metadata.namespace}/${svc.metadata.name}:${sp.name ?? ''}|${clientIP}`;
      const held = this.affinity.get(key);
      const still = held && held.expires > now ? ready.find((b) => b.ip === held.ip && b.port === held.port) : undefined;
      const backend = still ?? ready[this.random.int(ready.length)];
      this.affinity.set(key, { ip: backend.ip, port: backend.port, expires: now + timeout });
      return { kind: 'dnat', service: svc, port: sp, backend };
    }
    return { kind: 'dnat', service: svc, port: sp, backend: ready[this.random.int(ready.length)] };
  }
}
