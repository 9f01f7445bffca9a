/** Declarative checks: cluster state, history, files; their messages, diagnostics and markers. */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.ts';
import { evaluateCheck, type CheckContext } from '../../src/lessons/checks.ts';
import { invocationMatches, invocations } from '../../src/lessons/commands.ts';
import { j } from '../../src/lessons/messages.ts';
import { evaluatePath } from '../../src/lessons/path.ts';
import { kubiaRC } from '../support/manifests.ts';
import { BufferIO } from '../../src/shell/io.ts';
import { Shell } from '../../src/shell/shell.ts';

async function shellWith(script: string[]): Promise<Shell> {
  const shell = new Shell({ cluster: new Cluster({ seed: 7 }) });
  for (const line of script) await shell.run(line, new BufferIO());
  return shell;
}
const ctx = (shell: Shell): CheckContext => ({ api: shell.cluster.api, fs: shell.fs, history: shell.history });

const KUBIA = `cat > kubia.yaml <<'EOF'\n${kubiaRC({ replicas: 2, containerPort: 8080 })}EOF`;
const svc = (name: string, selector: string | undefined, targetPort = 8080) => `cat > ${name}-svc.yaml <<'EOF'
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
${selector ? `  selector:\n    app: ${selector}\n` : ''}  ports:
  - port: 80
    targetPort: ${targetPort}
EOF`;

describe('paths', () => {
  const obj = { subsets: [{ addresses: [{ ip: 'a' }, { ip: 'b' }] }, { addresses: [{ ip: 'c' }] }], metadata: { labels: { 'kubernetes.io/service-name': 'x' } }, status: { conditions: [{ type: 'Ready', status: 'True' }] } };
  it('fan out over [*], read quoted keys and filter by [?type]', () => {
    expect(evaluatePath(obj, 'subsets[*].addresses[*].ip')).toEqual(['a', 'b', 'c']);
    expect(evaluatePath(obj, "metadata.labels['kubernetes.io/service-name']")).toEqual(['x']);
    expect(evaluatePath(obj, 'status.conditions[?Ready].status')).toEqual(['True']);
    expect(evaluatePath(obj, 'subsets[1].addresses[0].ip')).toEqual(['c']);
    expect(evaluatePath(obj, 'spec.nothing')).toEqual([]);
  });
});

describe('object checks', () => {
  it('count the addresses of an Endpoints object across subsets', async () => {
    const shell = await shellWith([KUBIA, svc('kubia', 'kubia'), 'kubectl apply -f kubia.yaml', 'kubectl apply -f kubia-svc.yaml', 'sleep 30']);
    const two = evaluateCheck({ object: { resource: 'ep', name: 'kubia', where: [{ path: 'subsets[*].addresses', length: 2 }] } }, ctx(shell));
    expect(two.passed).toBe(true);
    const three = evaluateCheck({ object: { resource: 'endpoints', name: 'kubia', where: [{ path: 'subsets[*].addresses', length: 3 }] } }, ctx(shell));
    expect(three.passed).toBe(false);
    expect(three.message!.en).toContain('should have 3 entries, it has 2');
    expect(three.message!.ko).toContain('항목이 3개여야 하는데 2개다');
  });

  it('explain a selector that matches no pod, naming the pods’ labels, in both languages', async () => {
    const shell = await shellWith([KUBIA, svc('web', 'web'), 'kubectl apply -f kubia.yaml', 'kubectl apply -f web-svc.yaml', 'sleep 30']);
    const r = evaluateCheck({ object: { resource: 'endpoints', name: 'web', where: [{ path: 'subsets[*].addresses', length: { min: 1 } }] } }, ctx(shell));
    expect(r.passed).toBe(false);
    expect(r.message!.en).toContain('The selector `app=web` of Service `web` matches no pod. The pods are labelled `app=kubia`.');
    expect(r.message!.ko).toContain('`web` 서비스의 셀렉터 `app=web`과 일치하는 파드가 없다. 파드에 붙은 레이블은 `app=kubia`다.');
  });

  it('point at an Endpoints object named differently from its selector-less Service', async () => {
    const shell = await shellWith([
      svc('external-service', undefined, 80),
      `cat > ep.yaml <<'EOF'
apiVersion: v1
kind: Endpoints
metadata:
  name: external-svc
subsets:
- addresses:
  - ip: 11.11.11.11
  ports:
  - port: 80
EOF`,
      'kubectl apply -f external-service-svc.yaml',
      'kubectl apply -f ep.yaml',
    ]);
    const r = evaluateCheck({ object: { resource: 'endpoints', name: 'external-service' } }, ctx(shell));
    expect(r.passed).toBe(false);
    expect(r.message!.en).toContain('Endpoints `external-svc` exist(s), but an Endpoints object belongs to the Service of the same name.');
    expect(r.message!.ko).toContain('엔드포인트 `external-svc`가 있지만, 서비스와 엔드포인트는 이름이 같아야 연결된다.');
  });

  it('name a targetPort the pods do not expose', async () => {
    const shell = await shellWith([KUBIA, svc('kubia', 'kubia', 8081), 'kubectl apply -f kubia.yaml', 'kubectl apply -f kubia-svc.yaml', 'sleep 30']);
    const r = evaluateCheck({ object: { resource: 'svc', name: 'kubia', where: [{ path: 'spec.type', equals: 'ExternalName' }] } }, ctx(shell));
    expect(r.passed).toBe(false);
    expect(r.message!.en).toContain('`svc/kubia`: `spec.type` is `ClusterIP`, it should be `ExternalName`.');
    expect(r.message!.ko).toContain('`svc/kubia`의 `spec.type` 값이 `ClusterIP`다. `ExternalName`이어야 한다.');
    expect(r.message!.en).toContain('Service `kubia` has `targetPort` 8081, but the pods\' containers expose 8080.');
  });

  it('exists: false passes once the object is gone', async () => {
    const shell = await shellWith([svc('gone', 'x'), 'kubectl apply -f gone-svc.yaml']);
    const check = { object: { resource: 'svc', name: 'gone', exists: false } };
    expect(evaluateCheck(check, ctx(shell)).passed).toBe(false);
    await shell.run('kubectl delete svc gone', new BufferIO());
    expect(evaluateCheck(check, ctx(shell)).passed).toBe(true);
  });
});

