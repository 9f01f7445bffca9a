/**
 * The Go template engine behind `kubectl get -o go-template`. The outputs and messages here were
 * checked against the real kubectl v1.33 (test/conformance runs the same kinds of templates through
 * both); these tests pin the engine's pieces without a cluster.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GoTemplate, GoTemplateExecError, GoTemplateParseError } from '../../src/kubectl/printers/gotemplate/index.ts';

const svc = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'kubia', labels: { app: 'kubia', tier: 'web' } },
  spec: { ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }, { port: 443, protocol: 'TCP', targetPort: 8443, name: 'https' }], type: 'ClusterIP', ratio: 0.5, empty: null },
};

function run(text: string, data: unknown = svc, allowMissingKeys = true): string {
  const r = GoTemplate.parse(text).execute(data, { allowMissingKeys });
  if (r.error) throw r.error;
  return r.output;
}

function parseError(text: string): string {
  try {
    GoTemplate.parse(text);
  } catch (e) {
    if (e instanceof GoTemplateParseError) return e.message;
    throw e;
  }
  throw new Error(`no parse error for ${text}`);
}

function execError(text: string, data: unknown = svc, allowMissingKeys = true): { output: string; message: string } {
  const r = GoTemplate.parse(text).execute(data, { allowMissingKeys });
  if (!r.error) throw new Error(`no exec error for ${text}`);
  return { output: r.output, message: r.error.message };
}

describe('go-template: values and printing', () => {
  it('prints maps with sorted keys, lists with spaces, JSON integers as int64 and floats as %g', () => {
    expect(run('{{.spec.ports}}')).toBe('[map[port:80 protocol:TCP targetPort:8080] map[name:https port:443 protocol:TCP targetPort:8443]]');
    expect(run('{{.metadata.labels}} {{.spec.ratio}} {{(index .spec.ports 0).port}}')).toBe('map[app:kubia tier:web] 0.5 80');
  });

  it('gives <no value> for a missing key and a null, and an error with missingkey=error', () => {
    expect(run('{{.spec.nope}}|{{.spec.nope.deeper}}|{{.spec.empty}}')).toBe('<no value>|<no value>|<no value>');
    expect(execError('{{.spec.nope}}', svc, false).message).toBe('template: output:1:7: executing "output" at <.spec.nope>: map has no entry for key "nope"');
  });

  it('types constants as Go does: int, float64; literal forms', () => {
    expect(run('{{1}} {{1.0}} {{1e3}} {{0x10}} {{-2}} {{1.5}} {{\'a\'}} {{true}}')).toBe('1 1 1000 16 -2 1.5 97 true');
    expect(run('{{printf "%T %T %T %T %T" 1 1.5 .spec.ports .spec .metadata.name}}')).toBe('int float64 []interface {} map[string]interface {} string');
  });
});

describe('go-template: actions', () => {
  it('ranges over lists, maps (sorted) and integers, with variables, else, break and continue', () => {
    expect(run('{{range $i, $p := .spec.ports}}{{$i}}={{$p.port}};{{end}}')).toBe('0=80;1=443;');
    expect(run('{{range $k, $v := .metadata.labels}}{{$k}}={{$v}} {{end}}')).toBe('app=kubia tier=web ');
    expect(run('{{range 3}}{{.}}{{end}}{{range .spec.nope}}x{{else}}none{{end}}')).toBe('012none');
    expect(run('{{range .spec.ports}}{{if eq .port 80}}{{continue}}{{end}}{{.port}}{{break}}{{end}}')).toBe('443');
  });

  it('has if / else if / with, and / or returning an operand, pipelines and parentheses', () => {
    expect(run('{{if eq .spec.type "NodePort"}}np{{else if eq .spec.type "ClusterIP"}}cip{{else}}?{{end}}')).toBe('cip');
    expect(run('{{with .spec.nope}}yes{{else}}no{{end}} {{with .metadata}}{{.name}}{{end}}')).toBe('no kubia');
    expect(run('{{and 1 0}} {{or 0 "" "x"}} {{not .x}} {{.metadata.name | len}} {{"x" | printf "%s-%s" "y"}}')).toBe('0 x true 5 y-x');
    expect(run('{{$x := .metadata.name}}{{$x}} {{$x = "y"}}{{$x}} {{$.kind}}')).toBe('kubia y Service');
  });

  it('trims white space with {{- and -}}, drops comments, runs defined templates', () => {
    expect(run('a  {{- /* c */ -}}  b {{- " c " -}} d')).toBe('ab c d');
    expect(run('{{define "row"}}{{.port}}{{end}}{{range .spec.ports}}{{template "row" .}},{{end}}')).toBe('80,443,');
  });

  it('has kubectl\'s extra functions: exists and base64decode', () => {
    expect(run('{{exists . "spec" "ports" 1 "name"}} {{exists . "spec" "ports" 5}} {{base64decode "aGVsbG8="}}')).toBe('true false hello');
    expect(execError('{{base64decode "!!"}}').message).toBe('template: output:1:2: executing "output" at <base64decode "!!">: error calling base64decode: base64 decode failed: illegal base64 data at input byte 0');
  });

  it('printf: Go verbs, flags, width, precision and fmt\'s complaints', () => {
    expect(run('{{printf "%-6s|%6s|%5.2f|%q|%x|%03d|%+d|%v" "ab" "cd" 3.14159 "k" 255 7 5 .metadata.labels}}')).toBe('ab    |    cd| 3.14|"k"|ff|007|+5|map[app:kubia tier:web]');
    expect(run('{{printf "%d %s" "x" 3}} {{printf "%s"}} {{printf "%s" 1 2}}')).toBe('%!d(string=x) %!s(int=3) %!s(MISSING) %!s(int=1)%!(EXTRA int=2)');
    expect(run('{{printf "%[1]s %[1]s" .kind}}|{{printf "%.3q" "abcdef"}}|{{printf "%*d" 5 42}}')).toBe('Service Service|"abc"|   42');
    // Go rounds the exact binary value, ties to even: 2.5 -> 2, 0.05 (a bit above) -> 0.1, 1.005 (below) -> 1.00.
    expect(run('{{printf "%.0f %.1f %.2f %.1e %.3g" 2.5 0.05 1.005 2.25 1234.5}}')).toBe('2 0.1 1.00 2.2e+00 1.23e+03');
  });

  it('nil as an argument is Go\'s invalid value', () => {
    expect(run('{{print nil}}|{{printf "%v" nil}}|{{eq nil nil}}')).toBe('<nil>|<nil>|true');
    expect(execError('{{index nil 1}}').message).toBe('template: output:1:2: executing "output" at <index nil 1>: error calling index: index of untyped nil');
    expect(execError('{{eq .spec.ports .spec.ports}}').message).toContain('error calling eq: non-comparable type [map[port:%!s(int64=80) protocol:TCP targetPort:%!s(int64=8080)]');
  });
});

