/**
 * ping: busybox (networking/ping.c: `seq=`, summary without stddev) and inetutils (the kubia
 * image: `icmp_seq=`, the FQDN in the header). A ClusterIP never answers: kube-proxy's rules
 * only rewrite TCP/UDP to the Service's ports, and no interface holds the address
 * (reference pod-network-tools.md §4.3 and §8).
 */
import { candidates, isIPv4, query, resolveHost, type PodContext, type Tool } from './context.ts';

/** busybox waits this long for the last reply (-W default). */
const LAST_WAIT_S = 10;
/** Without -c the real ping runs until Ctrl+C; here it stops after this many when nobody can press it. */
const UNATTENDED_MAX = 4;

/** The canonical name getaddrinfo reports (AI_CANONNAME): the searched FQDN, CNAME target included. */
function canonicalName(ctx: PodContext, name: string): string {
  if (isIPv4(name)) return name;
  for (const cand of candidates(name.toLowerCase(), ctx.namespace)) {
    const ans = query(ctx, cand, 'A');
    if (ans.rcode === 'NOERROR' && ans.answers.some((r) => r.type === 'A')) return cand;
  }
  return name;
}

export const ping: Tool = async (args, io, ctx) => {
  const busybox = ctx.profile.ping !== 'inetutils';
  let count: number | undefined;
  let target: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-c') count = Number(args[++i]);
    else if (a.startsWith('-c')) count = Number(a.slice(2));
    else if (a === '-W' || a === '-w' || a === '-i' || a === '-s') i++;
    else if (!a.startsWith('-')) target = a;
  }
  if (!target) {
    io.stderr(busybox ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n' : "ping: missing host operand\nTry 'ping --help' or 'ping --usage' for more information.\n");
    return busybox ? 1 : 64;
  }
  const ips = resolveHost(ctx, target);
  if (!ips) {
    io.stderr(busybox ? `ping: bad address '${target}'\n` : `ping: unknown host ${target}\n`);
    return busybox ? 1 : 1;
  }
  const ip = ips[0];
  const shown = busybox ? target : canonicalName(ctx, target);
  io.stdout(`PING ${shown} (${ip}): 56 data bytes\n`);
  const answers = ctx.network.answersPing(ip);
  const pod = ctx.network.index.refresh().podsByIP.get(ip);
  const node = ctx.network.index.nodesByIP.get(ip);
  const sameNode = ip === ctx.podIP || (pod && pod.nodeName === ctx.client.nodeName) || (node && node.name === ctx.client.nodeName);
  const ttl = ip === ctx.podIP || ip === '127.0.0.1' ? 64 : pod ? (sameNode ? 63 : 62) : node ? (sameNode ? 64 : 63) : 52;
  const limit = count ?? (io.readLine ? Infinity : UNATTENDED_MAX);
  const times: number[] = [];
  let sent = 0;
  let interrupted = false;
  while (sent < limit) {
    if (io.signal.aborted) {
      interrupted = true;
      break;
    }
    if (answers) {
      const t = ctx.network.pingTime(ctx.client, ip);
      times.push(t);
      io.stdout(`64 bytes from ${ip}: ${busybox ? 'seq' : 'icmp_seq'}=${sent} ttl=${ttl} time=${t.toFixed(3)} ms\n`);
    }
    sent++;
    if (sent < limit) await ctx.sleep(1, io.signal);
  }
  if (!interrupted && !answers && count !== undefined) await ctx.sleep(LAST_WAIT_S, io.signal);
  const received = times.length;
  const loss = sent === 0 ? 0 : Math.round(((sent - received) * 100) / sent);
  // busybox starts the summary with a blank line; inetutils does not (the `^C` is the terminal's echo).
  io.stdout(`${busybox ? '\n' : interrupted ? '^C' : ''}--- ${shown} ping statistics ---\n${sent} packets transmitted, ${received} packets received, ${loss}% packet loss\n`);
  if (received > 0) {
    const min = Math.min(...times);
    const max = Math.max(...times);
    const avg = times.reduce((a, b) => a + b, 0) / received;
    const sd = Math.sqrt(times.reduce((a, b) => a + (b - avg) ** 2, 0) / received);
    io.stdout(busybox ? `round-trip min/avg/max = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)} ms\n` : `round-trip min/avg/max/stddev = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)}/${sd.toFixed(3)} ms\n`);
  }
  return received > 0 ? 0 : 1;
};
