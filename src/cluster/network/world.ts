/**
 * The world outside the cluster: a few hosts that answer HTTP on port 80, and the public DNS
 * names that point at them. Everything else on the Internet is silent (SYNs go unanswered, so
 * clients time out) and unknown names do not resolve. Lessons can declare more hosts.
 */
import type { HttpRequest, HttpResponse } from './http.ts';
import { httpDate } from './http.ts';

export interface ExternalHost {
  /** Public DNS names resolving to `ips` (lower case, no trailing dot). */
  names: string[];
  ips: string[];
  /** TCP ports that accept connections (HTTP is served on all of them). */
  ports: number[];
  /** What the host answers; the default says which address was hit. */
  body?: (ip: string, req: HttpRequest) => string;
}

export interface ExternalHostSpec {
  name?: string;
  names?: string[];
  ips: string[];
  ports?: number[];
  body?: string | ((ip: string, req: HttpRequest) => string);
}

export class OutsideWorld {
  private readonly byIP = new Map<string, ExternalHost>();
  private readonly byName = new Map<string, string[]>();

  constructor() {
    // The note's example: a selector-less Service whose hand-made Endpoints list these two.
    this.addHost({ ips: ['11.11.11.11'] });
    this.addHost({ ips: ['22.22.22.22'] });
    // The note's ExternalName target.
    this.addName('someapi.somecompany.com', ['11.11.11.11']);
  }

  /** Declare a host (a lesson's API): its names resolve publicly, its ports answer HTTP. */
  addHost(spec: ExternalHostSpec): void {
    const names = [...(spec.names ?? []), ...(spec.name ? [spec.name] : [])].map(canonicalName);
    const body = typeof spec.body === 'string' ? () => spec.body as string : spec.body;
    const host: ExternalHost = { names, ips: [...spec.ips], ports: spec.ports ?? [80], body };
    for (const ip of spec.ips) this.byIP.set(ip, host);
    for (const n of names) this.addName(n, spec.ips);
  }

  /** A public DNS A record set (no host behind it unless declared with addHost). */
  addName(name: string, ips: string[]): void {
    this.byName.set(canonicalName(name), [...ips]);
  }

  /** Public DNS: the A records of a name, or undefined (NXDOMAIN). */
  resolve(name: string): readonly string[] | undefined {
    return this.byName.get(canonicalName(name));
  }

  /** Whether an address:port accepts TCP connections (the rest of the Internet drops SYNs). */
  accepts(ip: string, port: number): boolean {
    return this.byIP.get(ip)?.ports.includes(port) ?? false;
  }

  /** Whether the address belongs to a declared host (it answers ping). */
  isHost(ip: string): boolean {
    return this.byIP.has(ip);
  }

  serve(ip: string, req: HttpRequest, now: number): HttpResponse {
    const host = this.byIP.get(ip)!;
    const body = host.body ? host.body(ip, req) : `Hello from ${ip}\n`;
    return {
      status: 200,
      headers: [
        ['Date', httpDate(now)],
        ['Content-Type', 'text/plain; charset=utf-8'],
        ['Content-Length', String(body.length)],
      ],
      body,
    };
  }
}

export function canonicalName(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}
