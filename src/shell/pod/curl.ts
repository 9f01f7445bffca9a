/**
 * curl as the images ship it (7.38.0 in luksa/kubia, 7.88.1 in nginx/bookworm, 8.13.0 in
 * curlimages/curl): body on stdout; progress meter, `-v` lines and `curl: (N) message` on
 * stderr. Messages and exit codes per version: reference pod-network-tools.md §2 (curl/curl
 * lib/connect.c, lib/strerror.c, lib/progress.c, src/tool_cb_dbg.c).
 */
import type { HttpRequest, HttpResponse } from '../../cluster/network/http.ts';
import { statusText } from '../../cluster/network/http.ts';
import type { CommandIO } from '../io.ts';
import { resolveHost, type PodContext, type Tool } from './context.ts';
import type { CurlFlavour } from './images.ts';

interface CurlOptions {
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  include: boolean;
  head: boolean;
  fail: boolean;
  headers: [string, string][];
  maxTime?: number;
  connectTimeout?: number;
  method?: string;
  data?: string;
  output?: string;
  writeOut?: string;
  urls: string[];
}

/** The kernel gives up on an unanswered SYN after ~127 s (6 retries); curl 8 reports ~129 s. */
const SYN_GIVE_UP_S = 127;
/** What a refused connect costs, for the `after N ms` texts. */
const REFUSED_MS = 3;

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";

class UsageError extends Error {}

function parseArgs(args: string[]): CurlOptions {
  const o: CurlOptions = { silent: false, showError: false, verbose: false, include: false, head: false, fail: false, headers: [], urls: [] };
  const needsValue = new Set(['H', 'm', 'X', 'o', 'w', 'd', 'A', 'u', 'e', 'x']);
  const long: Record<string, string> = {
    '--silent': 's', '--show-error': 'S', '--verbose': 'v', '--include': 'i', '--head': 'I', '--fail': 'f', '--location': 'L',
    '--header': 'H', '--max-time': 'm', '--request': 'X', '--output': 'o', '--write-out': 'w', '--data': 'd', '--user-agent': 'A',
    '--insecure': 'k', '--user': 'u', '--referer': 'e', '--proxy': 'x',
  };
  const apply = (flag: string, value: string | undefined) => {
    switch (flag) {
      case 's': o.silent = true; break;
      case 'S': o.showError = true; break;
      case 'v': o.verbose = true; break;
      case 'i': o.include = true; break;
      case 'I': o.head = true; break;
      case 'f': o.fail = true; break;
      case 'L': case 'k': case 'u': case 'e': case 'x': break;
      case 'H': {
        const i = value!.indexOf(':');
        if (i > 0) o.headers.push([value!.slice(0, i).trim(), value!.slice(i + 1).trim()]);
        break;
      }
      case 'A': o.headers.push(['User-Agent', value!]); break;
      case 'm': o.maxTime = Number(value); break;
      case 'X': o.method = value; break;
      case 'o': o.output = value; break;
      case 'w': o.writeOut = value; break;
      case 'd': o.data = value; break;
    }
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a : a.slice(0, eq);
      if (name === '--connect-timeout') {
        o.connectTimeout = Number(eq < 0 ? args[++i] : a.slice(eq + 1));
        continue;
      }
      const short = long[name];
      if (!short) throw new UsageError(`curl: option ${a}: is unknown\n${TRY}`);
      if (needsValue.has(short)) {
        const v = eq < 0 ? args[++i] : a.slice(eq + 1);
        if (v === undefined) throw new UsageError(`curl: option ${a}: requires parameter\n${TRY}`);
        apply(short, v);
      } else apply(short, undefined);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        if (needsValue.has(f)) {
          const rest = a.slice(j + 1);
          const v = rest !== '' ? rest : args[++i];
          if (v === undefined) throw new UsageError(`curl: option -${f}: requires parameter\n${TRY}`);
          apply(f, v);
          break;
        }
        if (!'sSviIfLk'.includes(f)) throw new UsageError(`curl: option ${a}: is unknown\n${TRY}`);
        apply(f, undefined);
      }
      continue;
    }
    o.urls.push(a);
  }
  return o;
}

interface ParsedURL {
  scheme: string;
  host: string;
  port: number;
  path: string;
  hadPath: boolean;
  /** As curl prints it (`http://kubia/`). */
  full: string;
}

