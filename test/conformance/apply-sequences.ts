/** Apply sequences run by both kubectls (apply.test.ts). */
export interface ApplyStep {
  files?: Record<string, string>;
  command: string;
}

export interface ApplySequence {
  name: string;
  steps: ApplyStep[];
  /** Still differs from the real kubectl: runs as an expected failure until fixed. */
  knownDifference?: boolean;
}

const svc = (targetPort: number, extra = '') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: ${targetPort}
${extra}`;

export const APPLY_SEQUENCES: ApplySequence[] = [
  {
    name: 'created, then unchanged',
    steps: [
      { files: { 'svc.yaml': svc(8080) }, command: 'kubectl apply -f svc.yaml' },
      { command: 'kubectl apply -f svc.yaml' },
    ],
  },
  {
    name: 'configured: a changed targetPort',
    steps: [
      { files: { 'svc.yaml': svc(8080) }, command: 'kubectl apply -f svc.yaml' },
      { files: { 'svc.yaml': svc(9090) }, command: 'kubectl apply -f svc.yaml' },
    ],
  },
  {
    name: 'an unknown field is rejected by strict validation',
    steps: [{ files: { 'svc.yaml': svc(8080).replace('selector:', 'selectr:') }, command: 'kubectl apply -f svc.yaml' }],
  },
  {
    name: 'an invalid Service (no ports)',
    steps: [
      {
        files: { 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n' },
        command: 'kubectl apply -f svc.yaml',
      },
    ],
  },
  {
    name: 'a selector-less Service and its Endpoints in one file',
    steps: [
      {
        files: {
          'external.yaml': `apiVersion: v1
kind: Service
metadata:
  name: external-service
spec:
  ports:
  - port: 80
---
apiVersion: v1
kind: Endpoints
metadata:
  name: external-service
subsets:
- addresses:
  - ip: 11.11.11.11
  - ip: 22.22.22.22
  ports:
  - port: 80
