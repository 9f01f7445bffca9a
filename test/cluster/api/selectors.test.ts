import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldSelectorError, parseFieldSelector } from '../../../src/cluster/api/fields.ts';
import { parseSelector, SelectorParseError } from '../../../src/cluster/api/labels.ts';
import { Cluster } from '../../../src/cluster/cluster.ts';
import { failure } from './helpers.ts';

const parseError = (s: string): string => {
  try {
    parseSelector(s);
  } catch (e) {
    expect(e).toBeInstanceOf(SelectorParseError);
    return (e as Error).message;
  }
  throw new Error(`"${s}" parsed`);
};

describe('label selector parsing (labels.Parse)', () => {
  it('parses and prints canonical forms', () => {
    expect(parseSelector('app=kubia').toString()).toBe('app=kubia');
    expect(parseSelector(' tier in (b,a) , app==kubia,!gone, x ').toString()).toBe('app==kubia,!gone,tier in (a,b),x');
    expect(parseSelector('a notin (),b in (x,,y)').toString()).toBe('a notin (),b in (,x,y)');
    expect(parseSelector('x in (in,notin)').toString()).toBe('x in (in,notin)');
    expect(parseSelector('a=').toString()).toBe('a=');
    expect(parseSelector('n>3,m<10').toString()).toBe('m<10,n>3');
    expect(parseSelector('').isEmpty()).toBe(true);
  });

  it('matches as the real requirements do', () => {
    const sel = parseSelector('app=kubia,tier notin (db),!legacy');
    expect(sel.matches({ app: 'kubia' })).toBe(true);
    expect(sel.matches({ app: 'kubia', tier: 'db' })).toBe(false);
    expect(sel.matches({ app: 'kubia', legacy: '' })).toBe(false);
    expect(parseSelector('n>3').matches({ n: '4' })).toBe(true);
    expect(parseSelector('n>3').matches({ n: 'x' })).toBe(false);
  });

  it('fails with the apimachinery texts', () => {
    expect(parseError('a b')).toBe("unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt");
    expect(parseError('a=b c')).toBe("found 'c', expected: ',' or 'end of string'");
    expect(parseError('a in (b')).toBe("unable to parse requirement: found '', expected: ',' or ')'");
    expect(parseError('a in b')).toBe("unable to parse requirement: found 'b' expected: '('");
    expect(parseError(',a')).toBe("found ',', expected: !, identifier, or 'end of string'");
    expect(parseError('a,')).toBe("found '', expected: identifier after ','");
    expect(parseError('a=b=c')).toBe("found '=', expected: ',' or 'end of string'");
    expect(parseError('!a=b')).toBe("found '=', expected: ',' or 'end of string'");
    expect(parseError('a!b')).toBe("unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt");
    expect(parseError('a_=b')).toBe(
      "unable to parse requirement: <nil>: Invalid value: \"a_\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    );
    expect(parseError('app=a/b')).toBe(
      "unable to parse requirement: values[0][app]: Invalid value: \"a/b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
    expect(parseError('n>x')).toBe("unable to parse requirement: values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, the value must be an integer");
  });

  it('answers a bad -l with BadRequest carrying the parse error', () => {
    const c = new Cluster();
    const f = failure(() => c.api.list('pods', 'default', { labelSelector: 'a in (b' }));
    expect(f.status).toMatchObject({ code: 400, reason: 'BadRequest', message: "unable to parse requirement: found '', expected: ',' or ')'" });
  });

  it('never throws anything but SelectorParseError (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '=', '!', ',', '(', ')', ' ', 'in', 'notin', '/', '.', '-', '>', '<', '1', '\t', 'é') }), (s) => {
        try {
          parseSelector(s);
        } catch (e) {
          if (!(e instanceof SelectorParseError)) throw e;
        }
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        try {
          parseSelector(s);
        } catch (e) {
          if (!(e instanceof SelectorParseError)) throw e;
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips its own string form (property)', () => {
    const name = fc.stringMatching(/^[a-z0-9]([a-z0-9._-]{0,8}[a-z0-9])?$/);
    const key = fc.tuple(fc.option(fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,5}[a-z0-9])?(\.[a-z]{1,3})?$/), { nil: undefined }), name).map(([p, n]) => (p ? `${p}/${n}` : n));
    const value = fc.oneof(fc.constant(''), name);
    const req = fc.oneof(
      fc.tuple(key, fc.constantFrom('=', '==', '!='), value).map(([k, op, v]) => `${k}${op}${v}`),
      fc.tuple(key, fc.constantFrom('in', 'notin'), fc.array(value, { minLength: 1, maxLength: 3 })).map(([k, op, vs]) => `${k} ${op} (${vs.join(',')})`),
      key,
      key.map((k) => `!${k}`),
    );
    fc.assert(
      fc.property(fc.array(req, { minLength: 1, maxLength: 4 }), (reqs) => {
        const sel = parseSelector(reqs.join(','));
        const again = parseSelector(sel.toString());
        expect(again.toString()).toBe(sel.toString());
        expect(again.requirements).toEqual(sel.requirements);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('field selectors (fields.ParseSelector and the conversion functions)', () => {
  it('filters pods by status.phase and nodes by name', () => {
    const c = new Cluster();
    expect(c.api.list('nodes', undefined, { fieldSelector: 'metadata.name=node01' }).object.items.map((n) => n.metadata.name)).toEqual(['node01']);
    expect(c.api.list('services', undefined, { fieldSelector: 'spec.clusterIP=10.96.0.10' }).object.items.map((n) => n.metadata.name)).toEqual(['kube-dns']);
    expect(c.api.list('namespaces', undefined, { fieldSelector: 'metadata.name!=default,status.phase=Active' }).object.items.length).toBeGreaterThan(2);
  });

  it('answers unsupported labels with the server texts', () => {
    const c = new Cluster();
    expect(failure(() => c.api.list('pods', 'default', { fieldSelector: 'spec.foo=bar' })).status).toMatchObject({
      code: 400,
      reason: 'BadRequest',
      message: 'field label not supported: spec.foo',
    });
    expect(failure(() => c.api.list('nodes', undefined, { fieldSelector: 'metadata.namespace=x' })).status.message).toBe('field label not supported: metadata.namespace');
    expect(failure(() => c.api.list('configmaps', 'default', { fieldSelector: 'data.x=y' })).status.message).toBe(
      '"data.x" is not a known field selector: only "metadata.name", "metadata.namespace"',
    );
    expect(failure(() => c.api.list('pods', 'default', { fieldSelector: 'status.phase' })).status.message).toBe(
      "invalid selector: 'status.phase'; can't understand 'status.phase'",
    );
    expect(failure(() => c.api.list('pods', 'default', { fieldSelector: 'status.phase = Running' })).status.message).toBe('field label not supported: status.phase ');
  });

  it('unescapes values and never throws anything but FieldSelectorError (property)', () => {
    expect(parseFieldSelector('a=x\\,y').requirements).toEqual([{ field: 'a', operator: '=', value: 'x,y' }]);
    expect(() => parseFieldSelector('a=b\\q')).toThrowError('invalid field selector: invalid escape sequence: \\q');
    expect(() => parseFieldSelector('a=b=c')).toThrowError('invalid field selector: unescaped character in value: 61');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '=', '!', ',', '\\', '.', ' ') }), (s) => {
        try {
          const sel = parseFieldSelector(s);
          expect(parseFieldSelector(sel.toString()).requirements).toEqual(sel.requirements);
        } catch (e) {
          if (!(e instanceof FieldSelectorError)) throw e;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