describe('ran checks', () => {
  it('read kubectl invocations the way kubectl does', () => {
    const [inv] = invocations({ command: 'k -n default describe svc/kubia', exitCode: 0 });
    expect(invocationMatches(inv, { verb: 'describe', resource: 'services', name: 'kubia' })).toBe(true);
    const [exec] = invocations({ command: 'kubectl exec kubia-x -- curl -s http://external-service', exitCode: 0 });
    expect(invocationMatches(exec, { verb: 'exec', exec: 'curl', matches: 'external-service' })).toBe(true);
    expect(invocationMatches(exec, { verb: 'exec', exec: 'nslookup' })).toBe(false);
    const [label] = invocations({ command: 'kubectl label pod kubia-x app=debug --overwrite', exitCode: 0 });
    expect(invocationMatches(label, { verb: 'label', resource: 'po', name: 'kubia-x' })).toBe(true);
  });

  it('say when the command ran but failed, and when it did not run', async () => {
    const shell = await shellWith(['kubectl describe svc nope']);
    const r = evaluateCheck({ ran: { verb: 'describe', resource: 'svc', name: 'nope' } }, ctx(shell));
    expect(r.passed).toBe(false);
    expect(r.message!.en).toBe('`kubectl describe svc nope` failed with exit code 1. Read the error it printed.');
    expect(r.message!.ko).toBe('`kubectl describe svc nope` 명령이 종료 코드 1로 실패했다. 출력된 오류를 확인한다.');
    const none = evaluateCheck({ ran: { verb: 'get', resource: 'endpoints', name: 'kubia' } }, ctx(shell));
    expect(none.message!.ko).toBe('`kubectl get endpoints kubia` 명령을 아직 실행하지 않았다.');
  });
});

describe('file checks', () => {
  const good = `apiVersion: v1
kind: Endpoints
metadata:
  name: external-service
subsets:
  - addresses:
      - ip: 11.11.11.11
      - ip: 22.22.22.22
    ports:
      - port: 80
`;
  const check = {
    file: {
      path: 'ep.yaml',
      kind: 'Endpoints',
      where: [
        { path: 'metadata.name', equals: 'external-service' },
        { path: 'subsets[*].addresses[*].ip', includes: '22.22.22.22' },
        { path: 'subsets[0].ports[0].port', equals: 80 },
      ],
    },
  };
  it('compare parsed values, so any valid way of writing it passes', async () => {
    const shell = await shellWith([]);
    shell.fs.write('ep.yaml', good);
    expect(evaluateCheck(check, ctx(shell)).passed).toBe(true);
    shell.fs.write('ep.yaml', `{"apiVersion": "v1", "kind": "Endpoints", "metadata": {"name": "external-service"},\n "subsets": [{"addresses": [{"ip": "11.11.11.11"}, {"ip": "22.22.22.22"}], "ports": [{"port": 80}]}]}\n`);
    expect(evaluateCheck(check, ctx(shell)).passed).toBe(true);
  });

  it('put the marker on the line at fault, in the right document', async () => {
    const shell = await shellWith([]);
    shell.fs.write('ep.yaml', `apiVersion: v1\nkind: Service\nmetadata:\n  name: external-service\n---\n` + good.replace('name: external-service', 'name: external-svc'));
    const r = evaluateCheck(check, ctx(shell));
    expect(r.passed).toBe(false);
    expect(r.marker).toEqual({ path: '/home/learner/ep.yaml', line: 9 });
    expect(r.message!.en).toBe('`ep.yaml`: `metadata.name` is `external-svc`, it should be `external-service`.');
    shell.fs.write('ep.yaml', good.replace('port: 80', 'port: "80"'));
    const quoted = evaluateCheck(check, ctx(shell));
    expect(quoted.marker).toEqual({ path: '/home/learner/ep.yaml', line: 10 });
  });

  it('report a YAML syntax error with its line', async () => {
    const shell = await shellWith([]);
    shell.fs.write('ep.yaml', 'kind: Endpoints\nmetadata:\n  name: [x\n');
    const r = evaluateCheck(check, ctx(shell));
    expect(r.passed).toBe(false);
    expect(r.marker?.line).toBeGreaterThanOrEqual(3);
    expect(r.message!.ko).toMatch(/번째 줄에 YAML 문법 오류가 있다/);
  });
});

describe('Korean particles', () => {
  it('follow the last sound', () => {
    expect(j('`kubia`', '이', '가')).toBe('`kubia`가');
    expect(j('`app=kubia`', '과', '와')).toBe('`app=kubia`와');
    expect(j('8080', '은', '는')).toBe('8080은');
    expect(j('`ClusterIP`', '이어야', '여야')).toBe('`ClusterIP`여야');
    expect(j('`ExternalName`', '이어야', '여야')).toBe('`ExternalName`이어야');
    expect(j('`app=web`', '과', '와')).toBe('`app=web`과');
    expect(j('서비스', '을', '를')).toBe('서비스를');
    expect(j('엔드포인트슬라이스', '이', '가')).toBe('엔드포인트슬라이스가');
  });
});
