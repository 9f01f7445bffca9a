/**
 * What a container image brings for `kubectl exec`: its shell and prompt, which network tools
 * exist and in which flavour (curl version, busybox or BIND nslookup), the user and working
 * directory. See /work/shared/reference/pod-network-tools.md §0.
 */
import { normaliseImage } from '../../cluster/controllers/images.ts';

export type CurlFlavour = '7.38.0' | '7.88.1' | '8.13.0';
export type NslookupFlavour = 'busybox' | 'bind9.9' | 'bind9.18';

export interface ImageProfile {
  /** The shell binaries present (`sh`, `bash`); empty for distroless images. */
  shells: string[];
  /** The interactive prompt. */
  prompt(hostname: string, cwd: string): string;
  /** How the shell reports an unknown command (`line` counts the lines the shell has read). */
  notFound(shell: string, name: string, line: number): string;
  /** Programs on $PATH besides the shell (tools not listed here do not exist in the image). */
  tools: Set<string>;
  curl?: CurlFlavour;
  nslookup?: NslookupFlavour;
  wget?: 'busybox' | 'gnu';
  ping?: 'busybox' | 'inetutils';
  dig?: '9.9.5' | '9.18.33';
  user: string;
  cwd: string;
}

const COREUTILS = ['env', 'printenv', 'hostname', 'cat', 'ls', 'echo', 'sleep', 'touch', 'rm', 'true', 'false', 'grep', 'pwd', 'whoami', 'id', 'date', 'head', 'uname', 'mkdir'];

const bashPrompt = (host: string, cwd: string) => `root@${host}:${cwd}# `;
/** Debian: /bin/sh is dash (`sh: 1: foo: not found`), bash says `command not found`. */
const bashNotFound = (shell: string, name: string, line: number) => (shell === 'bash' ? `bash: ${name}: command not found` : `${shell}: ${line}: ${name}: not found`);
/** busybox ash: `sh: curl: not found`. */
const ashNotFound = (shell: string, name: string) => `${shell}: ${name}: not found`;
const ashPrompt = (_host: string, cwd: string) => `${cwd === '/' ? '/' : cwd.split('/').pop()} # `;

const busyboxTools = [...COREUTILS, 'nslookup', 'wget', 'ping', 'ifconfig', 'ip', 'nc', 'netstat', 'vi', 'ps', 'kill'];

/** busybox's ash and applets (nslookup, wget, ping included). */
const BUSYBOX: ImageProfile = {
  shells: ['sh', 'ash'],
  prompt: ashPrompt,
  notFound: ashNotFound,
  tools: new Set(busyboxTools),
  nslookup: 'busybox',
  wget: 'busybox',
  ping: 'busybox',
  user: 'root',
  cwd: '/',
};

const PROFILES: Record<string, ImageProfile> = {
  // node:7 on Debian jessie (buildpack-deps): curl 7.38, GNU wget, ping, no DNS tools.
  'docker.io/luksa/kubia': {
    shells: ['sh', 'bash'],
    prompt: bashPrompt,
    notFound: bashNotFound,
    tools: new Set([...COREUTILS, 'curl', 'wget', 'ping', 'node', 'npm', 'ps', 'kill']),
    curl: '7.38.0',
    wget: 'gnu',
    ping: 'inetutils',
    user: 'root',
    cwd: '/',
  },
  // Debian bookworm: curl 7.88.1 and little else.
  'docker.io/library/nginx': {
    shells: ['sh', 'bash'],
    prompt: bashPrompt,
    notFound: bashNotFound,
    tools: new Set([...COREUTILS, 'curl', 'nginx']),
    curl: '7.88.1',
    user: 'root',
    cwd: '/',
  },
  'docker.io/library/busybox': BUSYBOX,
  // Alpine's tools are busybox's applets.
  'docker.io/library/alpine': BUSYBOX,
  'docker.io/curlimages/curl': {
    shells: ['sh', 'ash'],
    prompt: (_host, cwd) => `${cwd === '/home/curl_user' ? '~' : cwd} $ `,
    notFound: ashNotFound,
    tools: new Set([...busyboxTools, 'curl']),
    curl: '8.13.0',
    nslookup: 'busybox',
    wget: 'busybox',
    ping: 'busybox',
    user: 'curl_user',
    cwd: '/home/curl_user',
  },
  'docker.io/tutum/dnsutils': {
    shells: ['sh', 'bash'],
    prompt: bashPrompt,
    notFound: bashNotFound,
    tools: new Set([...COREUTILS, 'nslookup', 'dig', 'host']),
    nslookup: 'bind9.9',
    dig: '9.9.5',
    user: 'root',
    cwd: '/',
  },
  'registry.k8s.io/e2e-test-images/jessie-dnsutils': {
    shells: ['sh', 'bash'],
    prompt: bashPrompt,
    notFound: bashNotFound,
    tools: new Set([...COREUTILS, 'nslookup', 'dig', 'host', 'ping', 'wget']),
    nslookup: 'bind9.9',
    dig: '9.9.5',
    wget: 'gnu',
    ping: 'inetutils',
    user: 'root',
    cwd: '/',
  },
  'docker.io/nicolaka/netshoot': {
    shells: ['sh', 'bash', 'zsh'],
    prompt: bashPrompt,
    notFound: bashNotFound,
    tools: new Set([...COREUTILS, 'curl', 'nslookup', 'dig', 'host', 'ping', 'wget']),
    curl: '8.13.0',
    nslookup: 'bind9.18',
    dig: '9.18.33',
    wget: 'gnu',
    ping: 'busybox',
    user: 'root',
    cwd: '/',
  },
};

/** Distroless images (coredns, pause): nothing to run but the binary itself. */
const EMPTY: ImageProfile = {
  shells: [],
  prompt: bashPrompt,
  notFound: bashNotFound,
  tools: new Set(),
  user: 'root',
  cwd: '/',
};

export function profileForImage(image: string): ImageProfile {
  const { repository } = normaliseImage(image);
  return PROFILES[repository] ?? EMPTY;
}
