/**
 * The cluster the conformance test serves: the seed note's objects (a ReplicationController with
 * three kubia pods and its Service, a selector-less Service with hand-made Endpoints, an
 * ExternalName Service). Numbers are seconds of simulated time passing.
 */
export const SCENARIO: (string | number)[] = [
  `kubectl apply -f - <<EOF
apiVersion: v1
kind: ReplicationController
metadata:
  name: kubia
spec:
  replicas: 3
  selector:
    app: kubia
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
      - name: kubia
        image: luksa/kubia
        ports:
        - containerPort: 8080
EOF`,
  60,
  `kubectl apply -f - <<EOF
apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
  selector:
    app: kubia
  ports:
  - port: 80
    targetPort: 8080
EOF`,
  120,
  `kubectl apply -f - <<EOF
apiVersion: v1
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
EOF`,
  30,
  `kubectl apply -f - <<EOF
apiVersion: v1
kind: Service
metadata:
  name: external-name
spec:
  type: ExternalName
  externalName: someapi.somecompany.com
  ports:
  - port: 80
EOF`,
  300,
];

/** Files both kubectls can read (-f), written to the real kubectl's working folder and our shell's. */
export const SCENARIO_FILES: Record<string, string> = {
  'svcs.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: kubia\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: external-name\n',
  'mixed.yaml':
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: kubernetes\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: nope\n---\n' +
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: default\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: kube-dns\n  namespace: kube-system\n',
  'one.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: kubia\n',
  'unknown-kind.yaml': 'apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: kubernetes\n',
  'broken.yaml': 'kind: Service\nmetadata: x: y\n',
  'manifests/a.yaml': 'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: external-service\n',
  'manifests/b.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: kubia\n',
};

