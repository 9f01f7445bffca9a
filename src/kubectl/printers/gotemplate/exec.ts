/**
 * Running a parsed Go template over a JSON value, as text/template's exec does: dot and
 * variables, pipelines (the previous command's value becomes the last argument), if/with/range
 * with else, break and continue, {{template}} of {{define}}d templates, map field access with
 * `missingkey=default` (a missing key is "no value") or `missingkey=error`.
 *
 * Errors name the node being evaluated and where it is, as Go's ExecError does:
 * `template: output:1:7: executing "output" at <.spec.ports.x>: can't evaluate field x in type interface {}`.
 * Output written before an error is kept (kubectl prints it).
 */
import { goQuote } from '../gofmt.ts';
import { FunctionError, FUNCTIONS, type FunctionSpec } from './funcs.ts';
import { argString, commandString, nodeString, pipeString, type Arg, type Command, type Node, type Parsed, type Pipe } from './parser.ts';
import { GoNumber, isMap, kindOf, MISSING, printed, sortedKeys, sprint, truth, typeName, type Value } from './values.ts';

export class GoTemplateExecError extends Error {}


const NO_FINAL: unique symbol = Symbol('no final argument');
type Final = Value | typeof NO_FINAL;

class BreakSignal {}
class ContinueSignal {}

type Located = Node | Command | Pipe | Arg;

function locatedString(n: Located): string {
  switch (n.type) {
    case 'command':
      return commandString(n);
    case 'pipe':
      return pipeString(n);
    case 'text':
    case 'action':
    case 'if':
    case 'with':
    case 'range':
    case 'template':
    case 'break':
    case 'continue':
      return nodeString(n);
    default:
      return argString(n);
  }
}

export interface ExecOptions {
  /** kubectl's --allow-missing-template-keys=false: `missingkey=error`. */
  missingKeyError: boolean;
}

/** Nested {{template}} calls allowed (Go allows 100000; the message is Go's). */
const MAX_DEPTH = 1000;
/** Work allowed before giving up on a runaway template (a huge `range`). */
const MAX_STEPS = 2_000_000;

class State {
  out = '';
  node: Located | undefined;
  vars: { name: string; value: Value }[];
  steps = 0;

  constructor(
    readonly text: string,
    readonly parsed: Parsed,
    readonly options: ExecOptions,
    readonly name: string,
    readonly depth: number,
    dot: Value,
  ) {
    this.vars = [{ name: '$', value: dot }];
  }

  at(n: Located): void {
    this.node = n;
  }

  errorf(message: string): never {
    if (!this.node) throw new GoTemplateExecError(`template: ${this.name}: ${message}`);
    const bytes = new TextEncoder().encode(this.text.slice(0, this.node.pos));
    const before = new TextDecoder().decode(bytes);
    const lastNewline = before.lastIndexOf('\n');
    const line = 1 + (before.match(/\n/g)?.length ?? 0);
    const col = lastNewline < 0 ? bytes.length : bytes.length - new TextEncoder().encode(before.slice(0, lastNewline + 1)).length;
    throw new GoTemplateExecError(`template: output:${line}:${col}: executing ${goQuote(this.name)} at <${locatedString(this.node)}>: ${message}`);
  }

  tick(): void {
    if (++this.steps > MAX_STEPS) this.errorf('KubeLab stopped this template: it runs too long');
  }

  // -------------------------------------------------------------------------------------------
  // Variables

