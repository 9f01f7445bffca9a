/**
 * Cluster DNS as CoreDNS serves it with kubeadm's Corefile (`kubernetes cluster.local
 * in-addr.arpa ip6.arpa { pods insecure; ttl 30 }`, `forward . /etc/resolv.conf`,
 * `loadbalance`), following kubernetes/dns docs/specification.md:
 *
 * - `<svc>.<ns>.svc.cluster.local`: A = ClusterIP; headless: one A per ready endpoint (NXDOMAIN
 *   when none); ExternalName: CNAME to the target, whose A records are appended.
 * - `<host>.<svc>.<ns>.svc.cluster.local`: one endpoint of a headless Service (its hostname, or
 *   its IP with dashes).
 * - `_<port>._<proto>.<svc>.<ns>.svc.cluster.local`: SRV, named ports only.
 * - `a-b-c-d.<ns>.pod.cluster.local`: A = a.b.c.d, no existence check (`pods insecure`).
 * - `d.c.b.a.in-addr.arpa`: PTR of a ClusterIP.
 * - Names outside cluster.local are forwarded to public DNS (not authoritative).
 */
import type { ApiServer } from '../api/apiserver.ts';
import type { Service } from '../api/types.ts';
import type { Random } from '../random.ts';
import type { ClusterIndex } from './index.ts';
import type { OutsideWorld } from './world.ts';

export const CLUSTER_DOMAIN = 'cluster.local';
/** kubeadm's Corefile sets `ttl 30`. */
export const CLUSTER_TTL = 30;

export type RRType = 'A' | 'AAAA' | 'CNAME' | 'SRV' | 'PTR' | 'SOA' | 'TXT' | 'MX' | 'NS' | 'ANY';

export interface ResourceRecord {
  /** Fully qualified, without the trailing dot. */
  name: string;
  ttl: number;
  type: RRType;
  /** A/AAAA: the address; CNAME/PTR: the target (no trailing dot); SRV: `prio weight port target`. */
  data: string;
}

export interface DnsAnswer {
  rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL';
  answers: ResourceRecord[];
  /** SRV targets' A records. */
  additional: ResourceRecord[];
  /** Answered from the cluster zone (aa flag, no ra) rather than forwarded. */
  authoritative: boolean;
  /** The zone whose SOA goes in the authority section of negative answers. */
  zone: string;
}

const SOA_ZONE = CLUSTER_DOMAIN;

export class ClusterDNS {
  constructor(
    private readonly api: ApiServer,
    private readonly index: ClusterIndex,
    private readonly world: OutsideWorld,
    private readonly random: Random,
  ) {}

  query(rawName: string, type: RRType): DnsAnswer {
    const name = rawName.toLowerCase().replace(/\.$/, '');
    if (name === CLUSTER_DOMAIN || name.endsWith('.' + CLUSTER_DOMAIN)) return this.clusterZone(name, type);
    if (name.endsWith('.in-addr.arpa')) return this.reverse(name, type);
    return this.forward(name, type, 0);
  }

  private answer(rcode: DnsAnswer['rcode'], answers: ResourceRecord[], authoritative: boolean, additional: ResourceRecord[] = []): DnsAnswer {
    return { rcode, answers, additional, authoritative, zone: authoritative ? SOA_ZONE : '' };
  }

  private forward(name: string, type: RRType, depth: number): DnsAnswer {
    if (depth > 8) return this.answer('SERVFAIL', [], false);
    const ips = this.world.resolve(name);
    if (!ips) return this.answer('NXDOMAIN', [], false);
    if (type === 'A' || type === 'ANY') return this.answer('NOERROR', ips.map((ip) => ({ name, ttl: 300, type: 'A' as const, data: ip })), false);
    return this.answer('NOERROR', [], false);
  }

