/**
 * wget: busybox's (networking/wget.c, libbb/xconnect.c; messages on stderr, exit 1 on error)
 * and GNU wget 1.16 (Debian jessie, the kubia image). Reference pod-network-tools.md §4.2.
 */
import { statusText } from '../../cluster/network/http.ts';
import type { CommandIO } from '../io.ts';
import { resolveHost, type PodContext, type Tool } from './context.ts';

/** busybox's default network timeout is 900 s; a dropped SYN fails first, after the kernel's ~2 min. */
const SYN_GIVE_UP_S = 127;

export const wget: Tool = async (args, io, ctx) => {
  let quiet = false;
  let output: string | undefined;
  let timeout: number | undefined;
  let spider = false;
  const urls: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-O') output = args[++i];
    else if (a.startsWith('-O')) output = a.slice(2);
    else if (a === '-qO-' || a === '-qO') {
      quiet = true;
      output = a === '-qO-' ? '-' : args[++i];
    } else if (a === '-T') timeout = Number(args[++i]);
    else if (a.startsWith('--timeout=')) timeout = Number(a.slice(10));
    else if (a.startsWith('-T')) timeout = Number(a.slice(2));
    else if (a === '--spider') spider = true;
    else if (a.startsWith('-') && /^-[qS]+$/.test(a)) quiet = quiet || a.includes('q');
    else if (a.startsWith('-q') && a.includes('O')) {
      quiet = true;
      output = a.slice(a.indexOf('O') + 1) || args[++i];
    } else urls.push(a);
  }
  const gnu = ctx.profile.wget === 'gnu';
  if (urls.length === 0) {
    if (gnu) io.stderr("wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
    else io.stderr('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n');
    return 1;
  }
  let code = 0;
  for (const u of urls) code = await (gnu ? gnuGet(u, quiet, output, timeout, io, ctx) : busyboxGet(u, quiet, output, timeout, spider, io, ctx));
  return code;
};

function split(url: string): { host: string; port: number; path: string; hostPort: string } {
  const rest = url.replace(/^http:\/\//i, '');
  const slash = rest.indexOf('/');
  const hostPort = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? '/' : rest.slice(slash);
  const [host, port] = hostPort.split(':');
  return { host, port: port ? Number(port) : 80, path, hostPort };
}

async function busyboxGet(url: string, quiet: boolean, output: string | undefined, timeout: number | undefined, spider: boolean, io: CommandIO, ctx: PodContext): Promise<number> {
  const { host, port, path, hostPort } = split(url);
  const ips = resolveHost(ctx, host);
  if (!ips) {
    io.stderr(`wget: bad address '${hostPort}'\n`);
    return 1;
  }
  const ip = ips[0];
  if (!quiet) io.stderr(`Connecting to ${hostPort} (${ip}:${port})\n`);
  const conn = ctx.network.connect(ctx.client, ip, port);
  if (conn.kind === 'refused') {
    io.stderr(`wget: can't connect to remote host (${ip}): Connection refused\n`);
    return 1;
  }
  if (conn.kind === 'timeout') {
    if (timeout !== undefined && timeout < SYN_GIVE_UP_S) {
      await ctx.sleep(timeout, io.signal);
      io.stderr('wget: download timed out\n');
      return 1;
    }
    await ctx.sleep(SYN_GIVE_UP_S, io.signal);
    io.stderr(`wget: can't connect to remote host (${ip}): Connection timed out\n`);
    return 1;
  }
  const res = ctx.network.serve(conn, { method: spider ? 'HEAD' : 'GET', path, headers: [['Host', hostPort], ['User-Agent', 'Wget']] });
  if (res.status >= 400) {
    io.stderr(`wget: server returned error: HTTP/1.1 ${res.status} ${statusText(res.status)}\n`);
    return 1;
  }
  if (spider) {
    if (!quiet) io.stderr('remote file exists\n');
    return 0;
  }
  const toStdout = output === '-';
  const file = output ?? (path.split('/').pop() || 'index.html');
  if (!quiet) io.stderr(toStdout ? 'writing to stdout\n' : `saving to '${file}'\n`);
  if (toStdout) io.stdout(res.body);
  else ctx.files.set(file.startsWith('/') ? file : `${ctx.cwd === '/' ? '' : ctx.cwd}/${file}`, res.body);
  if (!quiet) {
    const n = res.body.length;
    if (!res.chunked) io.stderr(`${(toStdout ? '-' : file).padEnd(20)} 100% |********************************|   ${String(n).padStart(3)}  0:00:00 ETA\n`);
    io.stderr(toStdout ? 'written to stdout\n' : `'${file}' saved\n`);
  }
  return 0;
}

/** GNU wget 1.16: fewer cases, same outcomes. */
async function gnuGet(url: string, quiet: boolean, output: string | undefined, timeout: number | undefined, io: CommandIO, ctx: PodContext): Promise<number> {
  const { host, port, path, hostPort } = split(url);
  const full = `http://${hostPort}${path}`;
  const stamp = () => new Date(ctx.clock.now()).toISOString().slice(0, 19).replace('T', ' ');
  if (!quiet) io.stderr(`converted 'http://${url.replace(/^http:\/\//i, '')}' (ANSI_X3.4-1968) -> '${full}' (UTF-8)\n--${stamp()}--  ${full}\nResolving ${host} (${host})... `);
  const ips = resolveHost(ctx, host);
  if (!ips) {
    io.stderr(quiet ? '' : `failed: Name or service not known.\nwget: unable to resolve host address '${host}'\n`);
    if (quiet) io.stderr('');
    return 4;
  }
  const ip = ips[0];
  if (!quiet) io.stderr(`${ips.join(', ')}\nConnecting to ${host} (${host})|${ip}|:${port}... `);
  const conn = ctx.network.connect(ctx.client, ip, port);
  if (conn.kind === 'refused') {
    if (!quiet) io.stderr('failed: Connection refused.\n');
    return 4;
  }
  if (conn.kind === 'timeout') {
    await ctx.sleep(timeout ?? SYN_GIVE_UP_S, io.signal);
    if (!quiet) io.stderr('failed: Connection timed out.\nRetrying.\n\n');
    return 4;
  }
  const res = ctx.network.serve(conn, { method: 'GET', path, headers: [['User-Agent', 'Wget/1.16 (linux-gnu)'], ['Accept', '*/*'], ['Host', hostPort], ['Connection', 'Keep-Alive']] });
  if (!quiet) io.stderr(`connected.\nHTTP request sent, awaiting response... ${res.status} ${statusText(res.status)}\n`);
  if (res.status >= 400) {
    if (!quiet) io.stderr(`${stamp()} ERROR ${res.status}: ${statusText(res.status)}.\n\n`);
    return 8;
  }
  const toStdout = output === '-';
  const file = output ?? (path.split('/').pop() || 'index.html');
  if (!quiet) io.stderr(`Length: ${res.chunked ? 'unspecified' : res.body.length} [text/plain]\nSaving to: '${toStdout ? 'STDOUT' : file}'\n\n`);
  if (toStdout) io.stdout(res.body);
  else ctx.files.set(file, res.body);
  if (!quiet) io.stderr(`\n${stamp()} (1.00 MB/s) - ${toStdout ? 'written to stdout' : `'${file}' saved`} [${res.body.length}]\n\n`);
  return 0;
}