  varValue(name: string): Value {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i].value;
    this.errorf(`undefined variable: ${name}`);
  }

  setVar(name: string, value: Value): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        this.vars[i].value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  // -------------------------------------------------------------------------------------------
  // Walking the tree

  walkList(dot: Value, list: readonly Node[]): void {
    for (const n of list) this.walk(dot, n);
  }

  walk(dot: Value, node: Node): void {
    this.tick();
    this.at(node);
    switch (node.type) {
      case 'text':
        this.out += node.text;
        return;
      case 'action': {
        const v = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.out += printed(v);
        return;
      }
      case 'if':
      case 'with': {
        const mark = this.vars.length;
        const v = this.evalPipeline(dot, node.pipe);
        if (truth(v)) this.walkList(node.type === 'with' ? v : dot, node.list);
        else if (node.elseList) this.walkList(dot, node.elseList);
        this.vars.length = mark;
        return;
      }
      case 'range':
        return this.walkRange(dot, node);
      case 'template':
        return this.walkTemplate(dot, node);
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
    }
  }

  private walkRange(dot: Value, r: Extract<Node, { list: Node[] }>): void {
    const outer = this.vars.length;
    try {
      const val = this.evalPipeline(dot, r.pipe);
      const mark = this.vars.length;
      const decl = r.pipe.decl;
      const one = (index: Value, elem: Value) => {
        this.tick();
        if (decl.length > 0) {
          if (r.pipe.isAssign) this.setVar(decl[0].name, decl.length > 1 ? index : elem);
          else this.vars[mark - 1].value = elem;
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1].name, elem);
          else this.vars[mark - 2].value = index;
        }
        try {
          this.walkList(elem, r.list);
        } catch (e) {
          if (!(e instanceof ContinueSignal)) throw e;
        } finally {
          this.vars.length = mark;
        }
      };
      let ran = false;
      switch (kindOf(val)) {
        case 'slice':
          (val as Value[]).forEach((e, i) => {
            ran = true;
            one(new GoNumber(i, 'int'), e);
          });
          break;
        case 'map': {
          const o = val as { [k: string]: Value };
          for (const k of sortedKeys(o)) {
            ran = true;
            one(k, o[k]);
          }
          break;
        }
        case 'int': {
          if (decl.length > 1) this.errorf(`can't use ${sprint(val)} to iterate over more than one variable`);
          const n = val instanceof GoNumber ? val.value : (val as number);
          for (let i = 0; i < n; i++) {
            ran = true;
            const v = val instanceof GoNumber ? new GoNumber(i, val.type) : i;
            one(v, v);
          }
          break;
        }
        case 'invalid':
        case 'nil':
          break;
        default:
          this.errorf(`range can't iterate over ${sprint(val)}`);
      }
      if (!ran && r.elseList) this.walkList(dot, r.elseList);
    } catch (e) {
      if (!(e instanceof BreakSignal)) throw e;
    } finally {
      this.vars.length = outer;
    }
  }

  private walkTemplate(dot: Value, t: Extract<Node, { type: 'template' }>): void {
    this.at(t);
    const list = this.parsed.defines.get(t.name);
    if (!list) this.errorf(`template ${goQuote(t.name)} not defined`);
    if (this.depth >= MAX_DEPTH) this.errorf('exceeded maximum template depth (100000)');
    const newDot = t.pipe ? this.evalPipeline(dot, t.pipe) : MISSING;
    const inner = new State(this.text, this.parsed, this.options, t.name, this.depth + 1, newDot);
    inner.steps = this.steps;
    try {
      inner.walkList(newDot, list);
    } finally {
      this.out += inner.out;
      this.steps = inner.steps;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Evaluation

  evalPipeline(dot: Value, pipe: Pipe): Value {
    this.at(pipe);
    let value: Final = NO_FINAL;
    for (const cmd of pipe.cmds) value = this.evalCommand(dot, cmd, value);
    const v = value === NO_FINAL ? MISSING : value;
    for (const d of pipe.decl) {
      if (pipe.isAssign) this.setVar(d.name, v);
      else this.vars.push({ name: d.name, value: v });
    }
    return v;
  }

  private notAFunction(args: readonly Arg[], final: Final): void {
    if (args.length > 1 || final !== NO_FINAL) this.errorf(`can't give argument to non-function ${argString(args[0])}`);
  }

  private evalCommand(dot: Value, cmd: Command, final: Final): Value {
    const first = cmd.args[0];
    switch (first.type) {
      case 'field':
        this.at(first);
        return this.evalFieldChain(dot, first, first.ident, cmd.args, final);
      case 'chain':
        return this.evalChain(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariable(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        this.errorf('nil is not a command');
      // falls through (errorf never returns)
      case 'number':
        return this.constant(first);
      case 'string':
        return first.text;
    }
  }

  private constant(n: Extract<Arg, { type: 'number' }>): Value {
    this.at(n);
    if (typeof n.value === 'string') this.errorf(n.value);
    return n.value;
  }

  private evalChain(dot: Value, chain: Extract<Arg, { type: 'chain' }>, args: readonly Arg[], final: Final): Value {
    this.at(chain);
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${argString(chain)}`);
    const receiver = this.evalArgValue(dot, chain.node);
    return this.evalFieldChain(dot, chain, chain.field, args, final, receiver);
  }

  private evalVariable(dot: Value, v: Extract<Arg, { type: 'variable' }>, args: readonly Arg[], final: Final): Value {
    this.at(v);
    const value = this.varValue(v.ident[0]);
    if (v.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, v, v.ident.slice(1), args, final, value);
  }

  private evalFieldChain(dot: Value, node: Located, ident: readonly string[], args: readonly Arg[] | undefined, final: Final, receiver: Value = dot): Value {
    let r = receiver;
    for (let i = 0; i < ident.length - 1; i++) r = this.evalField(ident[i], undefined, NO_FINAL, r);
    return this.evalField(ident[ident.length - 1], args, final, r);
  }

  private evalField(name: string, args: readonly Arg[] | undefined, final: Final, receiver: Value): Value {
    if (receiver === MISSING) {
      if (this.options.missingKeyError) this.errorf(`nil data; no entry for key ${goQuote(name)}`);
      return MISSING;
    }
    const hasArgs = (args !== undefined && args.length > 1) || final !== NO_FINAL;
    if (isMap(receiver)) {
      if (hasArgs) this.errorf(`${name} is not a method but has arguments`);
      if (Object.prototype.hasOwnProperty.call(receiver, name)) return receiver[name];
      if (this.options.missingKeyError) this.errorf(`map has no entry for key ${goQuote(name)}`);
      return MISSING;
    }
    if (receiver === null) this.errorf(`nil pointer evaluating interface {}.${name}`);
    this.errorf(`can't evaluate field ${name} in type ${receiver instanceof GoNumber ? receiver.type : 'interface {}'}`);
  }

  /** evalArg for an argument of type interface{} or reflect.Value: its value. */
  evalArgValue(dot: Value, n: Arg): Value {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return dot;
      case 'nil':
        return null;
      case 'field':
        return this.evalFieldChain(dot, n, n.ident, [n], NO_FINAL);
      case 'variable':
        return this.evalVariable(dot, n, [n], NO_FINAL);
      case 'pipe':
        return this.evalPipeline(dot, n);
      case 'identifier':
        return this.evalFunction(dot, n, { type: 'command', pos: n.pos, args: [n] }, [n], NO_FINAL);
      case 'chain':
        return this.evalChain(dot, n, [n], NO_FINAL);
      case 'bool':
        return n.value;
      case 'number':
        return this.constant(n);
      case 'string':
        return n.text;
    }
  }

  /** An argument for a parameter of type `string` (printf's format, base64decode). */
  private evalStringArg(dot: Value, n: Arg): string {
    this.at(n);
    if (n.type === 'string') return n.text;
    if (n.type === 'bool' || n.type === 'number') this.errorf(`expected string; found ${argString(n)}`);
    if (n.type === 'nil') this.errorf('cannot assign nil to string');
    return this.asString(this.evalArgValue(dot, n));
  }

  /** validateType(value, string). */
  private asString(v: Value): string {
    if (typeof v === 'string') return v;
    if (v === MISSING) this.errorf('invalid value; expected string');
    this.errorf(`wrong type for value; expected string; got ${v === null ? 'interface {}' : typeName(v)}`);
  }

  private evalFunction(dot: Value, ident: Extract<Arg, { type: 'identifier' }>, cmd: Command, args: readonly Arg[], final: Final): Value {
    this.at(ident);
    const name = ident.name;
    const spec: FunctionSpec = FUNCTIONS[name];
    const argNodes = args.slice(1);
    const numIn = argNodes.length + (final !== NO_FINAL ? 1 : 0);
    if (spec.variadic) {
      if (numIn < spec.params.length) this.errorf(`wrong number of args for ${name}: want at least ${spec.params.length} got ${numIn}`);
    } else if (numIn !== spec.params.length) this.errorf(`wrong number of args for ${name}: want ${spec.params.length} got ${numIn}`);
    const paramType = (i: number) => (i < spec.params.length ? spec.params[i] : spec.variadic!);

    if (name === 'and' || name === 'or') {
      let v: Value = MISSING;
      for (const a of argNodes) {
        v = a.type === 'nil' ? MISSING : this.evalArgValue(dot, a);
        if (truth(v) === (name === 'or')) return v;
      }
      if (final !== NO_FINAL) v = final;
      return v;
    }

    if (name === 'call') {
      // call names its argument in the error: `non-function .kind of type string`.
      const fn = argNodes.length > 0 ? this.evalArgValue(dot, argNodes[0]) : (final as Value);
      this.at(cmd);
      const what = argNodes.length > 0 ? `${argString(argNodes[0])} ` : '';
      this.errorf(`error calling call: ${fn === MISSING || fn === null ? 'call of nil' : `non-function ${what}of type ${typeName(fn)}`}`);
    }
    const values: Value[] = argNodes.map((a, i) => {
      const t = paramType(i);
      if (t === 'string') return this.evalStringArg(dot, a);
      // A nil argument is Go's invalid value: printed <nil>, "index of untyped nil", equal to nil.
      if (a.type === 'nil') {
        this.at(a);
        return MISSING;
      }
      return this.evalArgValue(dot, a);
    });
    if (final !== NO_FINAL) values.push(paramType(values.length) === 'string' ? this.asString(final) : final);
    try {
      return spec.call(values);
    } catch (e) {
      if (!(e instanceof FunctionError)) throw e;
      this.at(cmd);
      this.errorf(`error calling ${name}: ${e.message}`);
    }
  }
}

/** Execute a parsed template over `data`: the output, and the error that stopped it if any. */
export function execute(text: string, parsed: Parsed, data: Value, options: ExecOptions): { output: string; error?: GoTemplateExecError } {
  const state = new State(text, parsed, options, 'output', 0, data);
  try {
    state.walkList(data, parsed.root);
    return { output: state.out };
  } catch (e) {
    if (e instanceof GoTemplateExecError) return { output: state.out, error: e };
    if (e instanceof RangeError) return { output: state.out, error: new GoTemplateExecError('template: output: exceeded maximum template depth (100000)') };
    throw e;
  }
}