  private clusterZone(name: string, type: RRType): DnsAnswer {
    const rel = name === CLUSTER_DOMAIN ? [] : name.slice(0, -CLUSTER_DOMAIN.length - 1).split('.');
    const nx = this.answer('NXDOMAIN', [], true);
    const nodata = this.answer('NOERROR', [], true);
    if (rel.length === 0) return nodata;
    const zoneKind = rel[rel.length - 1];
    if (zoneKind === 'svc') return this.serviceName(name, rel.slice(0, -1), type);
    if (zoneKind === 'pod') {
      if (rel.length === 1) return nodata;
      if (rel.length !== 3) return nx;
      if (!this.namespaceExists(rel[1])) return nx;
      const ip = rel[0].replace(/-/g, '.');
      if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) return nx;
      return type === 'A' || type === 'ANY' ? this.answer('NOERROR', [{ name, ttl: CLUSTER_TTL, type: 'A', data: ip }], true) : nodata;
    }
    return nx;
  }

  private namespaceExists(ns: string): boolean {
    return this.api.peek('namespaces', undefined, ns) !== undefined;
  }

  /** `rel` is the part before `.svc.cluster.local`, e.g. ['kubia', 'default']. */
  private serviceName(name: string, rel: string[], type: RRType): DnsAnswer {
    const nx = this.answer('NXDOMAIN', [], true);
    const nodata = this.answer('NOERROR', [], true);
    if (rel.length === 0) return nodata;
    const ns = rel[rel.length - 1];
    if (!this.namespaceExists(ns)) return nx;
    if (rel.length === 1) return nodata;
    const svcName = rel[rel.length - 2];
    const svc = this.api.peek('services', ns, svcName) as Service | undefined;
    if (!svc) return nx;
    const idx = this.index.refresh();
    const fqdn = `${svcName}.${ns}.svc.${CLUSTER_DOMAIN}`;
    if (rel.length === 2) return this.serviceRecords(fqdn, svc, type);
    if (rel.length === 3) {
      // An endpoint of a headless Service.
      if (svc.spec.clusterIP !== 'None') return nx;
      const host = rel[0];
      const ep = idx.readyAddresses(svc).find((a) => (a.hostname ?? a.ip.replace(/\./g, '-')) === host);
      if (!ep) return nx;
      return type === 'A' || type === 'ANY' ? this.answer('NOERROR', [{ name, ttl: CLUSTER_TTL, type: 'A', data: ep.ip }], true) : nodata;
    }
    if (rel.length === 4 && rel[0].startsWith('_') && rel[1].startsWith('_')) {
      const portName = rel[0].slice(1);
      const proto = rel[1].slice(1).toUpperCase();
      const sp = (svc.spec.ports ?? []).find((p) => p.name === portName && (p.protocol ?? 'TCP') === proto);
      if (!sp || svc.spec.type === 'ExternalName') return nx;
      if (type !== 'SRV' && type !== 'ANY') return nodata;
      if (svc.spec.clusterIP === 'None') {
        const eps = idx.backends(svc, sp.name).filter((b) => b.ready);
        if (eps.length === 0) return nx;
        const weight = Math.floor(100 / eps.length);
        const answers: ResourceRecord[] = [];
        const additional: ResourceRecord[] = [];
        for (const b of eps) {
          const target = `${b.hostname ?? b.ip.replace(/\./g, '-')}.${fqdn}`;
          answers.push({ name, ttl: CLUSTER_TTL, type: 'SRV', data: `0 ${weight} ${b.port} ${target}` });
          additional.push({ name: target, ttl: CLUSTER_TTL, type: 'A', data: b.ip });
        }
        return this.answer('NOERROR', answers, true, additional);
      }
      return this.answer('NOERROR', [{ name, ttl: CLUSTER_TTL, type: 'SRV', data: `0 100 ${sp.port} ${fqdn}` }], true, [
        { name: fqdn, ttl: CLUSTER_TTL, type: 'A', data: svc.spec.clusterIP! },
      ]);
    }
    return nx;
  }

  private serviceRecords(fqdn: string, svc: Service, type: RRType): DnsAnswer {
    const nodata = this.answer('NOERROR', [], true);
    if (svc.spec.type === 'ExternalName') {
      const target = (svc.spec.externalName ?? '').toLowerCase().replace(/\.$/, '');
      const cname: ResourceRecord = { name: fqdn, ttl: CLUSTER_TTL, type: 'CNAME', data: target };
      // CoreDNS follows the CNAME through the chain and appends what it finds; an
      // unresolvable target leaves the CNAME alone with NOERROR.
      const chased = type === 'CNAME' ? undefined : this.query(target, type);
      const more = chased && chased.rcode === 'NOERROR' ? chased.answers : [];
      return this.answer('NOERROR', [cname, ...more], true);
    }
    if (svc.spec.clusterIP === 'None') {
      const addrs = this.index.readyAddresses(svc);
      if (addrs.length === 0) return this.answer('NXDOMAIN', [], true);
      if (type !== 'A' && type !== 'ANY') return nodata;
      // The loadbalance plugin shuffles A records per answer.
      const shuffled = [...addrs];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = this.random.int(i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
      }
      return this.answer('NOERROR', shuffled.map((a) => ({ name: fqdn, ttl: CLUSTER_TTL, type: 'A' as const, data: a.ip })), true);
    }
    const ip = svc.spec.clusterIP;
    if (!ip) return nodata;
    if (type !== 'A' && type !== 'ANY') return nodata;
    return this.answer('NOERROR', [{ name: fqdn, ttl: CLUSTER_TTL, type: 'A', data: ip }], true);
  }

  private reverse(name: string, type: RRType): DnsAnswer {
    const octets = name.slice(0, -'.in-addr.arpa'.length).split('.').reverse();
    const ip = octets.join('.');
    const svc = this.index.refresh().servicesByIP.get(ip);
    if (!svc) {
      const pod = this.index.podsByIP.get(ip);
      if (pod && (type === 'PTR' || type === 'ANY')) {
        return this.answer('NOERROR', [{ name, ttl: CLUSTER_TTL, type: 'PTR', data: `${ip.replace(/\./g, '-')}.${pod.namespace}.pod.${CLUSTER_DOMAIN}` }], true);
      }
      return this.answer('NXDOMAIN', [], true);
    }
    if (type !== 'PTR' && type !== 'ANY') return this.answer('NOERROR', [], true);
    return this.answer('NOERROR', [{ name, ttl: CLUSTER_TTL, type: 'PTR', data: `${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}` }], true);
  }
}
