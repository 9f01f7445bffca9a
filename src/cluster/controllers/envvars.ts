/**
 * Service environment variables (pkg/kubelet/envvars/envvars.go FromServices): for each Service
 * with a cluster IP, `<NAME>_SERVICE_HOST`, `<NAME>_SERVICE_PORT` (first port),
 * `<NAME>_SERVICE_PORT_<PORTNAME>` per named port, and the Docker-link style `<NAME>_PORT`
 * (first port) and `<NAME>_PORT_<port>_<PROTO>[_PROTO|_PORT|_ADDR]` per port.
 */
import type { Service } from '../api/types.ts';
import type { EnvVar } from './runtime.ts';

function envName(s: string): string {
  return s.toUpperCase().replace(/-/g, '_');
}

/** net.JoinHostPort */
function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

export function serviceEnvVars(services: readonly Service[]): EnvVar[] {
  const out: EnvVar[] = [];
  for (const svc of services) {
    const ip = svc.spec.clusterIP;
    // Headless and ExternalName Services have no cluster IP: no variables (IsServiceIPSet).
    if (!ip || ip === 'None') continue;
    const ports = svc.spec.ports ?? [];
    const prefix = envName(svc.metadata.name!);
    out.push({ name: `${prefix}_SERVICE_HOST`, value: ip });
    if (ports.length > 0) out.push({ name: `${prefix}_SERVICE_PORT`, value: String(ports[0].port) });
    for (const p of ports) {
      if (p.name) out.push({ name: `${prefix}_SERVICE_PORT_${envName(p.name)}`, value: String(p.port) });
    }
    if (ports.length > 0) {
      const first = ports[0];
      out.push({ name: `${prefix}_PORT`, value: `${(first.protocol ?? 'TCP').toLowerCase()}://${joinHostPort(ip, first.port)}` });
    }
    for (const p of ports) {
      const proto = p.protocol ?? 'TCP';
      const base = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
      out.push({ name: base, value: `${proto.toLowerCase()}://${joinHostPort(ip, p.port)}` });
      out.push({ name: `${base}_PROTO`, value: proto.toLowerCase() });
      out.push({ name: `${base}_PORT`, value: String(p.port) });
      out.push({ name: `${base}_ADDR`, value: ip });
    }
  }
  return out;
}
