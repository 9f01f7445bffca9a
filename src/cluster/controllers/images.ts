/**
 * The container images the simulated registries know. Anything else fails to pull, as a
 * misspelt image does in a real cluster (ErrImagePull, then ImagePullBackOff).
 *
 * References are normalised as containerd does (github.com/distribution/reference
 * ParseNormalizedNamed): `nginx` -> `docker.io/library/nginx:latest`, `luksa/kubia` ->
 * `docker.io/luksa/kubia:latest`. Digests are stable made-up values (not the real ones).
 */

export interface ImageBehaviour {
  /** Approximate compressed size, for the `Pulled` event. */
  sizeBytes: number;
  /** Variables the image's config sets (PATH first), as `env` shows them. */
  env: [string, string][];
  /** The default process exits at once (a shell with no terminal): the container completes and restarts. */
  exitsWithoutCommand?: boolean;
  /** PID 1 ignores SIGTERM (node, sleep): stopping takes the whole grace period. */
  ignoresSigterm?: boolean;
}

interface Repository {
  tags: (tag: string) => boolean;
  behaviour: ImageBehaviour;
}

const PATH_DEFAULT = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const anyVersion = (t: string) => /^v?\d+(\.\d+){0,2}(-[a-z0-9.]+)?$/.test(t);
const tagsOf = (...names: string[]) => (t: string) => names.includes(t);

const nodeImage: ImageBehaviour = {
  sizeBytes: 250151283,
  env: [
    ['PATH', PATH_DEFAULT],
    ['NPM_CONFIG_LOGLEVEL', 'info'],
    ['NODE_VERSION', '7.10.1'],
    ['YARN_VERSION', '0.24.4'],
  ],
  ignoresSigterm: true,
};