function parseURL(raw: string): ParsedURL | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]*)(?::(\d+))?([/?#].*)?$/.exec(raw);
  if (!m || m[2] === '') return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  const hadPath = m[4] !== undefined && m[4].startsWith('/');
  const path = hadPath ? m[4]! : '/' + (m[4] ?? '');
  const hostPort = m[3] ? `${m[2]}:${m[3]}` : m[2];
  return { scheme, host: m[2], port, path, hadPath, full: `${scheme}://${hostPort}${path}` };
}

/** max5data of lib/progress.c: a size in at most 5 characters. */
function max5(n: number): string {
  if (n < 100000) return String(n).padStart(5);
  if (n < 10000 * 1024) return `${Math.floor(n / 1024)}k`.padStart(5);
  return `${Math.floor(n / 1048576)}M`.padStart(5);
}

function time8(ms: number | undefined): string {
  if (ms === undefined) return '--:--:--';
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

const METER_HEAD =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** The meter's last state: sizes, speeds (as if the transfer took 2 ms), times. */
function meterLine(received: number, total: number | undefined, spentMs: number): string {
  const totalPct = total !== undefined && total > 0 ? 100 : received > 0 ? 100 : 0;
  const totalSize = total ?? received;
  const dlPct = total !== undefined && total > 0 ? Math.floor((received * 100) / total) : 0;
  const avg = received > 0 ? received * 500 : 0;
  const cur = received > 0 ? received * 1000 : 0;
  const spent = spentMs >= 1000 ? time8(spentMs) : '--:--:--';
  const totalTime = spentMs >= 1000 && received > 0 ? spent : '--:--:--';
  return `${String(totalPct).padStart(3)} ${max5(totalSize)}  ${String(dlPct).padStart(3)} ${max5(received)}    0     0  ${max5(avg)}      0 ${totalTime} ${spent} --:--:-- ${max5(cur)}\n`;
}

function writeOut(format: string, vars: Record<string, string>): string {
  return format
    .replace(/%\{([a-z_]+)\}/g, (all, name: string) => vars[name] ?? all)
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t')
    .replace(/\\r/g, '\r');
}

export const curl: Tool = async (args, io, ctx) => {
  const flavour = ctx.profile.curl ?? '8.13.0';
  let o: CurlOptions;
  try {
    o = parseArgs(args);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(e.message);
      return 2;
    }
    throw e;
  }
  if (o.urls.length === 0) {
    io.stderr(`curl: no URL specified!\n${TRY}`);
    return 2;
  }
  let code = 0;
  for (const raw of o.urls) code = await fetchOne(raw, o, flavour, io, ctx);
  return code;
};

async function fetchOne(raw: string, o: CurlOptions, flavour: CurlFlavour, io: CommandIO, ctx: PodContext): Promise<number> {
  const old = flavour === '7.38.0';
  const modern = flavour === '8.13.0';
  const toNull = o.output === '/dev/null';
  const meter = !o.silent && (!io.tty || o.output !== undefined);
  const showErr = !o.silent || o.showError;
  const verbose = (t: string) => {
    if (o.verbose) io.stderr(t);
  };
  const vars: Record<string, string> = { http_code: '000', remote_ip: '', remote_port: '', size_download: '0', url_effective: raw, response_code: '000' };
  let meterShown = false;
  const showMeterHead = () => {
    if (meter && !meterShown) io.stderr(METER_HEAD);
    meterShown = true;
  };
  const fail = (exit: number, message: string, spentMs: number) => {
    showMeterHead();
    // 7.38 leaves the meter's last line open, so the error is glued to it (`...     0curl: (7) ...`).
    if (meter) io.stderr(old ? meterLine(0, undefined, spentMs).slice(0, -1) : meterLine(0, undefined, spentMs));
    if (showErr) io.stderr(`curl: (${exit}) ${message}\n`);
    if (o.writeOut) io.stdout(writeOut(o.writeOut, vars));
    return exit;
  };
  const url = parseURL(raw);
  if (!url) {
    return fail(3, old ? `<url> malformed` : 'URL using bad/illegal format or missing URL', 0);
  }
  vars.url_effective = url.full;
  if (url.scheme !== 'http' && url.scheme !== 'https') {
    return fail(1, old ? `Protocol ${url.scheme} not supported or disabled in libcurl` : `Protocol "${url.scheme}" not supported`, 0);
  }
  if (old && !url.hadPath) verbose(`* Rebuilt URL to: ${url.full}\n`);
  if (old) verbose('* Hostname was NOT found in DNS cache\n');
  const ips = resolveHost(ctx, url.host);
  if (!ips) {
    verbose(`* Could not resolve host: ${url.host}\n`);
    if (old) verbose('* Closing connection 0\n');
    return fail(6, `Could not resolve host: ${url.host}`, 0);
  }
  const ip = ips[0];
  if (modern) verbose(`* Host ${url.host}:${url.port} was resolved.\n* IPv6: (none)\n* IPv4: ${ips.join(', ')}\n`);
  verbose(old ? `*   Trying ${ip}...\n` : `*   Trying ${ip}:${url.port}...\n`);
  // The meter starts with the transfer, after the first connect attempt is under way.
  showMeterHead();
  const conn = ctx.network.connect(ctx.client, ip, url.port);
  const closing = old ? '* Closing connection 0\n' : modern ? '* closing connection #0\n' : '* Closing connection 0\n';
  const couldnt = modern ? 'Could not connect to server' : "Couldn't connect to server";
  if (conn.kind === 'refused') {
    verbose(`* connect to ${ip} port ${url.port} failed: Connection refused\n`);
    const msg = old ? `Failed to connect to ${url.host} port ${url.port}: Connection refused` : `Failed to connect to ${url.host} port ${url.port} after ${REFUSED_MS} ms: ${couldnt}`;
    verbose(`* ${msg}\n${closing}`);
    return fail(7, msg, 0);
  }
  if (conn.kind === 'timeout') {
    const limit = o.connectTimeout !== undefined && (o.maxTime === undefined || o.connectTimeout <= o.maxTime) ? o.connectTimeout : o.maxTime;
    if (limit !== undefined && limit < SYN_GIVE_UP_S) {
      await ctx.sleep(limit, io.signal);
      const ms = Math.round(limit * 1000) + 1;
      const viaConnect = limit === o.connectTimeout && !old;
      const msg = viaConnect ? `Failed to connect to ${url.host} port ${url.port} after ${ms} ms: Timeout was reached` : `Connection timed out after ${ms} milliseconds`;
      verbose(`* ${msg}\n${closing}`);
      return fail(28, msg, ms);
    }
    await ctx.sleep(SYN_GIVE_UP_S, io.signal);
    verbose(`* connect to ${ip} port ${url.port} failed: Connection timed out\n`);
    if (old) {
      const msg = `Failed to connect to ${url.host} port ${url.port}: Connection timed out`;
      verbose(`* ${msg}\n${closing}`);
      return fail(7, msg, SYN_GIVE_UP_S * 1000);
    }
    const msg = `Failed to connect to ${url.host} port ${url.port} after 129406 ms: ${couldnt}`;
    verbose(`* ${msg}\n${closing}`);
    return fail(28, msg, 129406);
  }
  vars.remote_ip = ip;
  vars.remote_port = String(url.port);
  if (old) verbose(`* Connected to ${url.host} (${ip}) port ${url.port} (#0)\n`);
  else if (modern) verbose(`* Connected to ${url.host} (${ip}) port ${url.port}\n* using HTTP/1.x\n`);
  else verbose(`* Connected to ${url.host} (${ip}) port ${url.port} (#0)\n`);

  const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
  const hostHeader = url.port === (url.scheme === 'https' ? 443 : 80) ? url.host : `${url.host}:${url.port}`;
  const ua = `curl/${flavour}`;
  const base: [string, string][] = old
    ? [['User-Agent', ua], ['Host', hostHeader], ['Accept', '*/*']]
    : [['Host', hostHeader], ['User-Agent', ua], ['Accept', '*/*']];
  const headers = base.filter(([k]) => !o.headers.some(([h]) => h.toLowerCase() === k.toLowerCase()));
  headers.push(...o.headers.filter(([, v]) => v !== ''));
  if (o.data !== undefined) headers.push(['Content-Length', String(o.data.length)], ['Content-Type', 'application/x-www-form-urlencoded']);
  const req: HttpRequest = { method, path: url.path, headers, body: o.data };
  verbose(`> ${method} ${url.path} HTTP/1.1\n${headers.map(([k, v]) => `> ${k}: ${v}\n`).join('')}> \n`);
  if (modern && o.verbose) io.stderr('* Request completely sent off\n');
  const res: HttpResponse = ctx.network.serve(conn, req);
  vars.http_code = vars.response_code = String(res.status).padStart(3, '0');
  const headText = [`HTTP/1.1 ${res.status} ${statusText(res.status)}`, ...res.headers.map(([k, v]) => `${k}: ${v}`)];
  verbose(headText.map((l) => `< ${l}\n`).join('') + '< \n');
  if (o.fail && res.status >= 400) {
    verbose(`* The requested URL returned error: ${res.status}\n${closing}`);
    return fail(22, old ? `The requested URL returned error: ${res.status} ${statusText(res.status)}` : `The requested URL returned error: ${res.status}`, 0);
  }
  const body = method === 'HEAD' ? '' : res.body;
  vars.size_download = String(body.length);
  const out = (t: string) => {
    if (o.output === undefined) io.stdout(t);
  };
  if (o.include || o.head) out(headText.join('\n') + '\n\n');
  if (body.length > 0 && o.verbose && !io.tty) io.stderr(old ? '{ [data not shown]\n' : `{ [${body.length} bytes data]\n`);
  out(body);
  if (!toNull && o.output !== undefined) ctx.files.set(o.output, body);
  if (meter) io.stderr(meterLine(body.length, res.chunked ? undefined : body.length, 0));
  verbose(`* Connection #0 to host ${url.host} left intact\n`);
  if (o.writeOut) io.stdout(writeOut(o.writeOut, vars));
  return 0;
}
