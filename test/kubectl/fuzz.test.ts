/**
 * Fuzzing runKubectl: any argv (verbs we serve, random flags, names, YAML on stdin) resolves with
 * output or a kubectl-shaped error, never throws or hangs; a command that fails leaves every
 * stored object as it was (events aside). Also kubectl edit with an editFile that returns text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.ts';
import { RESOURCES } from '../../src/cluster/api/resources.ts';
import { COMMANDS } from '../../src/kubectl/commands/index.ts';
import { runKubectl } from '../../src/kubectl/kubectl.ts';
import type { KubectlContext } from '../../src/kubectl/context.ts';
import { BufferIO as PlainBufferIO } from '../../src/shell/io.ts';

/** BufferIO with an editor the test can set. */
class BufferIO extends PlainBufferIO {
  editFile?: (path: string, content: string) => Promise<string | null>;
}
import { VirtualFS } from '../../src/shell/vfs.ts';

const VERBS = COMMANDS.map((c) => c.name).concat(['service', 'clusterip', 'selector', 'status', 'restart', 'history', 'undo', 'deployment']);
const TYPES = ['svc', 'service', 'pods', 'po', 'deploy', 'deployment', 'rs', 'ep', 'ns', 'cm', 'node', 'bogus', 'svc/web', 'deployment/web', 'pod/p'];
const FLAGS = ['-o', 'yaml', 'json', 'name', 'wide', '--dry-run=client', '--dry-run=server', '--port=80', '--port=abc', '--target-port=8080', '--image=nginx', '--image=', '--tcp=80', '-f', '-', '--replicas=2', '--type=NodePort', '--type=Bad', '--selector=app=web', '-l', 'app=web', '--restart=Never', '--command', '--', '-n', 'default', '--to-revision=1', '--watch=false', '--all', '--help', '-p', '{"spec":{}}', '--name=x', '--env=A=1', '--labels=a=b'];
const NAMES = ['web', 'p', 'x', 'kubernetes', 'a_b', 'app=web', 'app=web2', '', 'Web'];
const STDIN = ['', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  ports:\n  - port: 80\n', 'kind: Service\n', ': bad\n  - yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: []\n', '---\n---\n', '[1, 2]'];

function setup(): { cluster: Cluster; ctx: KubectlContext } {
  const cluster = new Cluster({ seed: 7 });
  const fs = new VirtualFS();
  const ctx: KubectlContext = { api: cluster.api, fs, now: () => cluster.clock.now(), namespace: 'default' };
  return { cluster, ctx };
}

/** Everything stored except events (controllers write those on their own). */
function snapshot(cluster: Cluster): string {
  return JSON.stringify(RESOURCES.filter((r) => r.kind !== 'Event').map((r) => cluster.api.scan(r)));
}

const SHAPED = /^(error: |Error from server|The [A-Za-z]+ "[^"]*" is invalid|The request is invalid|Warning: |Edit cancelled|A copy of your changes|You must specify|[a-z.]+\/\S+ |You can run|the server doesn't have a resource type)/;

describe('fuzz: runKubectl', () => {
  it('always resolves; errors are kubectl-shaped; failed commands change nothing', async () => {
    const { cluster, ctx } = setup();
    for (const cmd of [['create', 'deployment', 'web', '--image=nginx', '--port=80'], ['run', 'p', '--image=nginx', '--port=8080'], ['expose', 'deployment', 'web']]) {
      expect(await runKubectl(cmd, ctx, new BufferIO())).toBe(0);
    }
    const argv = fc.tuple(fc.constantFrom(...VERBS), fc.array(fc.oneof(fc.constantFrom(...TYPES), fc.constantFrom(...FLAGS), fc.constantFrom(...NAMES), fc.string({ maxLength: 6 })), { maxLength: 6 }));
    await fc.assert(
      fc.asyncProperty(argv, fc.constantFrom(...STDIN), async ([verb, rest], stdin) => {
        const before = snapshot(cluster);
        const io = new BufferIO(stdin);
        io.editFile = async (_path, content) => content.replace('port: 80', 'port: 81');
        const code = await runKubectl([verb, ...rest], ctx, io);
        expect(typeof code).toBe('number');
        if (code !== 0 && io.out === '' && !rest.includes('--help')) {
          // A command group run alone prints its help on stderr (cobra), exit 1.
          if (io.err.includes('\nUsage:\n  kubectl ')) return;
          for (const line of io.err.split('\n').filter((l) => l !== '')) {
            if (!SHAPED.test(line)) {
              // continuation lines of a multi-line error follow a shaped first line
              expect(io.err.split('\n')[0]).toMatch(SHAPED);
              break;
            }
          }
          // A command that printed nothing to stdout and failed wrote nothing.
          if (verb !== 'edit' && verb !== 'rollout' && verb !== 'delete') expect(snapshot(cluster)).toBe(before);
        }
      }),
      { numRuns: 300, seed: 42 },
    );
  }, 120000);
});

describe('kubectl edit', () => {
  const base = async () => {
    const s = setup();
    await runKubectl(['create', 'service', 'clusterip', 'web', '--tcp=80'], s.ctx, new BufferIO());
    return s;
  };

  it('opens the object under the header; a change is patched (service/web edited)', async () => {
    const { ctx, cluster } = await base();
    const io = new BufferIO();
    let opened = '';
    io.editFile = async (path, content) => {
      opened = content;
      expect(path).toMatch(/^\/tmp\/kubectl-edit-\d+\.yaml$/);
      return content.replace('app: web\n  sessionAffinity', 'app: other\n  sessionAffinity');
    };
    expect(await runKubectl(['edit', 'svc', 'web'], ctx, io)).toBe(0);
    expect(opened.startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\napiVersion: v1\nkind: Service\n")).toBe(true);
    expect(opened).not.toContain('managedFields');
    expect(io.out).toBe('service/web edited\n');
    expect(cluster.api.get('services', 'default', 'web').object.spec?.selector).toEqual({ app: 'other' });
  });

  it('unchanged: Edit cancelled, no changes made.', async () => {
    const { ctx } = await base();
    const io = new BufferIO();
    io.editFile = async (_p, c) => c;
    expect(await runKubectl(['edit', 'svc/web'], ctx, io)).toBe(0);
    expect(io.err).toBe('Edit cancelled, no changes made.\n');
  });

  it('emptied: Edit cancelled, saved file was empty.', async () => {
    const { ctx } = await base();
    const io = new BufferIO();
    io.editFile = async () => '# nothing\n\n';
    expect(await runKubectl(['edit', 'svc/web'], ctx, io)).toBe(0);
    expect(io.err).toBe('Edit cancelled, saved file was empty.\n');
  });

  it('an Invalid answer reopens the file with the reasons; saving it again unchanged gives up', async () => {
    const { ctx, cluster } = await base();
    const before = JSON.stringify(cluster.api.get('services', 'default', 'web').object);
    const io = new BufferIO();
    const seen: string[] = [];
    io.editFile = async (_p, c) => {
      seen.push(c);
      return c.replace('port: 80\n', 'port: 99999\n');
    };
    expect(await runKubectl(['edit', 'svc', 'web'], ctx, io)).toBe(1);
    expect(seen).toHaveLength(2);
    expect(seen[1]).toContain('#\n# services "web" was not valid:\n# * spec.ports[0].port: Invalid value: 99999: must be between 1 and 65535, inclusive\n#\napiVersion: v1\n');
    expect(io.err).toMatch(/^error: services "web" is invalid\nA copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved.\n$/);
    expect(JSON.stringify(cluster.api.get('services', 'default', 'web').object)).toBe(before);
  });

  it('without an editor: kubectl cannot launch vi', async () => {
    const { ctx } = await base();
    const io = new BufferIO();
    expect(await runKubectl(['edit', 'svc', 'web'], ctx, io)).toBe(1);
    expect(io.err).toBe('error: unable to launch the editor "vi"\n');
  });
});
