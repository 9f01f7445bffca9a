/**
 * The seed note's objects as YAML text, for tests that type them into a shell, and running a
 * command that must succeed. One copy here instead of one per test file.
 */
import { BufferIO } from '../../src/shell/io.ts';
import type { Shell } from '../../src/shell/shell.ts';

/** The kubia ReplicationController (Kubernetes in Action 5.1): `replicas` pods labelled app=kubia. */
export function kubiaRC(opts: { replicas?: number; containerPort?: number } = {}): string {
  const ports = opts.containerPort ? `\n        ports:\n        - containerPort: ${opts.containerPort}` : '';
  return `apiVersion: v1
kind: ReplicationController
metadata:
  name: kubia
spec:
  replicas: ${opts.replicas ?? 3}
  selector:
    app: kubia
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
      - name: kubia
        image: luksa/kubia${ports}
`;
}

/** The kubia Service: port 80 to the pods' 8080. */
export const KUBIA_SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
  selector:
    app: kubia
  ports:
  - port: 80
    targetPort: 8080
`;

/** `kubectl apply -f -` with these documents as a heredoc. */
export function applyHeredoc(...docs: string[]): string {
  return `kubectl apply -f - <<EOF\n${docs.join('---\n')}EOF`;
}

/** Run a command line that must succeed; its output is the error message when it does not. */
export async function runOk(shell: Shell, text: string): Promise<void> {
  const io = new BufferIO();
  const code = await shell.run(text, io);
  if (code !== 0) throw new Error(`${text}\n${io.all}`);
}