describe('go-template: errors as Go words them', () => {
  it('parse errors carry the line', () => {
    expect(parseError('{{.x')).toBe('template: output:1: unclosed action');
    expect(parseError('{{end}}')).toBe('template: output:1: unexpected {{end}}');
    expect(parseError('{{upper .kind}}')).toBe('template: output:1: function "upper" not defined');
    expect(parseError('a\n{{range .items}}x')).toBe('template: output:2: unexpected EOF');
    expect(parseError('{{.x}')).toBe("template: output:1: bad character U+007D '}'");
    expect(parseError('{{$x}}')).toBe('template: output:1: undefined variable "$x"');
    expect(parseError('{{}}')).toBe('template: output:1: missing value for command');
  });

  it('execution errors name the node and its line:column; output before the error is kept', () => {
    expect(execError('ok {{.spec.ports.x}}')).toEqual({ output: 'ok ', message: 'template: output:1:10: executing "output" at <.spec.ports.x>: can\'t evaluate field x in type interface {}' });
    expect(execError('a\nb {{index .spec.ports 5}}').message).toBe('template: output:2:4: executing "output" at <index .spec.ports 5>: error calling index: index out of range: 5');
    expect(execError('{{lt 1 2.5}}').message).toBe('template: output:1:2: executing "output" at <lt 1 2.5>: error calling lt: incompatible types for comparison');
    expect(execError('{{template "x"}}').message).toBe('template: output:1:11: executing "output" at <{{template "x"}}>: template "x" not defined');
  });
});

describe('go-template: any template gives output or an error, never an exception', () => {
  const pieces = fc.constantFrom(
    '{{', '}}', '{{-', '-}}', ' ', '.', '.spec', '.ports', '.metadata', '.name', '$', '$x', ':=', '=', '|', '(', ')', ',', '"', '`', "'", '/*', '*/',
    'range', 'if', 'else', 'end', 'with', 'define', 'template', 'block', 'break', 'continue', 'nil', 'true', '1', '-2', '0x1f', '1.5e3', '"s"',
    'len', 'index', 'slice', 'printf', '"%d %s %v %q %-5x %.2f"', 'print', 'println', 'eq', 'lt', 'and', 'or', 'not', 'exists', 'base64decode', 'html', 'js', 'urlquery', 'call',
    '\n', 'x', '#', '}', '{',
  );
  const template = fc.oneof(fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')), fc.string({ maxLength: 40 }), fc.string({ maxLength: 20, unit: 'binary' }));
  const data = fc.oneof(fc.constant(svc as unknown), fc.jsonValue({ maxDepth: 3 }));

  it('parses or throws GoTemplateParseError; executes to output or GoTemplateExecError', () => {
    fc.assert(
      fc.property(template, data, fc.boolean(), (text, value, allow) => {
        let t: GoTemplate;
        try {
          t = GoTemplate.parse(text);
        } catch (e) {
          expect(e).toBeInstanceOf(GoTemplateParseError);
          expect((e as Error).message).toMatch(/^template: output:\d+: /);
          return;
        }
        const r = t.execute(value, { allowMissingKeys: allow });
        expect(typeof r.output).toBe('string');
        if (r.error) expect(r.error).toBeInstanceOf(GoTemplateExecError);
      }),
      { numRuns: 3000 },
    );
  });
});