const REPOSITORIES: Record<string, Repository> = {
  'docker.io/luksa/kubia': { tags: tagsOf('latest', 'v1', 'v2', 'v3'), behaviour: nodeImage },
  'docker.io/luksa/kubia-unhealthy': { tags: tagsOf('latest'), behaviour: nodeImage },
  'docker.io/luksa/kubia-pet': { tags: tagsOf('latest'), behaviour: nodeImage },
  'docker.io/luksa/fortune': {
    tags: tagsOf('latest', 'env', 'args'),
    behaviour: { sizeBytes: 72343151, env: [['PATH', PATH_DEFAULT]], ignoresSigterm: true },
  },
  'docker.io/library/nginx': {
    tags: (t) => ['latest', 'alpine', 'stable', 'mainline', 'stable-alpine', 'mainline-alpine'].includes(t) || anyVersion(t),
    behaviour: {
      sizeBytes: 72225394,
      env: [
        ['PATH', PATH_DEFAULT],
        ['NGINX_VERSION', '1.27.5'],
        ['NJS_VERSION', '0.8.10'],
        ['NJS_RELEASE', '1~bookworm'],
        ['PKG_RELEASE', '1~bookworm'],
        ['DYNPKG_RELEASE', '1~bookworm'],
      ],
    },
  },
  'docker.io/library/busybox': {
    tags: (t) => ['latest', 'stable', 'musl', 'glibc', 'uclibc'].includes(t) || anyVersion(t),
    behaviour: { sizeBytes: 2156519, env: [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']], exitsWithoutCommand: true, ignoresSigterm: true },
  },
  'docker.io/library/alpine': {
    tags: (t) => t === 'latest' || anyVersion(t),
    behaviour: { sizeBytes: 3653068, env: [['PATH', PATH_DEFAULT]], exitsWithoutCommand: true, ignoresSigterm: true },
  },
  'docker.io/curlimages/curl': {
    tags: (t) => t === 'latest' || anyVersion(t),
    behaviour: {
      sizeBytes: 9683529,
      env: [
        ['PATH', PATH_DEFAULT],
        ['CURL_CA_BUNDLE', '/cacert.pem'],
        ['CURL_VERSION', '8.13.0'],
      ],
      exitsWithoutCommand: true,
    },
  },
  'docker.io/tutum/dnsutils': {
    tags: tagsOf('latest'),
    behaviour: { sizeBytes: 74821510, env: [['PATH', PATH_DEFAULT]], exitsWithoutCommand: true, ignoresSigterm: true },
  },
  'registry.k8s.io/e2e-test-images/jessie-dnsutils': {
    tags: tagsOf('1.3', '1.5', '1.7'),
    behaviour: { sizeBytes: 112030336, env: [['PATH', PATH_DEFAULT]], exitsWithoutCommand: true, ignoresSigterm: true },
  },
  'registry.k8s.io/coredns/coredns': {
    tags: tagsOf('v1.12.0', 'v1.11.3', 'v1.11.1'),
    behaviour: { sizeBytes: 20939036, env: [['PATH', PATH_DEFAULT]] },
  },
  'registry.k8s.io/pause': { tags: tagsOf('3.10', '3.9'), behaviour: { sizeBytes: 320368, env: [['PATH', PATH_DEFAULT]] } },
  // The control plane and node components of the bootstrapped kubeadm cluster.
  'registry.k8s.io/kube-proxy': { tags: tagsOf('v1.33.1'), behaviour: { sizeBytes: 30893497, env: [['PATH', PATH_DEFAULT]] } },
  'registry.k8s.io/kube-apiserver': { tags: tagsOf('v1.33.1'), behaviour: { sizeBytes: 30068903, env: [['PATH', PATH_DEFAULT]] } },
  'registry.k8s.io/kube-controller-manager': { tags: tagsOf('v1.33.1'), behaviour: { sizeBytes: 27641224, env: [['PATH', PATH_DEFAULT]] } },
  'registry.k8s.io/kube-scheduler': { tags: tagsOf('v1.33.1'), behaviour: { sizeBytes: 21785383, env: [['PATH', PATH_DEFAULT]] } },
  'registry.k8s.io/etcd': { tags: tagsOf('3.5.21-0'), behaviour: { sizeBytes: 58938593, env: [['PATH', PATH_DEFAULT]] } },
  'docker.io/flannel/flannel': { tags: tagsOf('v0.26.7'), behaviour: { sizeBytes: 32393311, env: [['PATH', PATH_DEFAULT]] } },
};

export interface ResolvedImage {
  /** As the pod spec wrote it. */
  spec: string;
  /** The normalised reference containerd reports (`status.containerStatuses[].image`). */
  ref: string;
  repository: string;
  tag: string;
  /** `repository@sha256:...` (`imageID`), or undefined when the image does not exist. */
  imageID?: string;
  behaviour?: ImageBehaviour;
  /** The runtime's error text when it does not exist. */
  pullError?: string;
}

/** ParseNormalizedNamed + TagNameOnly. */
export function normaliseImage(spec: string): { repository: string; tag: string; digest?: string } {
  let rest = spec;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag = 'latest';
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const first = rest.split('/')[0];
  const hasDomain = rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  let repository: string;
  if (hasDomain) repository = rest;
  else if (rest.includes('/')) repository = `docker.io/${rest}`;
  else repository = `docker.io/library/${rest}`;
  return { repository, tag, digest };
}

export function resolveImage(spec: string): ResolvedImage {
  const { repository, tag } = normaliseImage(spec);
  const ref = `${repository}:${tag}`;
  const repo = REPOSITORIES[repository];
  if (repo && repo.tags(tag)) {
    return { spec, ref, repository, tag, imageID: `${repository}@sha256:${fakeSha256(ref)}`, behaviour: repo.behaviour };
  }
  const pullError = repo
    ? `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`
    : `rpc error: code = Unknown desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
  return { spec, ref, repository, tag, pullError };
}

/** Whether the pull policy defaults to Always (tag `latest` or none), as SetDefaults_Container decides. */
export function defaultPullPolicy(spec: string): 'Always' | 'IfNotPresent' {
  const { tag, digest } = normaliseImage(spec);
  if (digest) return 'IfNotPresent';
  const explicit = spec.lastIndexOf(':') > spec.lastIndexOf('/');
  return !explicit || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** 64 hex characters derived from a string: stable across runs, unrelated to real digests. */
export function fakeSha256(input: string): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < 64; round++) {
    for (let i = 0; i < input.length; i++) {
      h ^= input.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= round;
    h = Math.imul(h, 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}
