/**
 * The sample applications pods run: what listens on which port, what it answers and what it
 * logs. Chosen by image, as the image's ENTRYPOINT would decide. The texts come from the apps'
 * sources (luksa/kubernetes-in-action Chapter02/kubia/app.js, Chapter04/kubia-unhealthy,
 * Chapter09/v1..v3; the nginx image's default site and entrypoint); see
 * /work/shared/reference/pod-network-tools.md §1.
 */
import { normaliseImage } from '../controllers/images.ts';
import type { HttpRequest, HttpResponse } from './http.ts';
import { header, httpDate } from './http.ts';

/** What a running app instance knows while serving: its pod's hostname and the time. */
export interface AppContext {
  hostname: string;
  now: number;
  /** The peer address as the server's socket sees it (before any app formatting). */
  clientIP: string;
  /** Per container instance state (request counters): reset when the container restarts. */
  state: Record<string, number>;
  /** Append one line to the container's log. */
  log(line: string): void;
}

export interface App {
  /** TCP ports the process listens on. */
  ports: readonly number[];
  /** Lines logged at start (the container's first log lines). */
  startLogs(hostname: string, now: number): string[];
  serve(req: HttpRequest, ctx: AppContext): HttpResponse;
}

/** Node's `http` after `res.writeHead(code); res.end(body)`: Date, Connection, chunked body. */
function nodeReply(status: number, body: string, now: number): HttpResponse {
  return { status, headers: [['Date', httpDate(now)], ['Connection', 'keep-alive'], ['Transfer-Encoding', 'chunked']], body, chunked: true };
}

/** kubia (Chapter02): `You've hit <hostname>` on 8080; logs each request's IPv4-mapped peer. */
function kubia(answer: (ctx: AppContext) => { status: number; body: string }): App {
  return {
    ports: [8080],
    startLogs: () => ['Kubia server starting...'],
    serve(_req, ctx) {
      // Node listens on `::`, so IPv4 peers arrive IPv4-mapped.
      ctx.log(`Received request from ::ffff:${ctx.clientIP}`);
      const { status, body } = answer(ctx);
      return nodeReply(status, body, ctx.now);
    },
  };
}

const kubiaV1 = kubia((ctx) => ({ status: 200, body: `You've hit ${ctx.hostname}\n` }));
const versioned = (v: string) => kubia((ctx) => ({ status: 200, body: `This is ${v} running in pod ${ctx.hostname}\n` }));
/** Chapter09/v3: fails from its fifth request on. */
const kubiaV3 = kubia((ctx) => {
  const n = (ctx.state.requests = (ctx.state.requests ?? 0) + 1);
  if (n >= 5) return { status: 500, body: `Some internal error has occurred! This is pod ${ctx.hostname}\n` };
  return { status: 200, body: `This is v3 running in pod ${ctx.hostname}\n` };
});
/** Chapter04/kubia-unhealthy: five good answers, then 500 without a newline. */
const kubiaUnhealthy = kubia((ctx) => {
  const n = (ctx.state.requests = (ctx.state.requests ?? 0) + 1);
  if (n > 5) return { status: 500, body: "I'm not well. Please restart me!" };
  return { status: 200, body: `You've hit ${ctx.hostname}\n` };
});

export const NGINX_VERSION = '1.27.5';

/** The nginx image's /usr/share/nginx/html/index.html (615 bytes). */
export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const NGINX_404 = `<html>
<head><title>404 Not Found</title></head>
<body>
<center><h1>404 Not Found</h1></center>
<hr><center>nginx/${NGINX_VERSION}</center>
</body>
</html>
`;

function nginxLogTime(ms: number): string {
  const d = new Date(ms);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${mon}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

function errorLogTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace(/-/g, '/').replace('T', ' ');
}

const nginx: App = {
  ports: [80],
  startLogs(_hostname, now) {
    const t = errorLogTime(now);
    return [
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      `${t} [notice] 1#1: using the "epoll" event method`,
      `${t} [notice] 1#1: nginx/${NGINX_VERSION}`,
      `${t} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) `,
      `${t} [notice] 1#1: OS: Linux 6.8.0-51-generic`,
      `${t} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
      `${t} [notice] 1#1: start worker processes`,
      `${t} [notice] 1#1: start worker process 29`,
      `${t} [notice] 1#1: start worker process 30`,
    ];
  },
  serve(req, ctx) {
    const found = req.path === '/' || req.path === '/index.html';
    const body = found ? NGINX_WELCOME : NGINX_404;
    const status = found ? 200 : 404;
    const ua = header(req.headers, 'User-Agent') ?? '-';
    ctx.log(`${ctx.clientIP} - - [${nginxLogTime(ctx.now)}] "${req.method} ${req.path} HTTP/1.1" ${status} ${body.length} "-" "${ua}" "-"`);
    const headers: [string, string][] = [
      ['Server', `nginx/${NGINX_VERSION}`],
      ['Date', httpDate(ctx.now)],
      ['Content-Type', 'text/html'],
      ['Content-Length', String(body.length)],
    ];
    if (found) headers.push(['Last-Modified', 'Wed, 16 Apr 2025 12:01:11 GMT']);
    headers.push(['Connection', 'keep-alive']);
    if (found) headers.push(['ETag', '"67ff9c07-267"'], ['Accept-Ranges', 'bytes']);
    return { status, headers, body };
  },
};

/** The app an image runs when the pod spec gives no command, or undefined (no server). */
export function appForImage(image: string, command?: readonly string[]): App | undefined {
  const { repository, tag } = normaliseImage(image);
  // A pod that overrides the command (`sleep 3600`) runs no server.
  if (command && command.length > 0 && !/node|nginx/.test(command[0])) return undefined;
  switch (repository) {
    case 'docker.io/luksa/kubia':
      if (tag === 'v2') return versioned('v2');
      if (tag === 'v3') return kubiaV3;
      if (tag === 'v1') return versioned('v1');
      return kubiaV1;
    case 'docker.io/luksa/kubia-unhealthy':
      return kubiaUnhealthy;
    case 'docker.io/library/nginx':
      return nginx;
    default:
      return undefined;
  }
}
