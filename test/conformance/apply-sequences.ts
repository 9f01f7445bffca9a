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
    knownDifference: true,
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
    // The real kubectl's typed clients (create service/deployment) send protobuf bodies, which
    // the HTTP server (src/cli/http-api.ts) does not decode yet.
    knownDifference: true,
    steps: [
      { command: 'kubectl create service clusterip my-svc --tcp=80:8080,443' },
      { command: 'kubectl create service clusterip my-svc --tcp=80' },
      { command: 'kubectl create service externalname ex --external-name=someapi.somecompany.com' },
      { command: 'kubectl label svc my-svc tier=web' },
      { command: 'kubectl label svc my-svc tier=web' },
      { command: 'kubectl label svc my-svc tier=db' },
      { command: 'kubectl label svc my-svc tier=db --overwrite' },
      { command: 'kubectl annotate svc/my-svc note=hello' },
      { command: 'kubectl patch svc my-svc -p {"spec":{"selector":{"app":"kuba"}}}' },
      { command: 'kubectl patch svc my-svc -p {"spec":{"selector":{"app":"kuba"}}}' },
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
];
