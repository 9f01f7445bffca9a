/**
 * What a process inside a container sees: its pod, its image's tools, its environment, the
 * network (as a client with the pod's IP) and the files the kubelet writes (/etc/resolv.conf,
 * /etc/hosts).
 */
import type { Pod } from '../../cluster/api/types.ts';
import type { Clock } from '../../cluster/clock.ts';
import type { EnvVar, RuntimeView } from '../../cluster/controllers/runtime.ts';
import { CLUSTER_DOMAIN, type DnsAnswer, type RRType } from '../../cluster/network/dns.ts';
import type { Client, Network } from '../../cluster/network/network.ts';
import { DNS_SERVICE_IP } from '../../cluster/bootstrap.ts';
import type { CommandIO } from '../io.ts';
import type { ImageProfile } from './images.ts';

export interface PodContext {
  network: Network;
  runtime: RuntimeView;
  clock: Clock;
  pod: Pod;
  namespace: string;
  container: string;
  profile: ImageProfile;
  /** The process environment (a session's `export` changes it). */
  env: EnvVar[];
  client: Client;
  hostname: string;
  podIP: string;
  cwd: string;
  /** Files written during this exec (`curl -o f`, `echo x > f`): content by absolute path. */
  files: Map<string, string>;
  /** Let (virtual) time pass: timeouts, ping intervals, sleep. */
  sleep(seconds: number, signal: AbortSignal): Promise<void>;
}

export type Tool = (args: string[], io: CommandIO, ctx: PodContext) => Promise<number> | number;

export const NAMESERVER = DNS_SERVICE_IP;
export const NDOTS = 5;

/** The search list the kubelet writes for dnsPolicy ClusterFirst (pkg/kubelet/network/dns/dns.go). */
export function searchList(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

/** /etc/resolv.conf as containerd writes it: search, nameserver, options. */
export function resolvConf(namespace: string): string {
  return `search ${searchList(namespace).join(' ')}\nnameserver ${NAMESERVER}\noptions ndots:${NDOTS}\n`;
}

/** /etc/hosts (pkg/kubelet/kubelet_pods.go managedHostsFileContent), hostNetwork false. */
export function hostsFile(ctx: PodContext): string {
  const spec = ctx.pod.spec as { hostname?: string; subdomain?: string; hostAliases?: { ip: string; hostnames?: string[] }[] };
  let own = `${ctx.podIP}\t${ctx.hostname}`;
  if (spec.subdomain) own = `${ctx.podIP}\t${ctx.hostname}.${spec.subdomain}.${ctx.namespace}.svc.${CLUSTER_DOMAIN}\t${ctx.hostname}`;
  let out =
    '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n' +
    own +
    '\n';
  if (spec.hostAliases?.length) {
    out += '\n# Entries added by HostAliases.\n';
    for (const a of spec.hostAliases) for (const h of a.hostnames ?? []) out += `${a.ip}\t${h}\n`;
  }
  return out;
}

/** The names a stub resolver tries, in order: search suffixes first when dots < ndots. */
export function candidates(name: string, namespace: string): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const searched = searchList(namespace).map((s) => `${name}.${s}`);
  return dots < NDOTS ? [...searched, name] : [name, ...searched];
}

export function isIPv4(s: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(s) && s.split('.').every((o) => Number(o) <= 255);
}

/** One DNS query to the cluster's nameserver. */
export function query(ctx: PodContext, name: string, type: RRType): DnsAnswer {
  return ctx.network.dns.query(name, type);
}

/**
 * getaddrinfo as glibc/musl do it with the pod's resolv.conf: /etc/hosts, then the search list.
 * Resolves to the IPv4 addresses (CNAMEs followed by the server), or undefined.
 */
export function resolveHost(ctx: PodContext, name: string): string[] | undefined {
  const lower = name.toLowerCase();
  if (isIPv4(lower)) return [lower];
  if (lower === 'localhost') return ['127.0.0.1'];
  if (lower === ctx.hostname.toLowerCase()) return [ctx.podIP];
  for (const cand of candidates(lower, ctx.namespace)) {
    const ans = query(ctx, cand, 'A');
    if (ans.rcode !== 'NOERROR') continue;
    const ips = ans.answers.filter((r) => r.type === 'A').map((r) => r.data);
    if (ips.length > 0) return ips;
    // NOERROR without addresses (a CNAME to nowhere): the resolver keeps searching.
  }
  return undefined;
}

export function envValue(ctx: PodContext, name: string): string | undefined {
  return ctx.env.find((e) => e.name === name)?.value;
}