`,
        },
        command: 'kubectl apply -f external.yaml',
      },
      { command: 'kubectl apply -f external.yaml' },
    ],
  },
  {
    name: 'a missing file',
    steps: [{ command: 'kubectl apply -f nope.yaml' }],
  },
  {
    name: 'ExternalName',
    steps: [
      {
        files: {
          'ext.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: external-service\nspec:\n  type: ExternalName\n  externalName: someapi.somecompany.com\n  ports:\n  - port: 80\n',
        },
        command: 'kubectl apply -f ext.yaml',
      },
    ],
  },
  {
    name: 'create service generators, label, annotate, patch, delete',
    // The real kubectl's typed clients send these creations as protobuf (src/cli/protobuf.ts).
    steps: [
      { command: 'kubectl create service clusterip my-svc --tcp=80:8080,443' },
      { command: 'kubectl create service clusterip my-svc --tcp=80' },
      { command: 'kubectl create service externalname ex --external-name=someapi.somecompany.com' },
      { command: 'kubectl label svc my-svc tier=web' },
      { command: 'kubectl label svc my-svc tier=web' },
      { command: 'kubectl label svc my-svc tier=db' },
      { command: 'kubectl label svc my-svc tier=db --overwrite' },
      { command: 'kubectl annotate svc/my-svc note=hello' },
      { command: `kubectl patch svc my-svc -p '{"spec":{"selector":{"app":"kuba"}}}'` },
      { command: `kubectl patch svc my-svc -p '{"spec":{"selector":{"app":"kuba"}}}'` },
      { command: 'kubectl delete svc my-svc nope' },
      { command: 'kubectl delete svc ex --ignore-not-found' },
      { command: 'kubectl delete svc -l tier=none' },
    ],
  },
  {
    name: 'create -f then apply: the missing-annotation warning',
    steps: [
      { files: { 'svc.yaml': svc(8080) }, command: 'kubectl create -f svc.yaml' },
      { command: 'kubectl create -f svc.yaml' },
      { command: 'kubectl apply -f svc.yaml' },
      { command: 'kubectl delete -f svc.yaml' },
    ],
  },
  {
    name: 'run, expose, set selector, rollout history/undo (verbs2)',
    steps: [
      { command: 'kubectl run web --image=nginx --port=80 --labels=a=b,c=d --env=X=1 --restart=Never --dry-run=client -o json' },
      { command: 'kubectl run a --image=x --dry-run=client -o yaml' },
      { command: 'kubectl run a --image=x --restart=Bad' },
      { command: 'kubectl run a --image=x --labels=foo' },
      { command: 'kubectl run a --image=x -o wide' },
      { command: 'kubectl run p --image=nginx --port=8080' },
      { command: 'kubectl expose pod p --dry-run=client -o json' },
      { command: 'kubectl expose pod p --port=80 --target-port=8080 --name=p2 --type=NodePort --dry-run=client -o yaml' },
      { command: 'kubectl expose pod p' },
      { command: 'kubectl expose pod p' },
      { command: 'kubectl expose svc nothere' },
      { command: 'kubectl expose' },
      { command: 'kubectl set selector svc p run=q' },
      // A typed client: the real kubectl sends the Deployment as protobuf (src/cli/protobuf.ts).
      { command: 'kubectl create deployment web --image=nginx --port=80' },
      { command: 'kubectl expose deployment web --type=Bad' },
      { command: 'kubectl expose deployment web --name=web-np --type=NodePort' },
      { command: 'kubectl rollout history deployment/web' },
      { command: 'kubectl rollout undo deployment/web' },
      { command: 'kubectl rollout undo deployment/web --to-revision=9' },
    ],
  },
  {
    name: 'rollout pause/resume, set image, set env (verbs3)',
    steps: [
      {
        files: {
          'deploy.yaml':
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n        env:\n        - name: A\n          value: "1"\n        - name: POD\n          valueFrom:\n            fieldRef:\n              fieldPath: metadata.name\n      - name: side\n        image: busybox\n',
        },
        command: 'kubectl apply -f deploy.yaml',
      },
      { command: 'kubectl rollout pause deployment/web' },
      { command: 'kubectl rollout pause deployment/web' },
      { command: 'kubectl rollout resume deploy web' },
      { command: 'kubectl rollout resume deployment/web' },
      { command: 'kubectl rollout pause deployment/web -o name' },
      { command: 'kubectl rollout resume deployment' },
      { command: 'kubectl rollout resume deployment' },
      { command: 'kubectl rollout pause svc/kubernetes' },
      { command: 'kubectl rollout pause deployment/nope' },
      { command: 'kubectl rollout pause' },
      { command: 'kubectl set image deployment/web nginx=nginx:1.25' },
      { command: 'kubectl set image deployment/web nginx=nginx:1.25' },
      { command: 'kubectl set image deployment/web *=busybox:1' },
      { command: 'kubectl set image deployment/web nope=x' },
      { command: 'kubectl set image deployment/web' },
      { command: 'kubectl set image deploy/web nginx=nginx:1.26 side=busybox:2 -o name' },
      { command: 'kubectl set image deployment/nope nginx=x' },
      { command: 'kubectl set image svc/kubernetes a=b' },
      { command: 'kubectl set image deployment/web nginx=nginx:1.27 --dry-run=client' },
      { command: 'kubectl set env deployment/web B=2' },
      { command: 'kubectl set env deployment/web B=2' },
      { command: 'kubectl set env deployment/web --list' },
      { command: 'kubectl set env deployment/web A-' },
      { command: 'kubectl set env deployment/web A-' },
      { command: 'kubectl set env deployment/web C=3 D=4 -c side' },
      { command: 'kubectl set env deployment/web --list -c side' },
      { command: 'kubectl set env deployment/web 1BAD=x' },
      { command: 'kubectl set env deployment/web E=5 --dry-run=client' },
      { command: 'kubectl set env deployment/web --list -c nope' },
      { command: 'kubectl set env deployment/web X=1 -c nope' },
      { command: 'kubectl set env svc/kubernetes X=1' },
      { command: 'kubectl set env deployment/nope X=1' },
      { command: 'kubectl set env deployment/web --list X=1' },
      { command: 'kubectl set env deployment/web B=3 --overwrite=false' },
      { command: 'kubectl set env deployment/web -e F=6 -o name' },
      { command: 'kubectl set env deployment/web B- C- D- F- POD-' },
    ],
  },
  {
    name: 'a folder: its files, and with -R its subfolders too (verbs3)',
    steps: [
      {
        files: {
          'm/a.yaml': svc(8080),
          'm/sub/b.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: conf\ndata:\n  a: b\n',
          'm/notes.txt': 'not a manifest: [\n',
        },
        command: 'kubectl apply -f m',
      },
      { command: 'kubectl get -f m -o name' },
      { command: 'kubectl get -f m -R -o name' },
      { command: 'kubectl apply -f m -R' },
      { command: 'kubectl get -f m --recursive -o name' },
    ],
  },
  {
    name: 'replace -f (verbs2)',
    // The replace that changes nothing used to end at a higher resourceVersion on the real
    // kubectl's side: it names its field manager, and the server stamped that manager's time on
    // a no-op update, making it a write. Now a no-op update is none (apiserver.ts).
    steps: [
      { files: { 'svc.yaml': svc(8080) }, command: 'kubectl apply -f svc.yaml' },
      { files: { 'svc.yaml': svc(9090) }, command: 'kubectl replace -f svc.yaml' },
      { command: 'kubectl replace -f svc.yaml -o name' },
      { command: 'kubectl replace -f nope.yaml' },
      { files: { 'other.yaml': svc(80).replace('name: web', 'name: other') }, command: 'kubectl replace -f other.yaml' },
      { command: 'kubectl replace' },
    ],
  },
];
