/**
 * The real kubectl v1.33, our reference. The development and CI machines have it beside the
 * gcloud kubectl; KUBECTL_133 overrides the path.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CANDIDATES = [
  process.env.KUBECTL_133,
  '/usr/lib/google-cloud-sdk/bin/kubectl.1.33',
  '/usr/local/bin/kubectl.1.33',
  '/usr/bin/kubectl.1.33',
].filter((p): p is string => !!p);

export const REAL_KUBECTL = CANDIDATES.find((p) => existsSync(p));

export interface RealResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Run the real kubectl with a kubeconfig (text); never rejects. */
export function runRealKubectl(args: string[], kubeconfig: string, env: Record<string, string> = {}, cwd?: string): Promise<RealResult> {
  if (!REAL_KUBECTL) throw new Error(`the real kubectl v1.33 was not found (looked at ${CANDIDATES.join(', ')}); set KUBECTL_133`);
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-kc-'));
  const path = join(dir, 'config');
  writeFileSync(path, kubeconfig);
  return new Promise((resolve) => {
    execFile(
      REAL_KUBECTL!,
      args,
      { env: { PATH: process.env.PATH ?? '', HOME: dir, KUBECONFIG: path, TZ: 'UTC', KUBECTL_COMMAND_HEADERS: 'false', ...env }, timeout: 20000, cwd },
      (err, stdout, stderr) => {
        const code = err && typeof (err as NodeJS.ErrnoException & { code?: unknown }).code === 'number' ? Number((err as { code: number }).code) : err ? 1 : 0;
        resolve({ stdout: String(stdout), stderr: String(stderr), code });
      },
    );
  });
}

/**
 * Run the real kubectl with stderr sent into the same pipe as stdout (`2>&1`), which keeps the
 * order in which the two streams were written: what a terminal shows.
 */
export function runRealKubectlInterleaved(args: string[], kubeconfig: string, cwd?: string): Promise<RealResult> {
  if (!REAL_KUBECTL) throw new Error('the real kubectl v1.33 was not found; set KUBECTL_133');
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-kc-'));
  const path = join(dir, 'config');
  writeFileSync(path, kubeconfig);
  return new Promise((resolve) => {
    execFile(
      '/bin/sh',
      ['-c', 'exec "$0" "$@" 2>&1', REAL_KUBECTL!, ...args],
      { env: { PATH: process.env.PATH ?? '', HOME: dir, KUBECONFIG: path, TZ: 'UTC' }, timeout: 20000, cwd },
      (err, stdout) => {
        const code = err && typeof (err as { code?: unknown }).code === 'number' ? Number((err as { code: number }).code) : err ? 1 : 0;
        resolve({ stdout: String(stdout), stderr: '', code });
      },
    );
  });
}
