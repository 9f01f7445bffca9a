/**
 * The Service registry's allocators (pkg/registry/core/service/ipallocator, portallocator):
 * ClusterIPs from the service CIDR 10.96.0.0/12 and node ports from 30000-32767, seeded.
 *
 * Both split their range in two bands: dynamic picks come from the upper band first (a random
 * start, then walking upward with wrap-around), so the lower band stays free for static
 * requests such as 10.96.0.1 (`kubernetes`) and 10.96.0.10 (`kube-dns`). The offsets are those
 * of the real allocators: min(max(16, size/16), 256) for IPs, min(max(16, size/32), 128) for ports.
 */
import type { Random } from '../../random.ts';

export class RangeFull extends Error {}

/** Allocates integers in [0, size) with the two-band strategy. */
class BandAllocator {
  private readonly used = new Set<number>();
  constructor(
    private readonly size: number,
    private readonly offset: number,
  ) {}

  has(n: number): boolean {
    return this.used.has(n);
  }

  reserve(n: number): boolean {
    if (this.used.has(n)) return false;
    this.used.add(n);
    return true;
  }

  release(n: number): void {
    this.used.delete(n);
  }

  next(random: Random): number {
    const pick = (lo: number, hi: number): number | undefined => {
      const span = hi - lo;
      if (span <= 0) return undefined;
      const start = random.int(span);
      for (let i = 0; i < span; i++) {
        const n = lo + ((start + i) % span);
        if (!this.used.has(n)) return n;
      }
      return undefined;
    };
    const n = pick(this.offset, this.size) ?? pick(0, this.offset);
    if (n === undefined) throw new RangeFull('range is full');
    this.used.add(n);
    return n;
  }
}

/** The IPv4 service CIDR of a kubeadm cluster. */
export const SERVICE_CIDR = '10.96.0.0/12';
const CIDR_BASE = (10 << 24) | (96 << 16);
const CIDR_SIZE = 1 << 20;

export class ClusterIPAllocator {
  // Index i stands for base + 1 + i: the network and broadcast addresses are never handed out.
  private readonly bands = new BandAllocator(CIDR_SIZE - 2, Math.min(Math.max(16, Math.floor(CIDR_SIZE / 16)), 256));

  /** The index of an IPv4 address inside the range, or undefined when outside (or net/broadcast). */
  private indexOf(ip: string): number | undefined {
    const parts = ip.split('.').map(Number);
    if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
    const n = ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
    const offset = n - (CIDR_BASE >>> 0);
    if (offset < 1 || offset > CIDR_SIZE - 2) return undefined;
    return offset - 1;
  }

  private ipOf(index: number): string {
    const n = (CIDR_BASE >>> 0) + index + 1;
    return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
  }

  /** Reserve a requested IP; returns the reason it cannot be had, as the real allocator words it. */
  allocate(ip: string): string | undefined {
    const i = this.indexOf(ip);
    if (i === undefined) return 'the provided network does not match the current range';
    if (!this.bands.reserve(i)) return 'provided IP is already allocated';
    return undefined;
  }

  allocateNext(random: Random): string {
    return this.ipOf(this.bands.next(random));
  }

  release(ip: string): void {
    const i = this.indexOf(ip);
    if (i !== undefined) this.bands.release(i);
  }

  isAllocated(ip: string): boolean {
    const i = this.indexOf(ip);
    return i !== undefined && this.bands.has(i);
  }
}

export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

export class NodePortAllocator {
  private readonly bands = new BandAllocator(
    NODE_PORT_MAX - NODE_PORT_MIN + 1,
    Math.min(Math.max(16, Math.floor((NODE_PORT_MAX - NODE_PORT_MIN + 1) / 32)), 128),
  );

  allocate(port: number): string | undefined {
    if (port < NODE_PORT_MIN || port > NODE_PORT_MAX) {
      return `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`;
    }
    if (!this.bands.reserve(port - NODE_PORT_MIN)) return 'provided port is already allocated';
    return undefined;
  }

  allocateNext(random: Random): number {
    return NODE_PORT_MIN + this.bands.next(random);
  }

  release(port: number): void {
    if (port >= NODE_PORT_MIN && port <= NODE_PORT_MAX) this.bands.release(port - NODE_PORT_MIN);
  }

  isAllocated(port: number): boolean {
    return port >= NODE_PORT_MIN && port <= NODE_PORT_MAX && this.bands.has(port - NODE_PORT_MIN);
  }
}