/** Commands both kubectls run; each must print the same bytes. Extend as features land. */
export const CONFORMANCE_COMMANDS: string[] = [
  'kubectl get svc',
  'kubectl get svc -A',
  'kubectl get svc -o wide',
  'kubectl get svc kubia external-service',
  'kubectl get svc --no-headers',
  'kubectl get svc --show-labels',
  'kubectl get ep',
  'kubectl get ep -A',
  'kubectl get svc nope',
  'kubectl get svc -o name',
  'kubectl get svc -n nothing',
  'kubectl describe svc kubia',
  'kubectl describe svc external-service',
  'kubectl describe svc external-name',
  'kubectl describe svc kubernetes',
  'kubectl get bogus',
  'kubectl get pods',
  'kubectl get pods -o wide',
  'kubectl get pods -A',
  'kubectl get rc',
  'kubectl get rc -o wide',
  'kubectl get nodes',
  'kubectl get nodes -o wide',
  'kubectl get ns',
  'kubectl get svc kubia -o json',
  'kubectl get ep external-service -o json',
  'kubectl get svc -o json',
  'kubectl get endpointslices',
  'kubectl get events',
  'kubectl get svc --bogus',
  'kubectl get pods -l app=kubia',
  'kubectl get pods -l app=kubia,tier',
  'kubectl get pods --field-selector status.phase=Running',
  'kubectl describe ep kubia',
  'kubectl describe ep external-service',
  'kubectl describe pods',
  'kubectl describe node node01',
  'kubectl describe rc kubia',
  'kubectl describe ns default',
  'kubectl api-resources',
  'kubectl api-resources -o wide',
  'kubectl api-resources --namespaced=false',
  'kubectl api-resources --api-group=apps',
  'kubectl api-resources -o name',
  'kubectl api-resources --sort-by=kind',
  'kubectl api-versions',
  'kubectl version',
  'kubectl version -o json',
  'kubectl version -o yaml',
  'kubectl version --client',
  'kubectl describe svc/kubia svc/nope',
  'kubectl describe svc/nope svc/kubia',
  'kubectl describe svc',
  'kubectl describe endpointslices',
  'kubectl describe pod kubia',
  'kubectl describe nodes',
  'kubectl describe ns',
  'kubectl describe deploy -n kube-system',
  'kubectl describe rs -n kube-system',
  'kubectl describe pods -n kube-system',
  'kubectl describe svc nope',
  'kubectl describe svc kubia nope',
  'kubectl describe svc/kubia svc/nope',
  'kubectl describe pods -l app=none',
  'kubectl describe bogus',
  'kubectl describe svc -A',
  'kubectl describe lease -n kube-node-lease node01',
  'kubectl describe sa default',
  'kubectl describe cm -A',
  'kubectl describe svc kubia --show-events=false',
  'kubectl describe no node01 -A',
  'kubectl describe events',
  'kubectl get all',
  'kubectl get all -A',
  'kubectl get svc kubia -o yaml',
  'kubectl get pods -o yaml',
  'kubectl get svc,ep -o name',
  'kubectl get pods --sort-by=.metadata.name -o wide',
  'kubectl explain svc',
  'kubectl explain svc.spec',
  'kubectl explain svc.spec.ports',
  'kubectl explain services.spec.type',
  'kubectl explain svc.spec.ports.targetPort',
  'kubectl explain svc.spec.selector',
  'kubectl explain svc --recursive',
  'kubectl explain ep',
  'kubectl explain endpoints.subsets',
  'kubectl explain endpointslices',
  'kubectl explain endpointslices.endpoints --recursive',
  'kubectl explain deploy.spec',
  'kubectl explain deployments.apps.spec.strategy',
  'kubectl explain pods.spec.containers',
  'kubectl explain pod --recursive',
  'kubectl explain rc.spec.template',
  'kubectl explain no.status',
  'kubectl explain ns',
  'kubectl explain cm',
  'kubectl explain secret',
  'kubectl explain sa',
  'kubectl explain events',
  'kubectl explain events.events.k8s.io',
  'kubectl explain lease',
  'kubectl explain rs --recursive',
  'kubectl explain svc.metadata.managedFields',
  'kubectl explain svc.metadata.creationTimestamp',
  'kubectl explain pods.spec.containers.resources.limits',
  'kubectl explain svc.selectr',
  'kubectl explain svc.spec.ports.port.foo',
  'kubectl explain foo',
  'kubectl explain foo.bar',
  'kubectl explain',
  'kubectl explain svc ep',
  'kubectl explain svc --api-version=v1',
  'kubectl explain svc --api-version=apps/v1',
  'kubectl explain svc --api-version=apps/v9',
  'kubectl explain svc --output=json',
  'kubectl explain svc.',
  'kubectl explain Service.spec.sessionAffinityConfig',
  'kubectl get -f svcs.yaml',
  'kubectl get -f svcs.yaml -o wide',
  'kubectl get -f mixed.yaml',
  'kubectl get -f mixed.yaml -o name',
  'kubectl get -f mixed.yaml -n kube-system',
  'kubectl get -f one.yaml -o yaml',
  'kubectl get -f one.yaml -o name',
  'kubectl get -f one.yaml -f svcs.yaml -o name',
  'kubectl get -f svcs.yaml -o json',
  'kubectl get -f unknown-kind.yaml',
  'kubectl get -f unknown-kind.yaml -o name',
  'kubectl get -f unknown-kind.yaml -f mixed.yaml',
  'kubectl get -f broken.yaml -f one.yaml',
  'kubectl get -f manifests',
  'kubectl get -f manifests -o name',
  'kubectl get -f nope.yaml',
  'kubectl get -f one.yaml svc',
  'kubectl describe -f svcs.yaml',
  'kubectl describe -f mixed.yaml',
  // Enum fields (the values and "Possible enum values" paragraphs of a v1.33 API server).
  'kubectl explain svc.spec.ipFamilyPolicy',
  'kubectl explain svc.spec.ipFamilies',
  'kubectl explain svc.spec.ports.protocol',
  'kubectl explain svc.spec --recursive',
  'kubectl explain pods.spec.restartPolicy',
  'kubectl explain pods.spec',
  'kubectl explain pods.status.phase',
  'kubectl explain pods.spec.containers.lifecycle',
  'kubectl explain pods.spec.containers.lifecycle.stopSignal',
  'kubectl explain pods.spec.containers.imagePullPolicy',
  'kubectl explain endpointslices.addressType',
  'kubectl explain deploy.spec.strategy.type',
  'kubectl explain no.status.phase',
  'kubectl explain pods.spec.tolerations',
  'kubectl explain pods.spec.volumes.hostPath.type',
  'kubectl explain svc.spec.sessionAffinity',
  'kubectl explain endpointslices.ports',
  'kubectl explain pods.spec.containers.lifecycle --recursive',
  'kubectl get ds -A',
  'kubectl get ds -A -o wide',
  'kubectl get daemonsets.apps -n kube-system kube-proxy -o yaml',
  'kubectl describe ds -n kube-system kube-proxy',
  'kubectl describe daemonset -A',
  'kubectl get pods -n kube-system -o wide',
  'kubectl get pods -n kube-flannel --show-labels',
  'kubectl describe pod -n kube-system etcd-controlplane',
  'kubectl get all -n kube-system',
  'kubectl explain ds.spec.updateStrategy',
  // No metrics-server in a kubeadm cluster: top stops at discovery.
  'kubectl top pod',
  'kubectl top pods -A',
  'kubectl top node',
  'kubectl top pod --sort-by=name',
  'kubectl top pod kubia -l app=kubia',
  'kubectl top',
  // Go templates (-o go-template, template, --template): output, Go's value printing, errors.
  `kubectl get svc -o go-template='{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}'`,
  "kubectl get svc kubia -o go-template='{{.spec.ports}} {{.spec.clusterIP}} {{.spec.nope}}'",
  "kubectl get svc -o go-template='{{.kind}} {{len .items}} {{.metadata}}'",
  `kubectl get svc kubia -o go-template='{{range $i, $p := .spec.ports}}{{$i}}: {{$p.port}}/{{$p.protocol}} -> {{$p.targetPort}}{{end}}'`,
  "kubectl get pods -o go-template='{{range .items}}{{printf \"%-12s %s\" .metadata.name .status.phase}}{{\"\\n\"}}{{end}}'",
  "kubectl get svc kubia -o template='{{.metadata.name}}'",
  "kubectl get svc kubia --template='{{.metadata.name}} {{.metadata.labels}}'",
  "kubectl get svc kubia -o go-template --template='{{.kind}}'",
  "kubectl get svc kubia -o go-template='{{if eq .spec.type \"ClusterIP\"}}internal{{else}}external{{end}} {{with .spec.externalName}}{{.}}{{else}}none{{end}}'",
  "kubectl get ep external-service -o go-template='{{range .subsets}}{{range .addresses}}{{.ip}} {{end}}{{end}}'",
  "kubectl get svc -o go-template='{{- range .items -}} {{ .metadata.name }}:{{ index .metadata \"namespace\" }} {{ end -}}'",
  "kubectl get svc kubia -o go-template='{{.spec.ports.x}}'",
  "kubectl get svc kubia -o go-template='{{index .spec.ports 3}}'",
  "kubectl get svc kubia -o go-template='{{.metadata.nope}}' --allow-missing-template-keys=false",
  "kubectl get svc kubia -o go-template='{{.x'",
  "kubectl get svc kubia -o go-template='{{end}}'",
  "kubectl get svc kubia -o go-template='{{upper .kind}}'",
  "kubectl get svc kubia -o go-template='{{range .spec.ports}}x'",
  'kubectl get svc kubia -o go-template',
  'kubectl get svc kubia -o go-template-file=nope.tmpl',
  `kubectl get svc kubia -o go-template='{{.metadata.name | len}} {{"x" | printf "%s-%s" "y"}} {{.spec.ports | len}} {{(index .spec.ports 0).port}}'`,
  `kubectl get svc kubia -o go-template='{{1}} {{1.0}} {{1e3}} {{0x10}} {{-2}} {{1.5}} {{true}}'`,
  `kubectl get svc kubia -o go-template='{{nil}}'`,
  `kubectl get svc kubia -o go-template='{{and 1 0}} {{or 0 "" "x"}} {{not .x}} {{and .spec.nope 1}} {{or .spec.nope}}'`,
  `kubectl get svc kubia -o go-template='{{index .metadata "nope" "x"}}'`,
  `kubectl get svc kubia -o go-template='{{slice .metadata.name 1 3}} {{slice .spec.ports 0 1}}'`,
  `kubectl get svc kubia -o go-template='{{printf "%d %s" "x" 3}} {{printf "%s"}} {{printf "%s" 1 2}} {{printf "%z" 1}} {{printf "%"}}'`,
  `kubectl get svc kubia -o go-template='{{printf "%5.2f|%e|%g|%v|%t|%c|%o|%b|%X|%08.3f|%+d|%-6s|%6s|%.2s" 3.14159 1234.5 0.000012 1e21 true 65 8 5 255 3.14159 5 "ab" "cd" "xyz"}}'`,
  `kubectl get svc kubia -o go-template='{{lt 1 2.5}}'`,
  `kubectl get svc kubia -o go-template='{{template "x"}}'`,
  `kubectl get svc kubia -o go-template='{{define "row"}}{{.name}}={{.port}}{{end}}{{range .spec.ports}}{{template "row" .}};{{end}}'`,
  `kubectl get svc kubia -o go-template='{{$x := .metadata.name}}{{$x}} {{$x = "y"}}{{$x}} {{$}}'`,
  `kubectl get svc kubia -o go-template='{{range 3}}{{.}}{{end}} {{range $k, $v := .spec.selector}}{{$k}}={{$v}}{{end}} {{range .spec.selector}}{{.}}{{end}}'`,
  `kubectl get svc kubia -o go-template='{{len .nope}}'`,
  `kubectl get svc kubia -o go-template='{{range .spec.ports}}{{if eq .port 80}}{{continue}}{{end}}{{.port}}{{break}}{{end}}'`,
  `kubectl get svc kubia -o go-template='{{}}'`,
  `kubectl get svc kubia -o go-template='{{if}}x{{end}}'`,
  `kubectl get svc kubia -o go-template='{{.x}'`,
  `kubectl get svc kubia -o go-template='{{#}}'`,
  `kubectl get svc kubia -o go-template='{{printf "%T %T %T %T %T" 1 1.5 .spec.ports .spec .metadata.name}}'`,
  `kubectl get svc kubia -o go-template='{{base64decode "!!"}}'`,
  `kubectl get svc kubia -o go-template='{{eq .spec.nope "x"}} {{ne 1 2}} {{eq .kind "Service" "Pod"}} {{eq 1 1.0}}'`,
  `kubectl get svc kubia -o go-template='{{with $p := index .spec.ports 0}}{{$p.port}}{{end}} {{if and .spec.selector (gt (len .spec.ports) 0)}}yes{{else if .x}}no{{end}}'`,
  `kubectl get svc kubia -o go-template='{{ .metadata.name -}} ; {{- /* c */ -}} ; {{- "a" }}'`,
  `kubectl get svc kubia -o go-template='{{printf "%v" .spec.nope}} {{printf "%s" .spec.nope}} {{print .spec.nope}} {{.spec.nope | printf "%v"}}'`,
  `kubectl get svc kubia -o go-template='{{index .spec.selector "app"}} {{index .spec.ports 0 "port"}} {{index .spec.ports "x"}}'`,
  `kubectl get svc kubia -o go-template='{{le 2 2}} {{gt "b" "a"}} {{ge 1 2}} {{lt true false}}'`,
  `kubectl get svc kubia -o go-template='{{call .kind}}'`,
  `kubectl get svc kubia -o go-template='{{base64decode .spec.ports}}'`,
  `kubectl get svc kubia -o go-template='{{exists . "spec" "ports" 0 "port"}} {{exists . "spec" "ports" 5}} {{exists .spec "nope"}} {{exists . "metadata" "name" "x"}}'`,
  `kubectl get svc kubia -o go-template='{{range $i, $e := 3}}{{end}}'`,
  `kubectl get svc kubia -o go-template='{{(.spec).clusterIP}} {{$.kind}} {{$.metadata.name}}'`,
  `kubectl get svc kubia -o go-template='{{print nil}} {{eq nil nil}} {{printf "%[1]s-%[1]s %.0f %.3q %.1e" .kind 2.5 "abcdef" 2.25}}'`,
  "kubectl get svc kubia -o go-template='{{printf \"%d|%5.1f|%q|%v|%x\" 42 3.14159 .kind .spec.selector 255}} {{len .metadata.name}} {{base64decode \"aGk=\"}} {{exists . \"spec\" \"ports\"}}'",
];

/**
 * Commands whose output still differs from the real kubectl: each runs as an expected failure,
 * so the suite turns red the moment one starts to match. Then move it to CONFORMANCE_COMMANDS.
 */
export const KNOWN_DIFFERENCES: string[] = [];
