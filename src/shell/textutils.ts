/**
 * The text tools learners pipe kubectl into: grep, head, tail, wc, sort, uniq, cut, tr, base64.
 * They follow GNU coreutils/grep: the options people type (bundled `-A3`, `-n5`, `-e PAT`,
 * `--`), the output (grep's `--` between context groups, wc's column widths), the messages and
 * exit codes (grep: 0 match, 1 none, 2 trouble).
 */
import type { Builtin } from './builtins.ts';
import type { CommandIO } from './io.ts';
import type { Shell } from './shell.ts';
import { parseOptions, reportUsage as usage, UsageError, ValueError, type Parsed } from './getopt.ts';

/** The text of the operands (or stdin when none, or `-`); missing files are reported. */
function inputs(tool: string, files: string[], io: CommandIO, shell: Shell): { name: string; text: string }[] | number {
  if (files.length === 0) return [{ name: '(standard input)', text: io.stdin }];
  const out: { name: string; text: string }[] = [];
  let failed = false;
  for (const f of files) {
    if (f === '-') {
      out.push({ name: '(standard input)', text: io.stdin });
      continue;
    }
    if (shell.fs.isDir(f)) {
      io.stderr(`${tool}: ${f}: Is a directory\n`);
      failed = true;
      continue;
    }
    const text = shell.fs.read(f);
    if (text === undefined) {
      io.stderr(`${tool}: ${f}: No such file or directory\n`);
      failed = true;
      continue;
    }
    out.push({ name: f, text });
  }
  return failed && out.length === 0 ? 1 : out;
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function count(v: string | undefined, tool: string, what: string): number {
  if (v === undefined) return 0;
  if (!/^\d+$/.test(v)) throw new ValueError(`${tool}: ${v}: invalid ${what}`);
  return Number(v);
}

/** A POSIX basic regular expression as grep reads it by default: \| \( \) \{ \} \+ \? are the operators. */
function basicToJs(re: string): string {
  let out = '';
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === '\\' && i + 1 < re.length) {
      const n = re[++i];
      out += '|(){}+?'.includes(n) ? n : `\\${n}`;
    } else out += '|(){}+?'.includes(c) ? `\\${c}` : c;
  }
  return out;
}

const grep: Builtin = (args, io, shell) => {
  let p: Parsed;
  try {
    p = parseOptions('grep', args, {
      withValue: 'ABCem',
      flags: 'EFGHhicvnlLowqrs',
      long: {
        'after-context': 'A', 'before-context': 'B', context: 'C', regexp: 'e', 'max-count': 'm', 'ignore-case': 'i',
        'invert-match': 'v', count: 'c', 'line-number': 'n', 'files-with-matches': 'l', 'only-matching': 'o',
        'word-regexp': 'w', quiet: 'q', silent: 'q', 'extended-regexp': 'E', 'fixed-strings': 'F', 'with-filename': 'H',
        'no-filename': 'h', color: '', colour: '',
      },
    });
  } catch (e) {
    return usage(io, e, 'grep', 2);
  }
  const o = p.opts;
  const patterns = o.get('e') ?? (p.operands.length ? [p.operands.shift()!] : []);
  if (patterns.length === 0) {
    io.stderr("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    return 2;
  }
  let after: number;
  let before: number;
  let max: number | undefined;
  try {
    const ctx = count(o.get('C')?.at(-1), 'grep', 'context length argument');
    after = o.has('A') ? count(o.get('A')!.at(-1), 'grep', 'context length argument') : ctx;
    before = o.has('B') ? count(o.get('B')!.at(-1), 'grep', 'context length argument') : ctx;
    max = o.has('m') ? count(o.get('m')!.at(-1), 'grep', 'max count') : undefined;
  } catch (e) {
    return usage(io, e, 'grep', 2);
  }
  // Each pattern operand may hold several patterns, one per line.
  const list = patterns.flatMap((x) => x.split('\n'));
  const source = list
    .map((x) => (o.has('F') ? x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : o.has('E') ? x : basicToJs(x)))
    .map((x) => (o.has('w') ? `(?<![\\w])(?:${x})(?![\\w])` : `(?:${x})`))
    .join('|');
  let re: RegExp;
  try {
    re = new RegExp(source, o.has('i') ? 'gi' : 'g');
  } catch {
    io.stderr('grep: Unmatched ( or \\(\n');
    return 2;
  }
  const sources = inputs('grep', p.operands, io, shell);
  if (typeof sources === 'number') return 2;
  const showName = o.has('H') || (p.operands.length > 1 && !o.has('h'));
  let matchedAny = false;
  const trouble = sources.length < p.operands.length;
  for (const { name, text } of sources) {
    const lines = splitLines(text);
    const matches = lines.map((l) => {
      re.lastIndex = 0;
      return re.test(l) !== o.has('v');
    });
    let hits = 0;
    const chosen: number[] = [];
    for (let i = 0; i < lines.length && (max === undefined || hits < max); i++) {
      if (matches[i]) {
        hits++;
        chosen.push(i);
      }
    }
    if (hits > 0) matchedAny = true;
    if (o.has('q')) {
      if (matchedAny) return 0;
      continue;
    }
    if (o.has('l')) {
      if (hits > 0) io.stdout(`${name}\n`);
      continue;
    }
    if (o.has('L')) {
      if (hits === 0) io.stdout(`${name}\n`);
      continue;
    }
    if (o.has('c')) {
      io.stdout(`${showName ? `${name}:` : ''}${hits}\n`);
      continue;
    }
    const prefix = (i: number, sep: string) => `${showName ? `${name}${sep}` : ''}${o.has('n') ? `${i + 1}${sep}` : ''}`;
    if (o.has('o')) {
      if (o.has('v')) continue;
      for (const i of chosen) {
        re.lastIndex = 0;
        for (const m of lines[i].matchAll(re)) if (m[0] !== '') io.stdout(`${prefix(i, ':')}${m[0]}\n`);
      }
      continue;
    }
    // Context: every line within `before`/`after` of a chosen match, `--` between groups that do not touch.
    const isMatch = new Set(chosen);
    const shown = new Set<number>();
    for (const i of chosen) for (let j = Math.max(0, i - before); j <= Math.min(lines.length - 1, i + after); j++) shown.add(j);
    let prev = -1;
    for (let j = 0; j < lines.length; j++) {
      if (!shown.has(j)) continue;
      if ((before > 0 || after > 0) && prev >= 0 && j > prev + 1) io.stdout('--\n');
      io.stdout(`${prefix(j, isMatch.has(j) ? ':' : '-')}${lines[j]}\n`);
      prev = j;
    }
  }
  // A file that could not be read makes it 2 even with matches (only -q with a match says 0).
  return trouble ? 2 : matchedAny ? 0 : 1;
};

/** head/tail's count: `-n N`, `-N`; tail also `-n +N` (from line N). */
function lineCount(tool: string, args: string[]): { n: number; fromStart: boolean; rest: string[] } {
  let n = 10;
  let fromStart = false;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    let v: string | undefined;
    if (/^-\d+$/.test(a)) v = a.slice(1);
    else if (a === '-n' || a === '--lines') v = args[++i] ?? '';
    else if (a.startsWith('-n')) v = a.slice(2);
    else if (a.startsWith('--lines=')) v = a.slice(8);
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`${tool}: invalid option -- '${a.slice(1, 2)}'`);
    else {
      rest.push(a);
      continue;
    }
    if (tool === 'tail' && v.startsWith('+')) {
      fromStart = true;
      v = v.slice(1);
    }
    if (!/^\d+$/.test(v)) throw new ValueError(`${tool}: invalid number of lines: ‘${v}’`);
    n = Number(v);
  }
  return { n, fromStart, rest };
}

function headTail(tool: 'head' | 'tail'): Builtin {
  return (args, io, shell) => {
    let parsed: ReturnType<typeof lineCount>;
    try {
      parsed = lineCount(tool, args);
    } catch (e) {
      return usage(io, e, tool, 1);
    }
    const sources = inputs(tool, parsed.rest, io, shell);
    if (typeof sources === 'number') return 1;
    sources.forEach(({ name, text }, k) => {
      if (sources.length > 1) io.stdout(`${k > 0 ? '\n' : ''}==> ${name} <==\n`);
      const lines = text.split('\n');
      const complete = text.endsWith('\n');
      if (complete) lines.pop();
      let pick: string[];
      if (tool === 'head') pick = lines.slice(0, parsed.n);
      else if (parsed.fromStart) pick = lines.slice(Math.max(0, parsed.n - 1));
      else pick = parsed.n === 0 ? [] : lines.slice(-parsed.n);
      const lastIncluded = tool === 'head' ? parsed.n >= lines.length : true;
      const trailing = pick.length > 0 && (complete || !lastIncluded) ? '\n' : '';
      io.stdout(pick.join('\n') + trailing);
    });
    return sources.length < parsed.rest.length ? 1 : 0;
  };
}

const wc: Builtin = (args, io, shell) => {
  let p: Parsed;
  try {
    p = parseOptions('wc', args, { withValue: '', flags: 'lwcm', long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm' } });
  } catch (e) {
    return usage(io, e, 'wc', 1);
  }
  const sources = inputs('wc', p.operands, io, shell);
  if (typeof sources === 'number') return 1;
  const want = ['l', 'w', 'c', 'm'].filter((k) => p.opts.has(k));
  const which = want.length ? want : ['l', 'w', 'c'];
  const rows = sources.map(({ name, text }) => {
    const v: Record<string, number> = {
      l: (text.match(/\n/g) ?? []).length,
      w: text.split(/\s+/).filter(Boolean).length,
      c: new TextEncoder().encode(text).length,
      m: [...text].length,
    };
    return { name: p.operands.length ? name : '', values: which.map((k) => v[k]) };
  });
  if (rows.length > 1) rows.push({ name: 'total', values: which.map((_, i) => rows.reduce((s, r) => s + r.values[i], 0)) });
  // GNU wc: one number alone from stdin is unpadded; otherwise all share the widest total's width.
  const single = which.length === 1 && p.operands.length === 0;
  const width = single ? 0 : Math.max(...rows.flatMap((r) => r.values.map((x) => String(x).length)), p.operands.length ? 1 : 7);
  for (const r of rows) io.stdout(r.values.map((x) => String(x).padStart(width)).join(' ') + (r.name ? ` ${r.name}` : '') + '\n');
  return sources.length < p.operands.length ? 1 : 0;
};

const sort: Builtin = (args, io, shell) => {
  let p: Parsed;
  try {
    p = parseOptions('sort', args, { withValue: 'kt', flags: 'rnuf', long: { reverse: 'r', 'numeric-sort': 'n', unique: 'u', 'ignore-case': 'f' } });
  } catch (e) {
    return usage(io, e, 'sort', 2);
  }
  const sources = inputs('sort', p.operands, io, shell);
  if (typeof sources === 'number') return 2;
  const sep = p.opts.get('t')?.at(-1);
  const keyField = p.opts.has('k') ? Number.parseInt(p.opts.get('k')!.at(-1)!, 10) : 0;
  const key = (l: string) => {
    let k = l;
    if (keyField > 0) {
      if (sep !== undefined) k = l.split(sep).slice(keyField - 1).join(sep);
      else {
        // Without -t a field is its leading blanks and what follows them, up to the end of the line here.
        const fields = l.match(/[ \t]*[^ \t]+/g) ?? [];
        k = fields.slice(keyField - 1).join('');
      }
    }
    return p.opts.has('f') ? k.toUpperCase() : k;
  };
  const lines = sources.flatMap((s) => splitLines(s.text));
  const cmp = (a: string, b: string) => {
    if (p.opts.has('n')) {
      const d = (Number.parseFloat(key(a)) || 0) - (Number.parseFloat(key(b)) || 0);
      if (d !== 0) return d;
    } else {
      const ka = key(a);
      const kb = key(b);
      if (ka !== kb) return ka < kb ? -1 : 1;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  };
  let out = [...lines].sort(cmp);
  if (p.opts.has('r')) out.reverse();
  if (p.opts.has('u')) out = out.filter((l, i) => i === 0 || cmp(out[i - 1], l) !== 0);
  for (const l of out) io.stdout(l + '\n');
  return 0;
};

const uniq: Builtin = (args, io, shell) => {
  let p: Parsed;
  try {
    p = parseOptions('uniq', args, { withValue: '', flags: 'cdu', long: { count: 'c', repeated: 'd', unique: 'u' } });
  } catch (e) {
    return usage(io, e, 'uniq', 1);
  }
  const sources = inputs('uniq', p.operands.slice(0, 1), io, shell);
  if (typeof sources === 'number') return 1;
  const lines = splitLines(sources[0].text);
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && lines[j] === lines[i]) j++;
    const n = j - i;
    if ((!p.opts.has('d') || n > 1) && (!p.opts.has('u') || n === 1)) io.stdout(p.opts.has('c') ? `${String(n).padStart(7)} ${lines[i]}\n` : `${lines[i]}\n`);
    i = j;
  }
  return 0;
};

/** cut -f LIST [-d DELIM] or -c LIST; LIST as `1,3` or `2-` or `-2`. */
const cut: Builtin = (args, io, shell) => {
  let p: Parsed;
  try {
    p = parseOptions('cut', args, { withValue: 'dfc', flags: 's', long: { delimiter: 'd', fields: 'f', characters: 'c' } });
    if (!p.opts.has('f') && !p.opts.has('c')) throw new UsageError('cut: you must specify a list of bytes, characters, or fields');
  } catch (e) {
    return usage(io, e, 'cut', 1);
  }
  const list = (p.opts.get('f') ?? p.opts.get('c'))!.at(-1)!;
  const ranges = list.split(',').map((r) => {
    const m = /^(\d*)(-?)(\d*)$/.exec(r);
    if (!m || (m[1] === '' && m[3] === '')) return undefined;
    const from = m[1] ? Number(m[1]) : 1;
    const to = m[2] ? (m[3] ? Number(m[3]) : Infinity) : from;
    return [from, to] as const;
  });
  if (ranges.some((r) => r === undefined || r[0] === 0)) {
    io.stderr(`cut: invalid field value '${list}'\nTry 'cut --help' for more information.\n`);
    return 1;
  }
  const wanted = (i: number) => ranges.some((r) => i >= r![0] && i <= r![1]);
  const delim = p.opts.get('d')?.at(-1) ?? '\t';
  const sources = inputs('cut', p.operands, io, shell);
  if (typeof sources === 'number') return 1;
  for (const { text } of sources) {
    for (const l of splitLines(text)) {
      if (p.opts.has('c')) {
        io.stdout([...l].filter((_, i) => wanted(i + 1)).join('') + '\n');
        continue;
      }
      if (!l.includes(delim)) {
        if (!p.opts.has('s')) io.stdout(l + '\n');
        continue;
      }
      io.stdout(l.split(delim).filter((_, i) => wanted(i + 1)).join(delim) + '\n');
    }
  }
  return 0;
};

const tr: Builtin = (args, io) => {
  const del = args[0] === '-d';
  const sets = del ? args.slice(1) : args;
  const expand = (s: string) => {
    const out: string[] = [];
    const chars = [...s.replace(/\\n/g, '\n').replace(/\\t/g, '\t')];
    for (let i = 0; i < chars.length; i++) {
      if (chars[i + 1] === '-' && chars[i + 2] !== undefined) {
        for (let c = chars[i].codePointAt(0)!; c <= chars[i + 2].codePointAt(0)!; c++) out.push(String.fromCodePoint(c));
        i += 2;
      } else out.push(chars[i]);
    }
    return out;
  };
  if (sets.length < (del ? 1 : 2)) {
    io.stderr(`tr: missing operand${sets.length ? ` after '${sets[0]}'` : ''}\nTry 'tr --help' for more information.\n`);
    return 1;
  }
  const from = expand(sets[0]);
  const to = del ? [] : expand(sets[1]);
  let out = '';
  for (const c of io.stdin) {
    const i = from.indexOf(c);
    if (i < 0) out += c;
    else if (!del) out += to[Math.min(i, to.length - 1)] ?? '';
  }
  io.stdout(out);
  return 0;
};

/** base64 [-d] [-w COLS]: what `kubectl get secret -o jsonpath=... | base64 -d` needs. */
const base64: Builtin = (args, io, shell) => {
  let p: Parsed;
  try {
    p = parseOptions('base64', args, { withValue: 'w', flags: 'di', long: { decode: 'd', wrap: 'w', 'ignore-garbage': 'i' } });
  } catch (e) {
    return usage(io, e, 'base64', 1);
  }
  const sources = inputs('base64', p.operands.slice(0, 1), io, shell);
  if (typeof sources === 'number') return 1;
  const text = sources[0].text;
  if (p.opts.has('d')) {
    // GNU decodes up to the first character outside the alphabet, writes that, then complains.
    const clean = text.replace(/\n/g, '');
    const valid = /^[A-Za-z0-9+/]*/.exec(clean)![0];
    let rest = clean.slice(valid.length);
    const pad = /^=*/.exec(rest)![0];
    rest = rest.slice(pad.length);
    const usable = valid.length % 4 === 1 ? valid.slice(0, -1) : valid;
    const bin = atob(usable.padEnd(Math.ceil(usable.length / 4) * 4, '='));
    io.stdout(new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
    const padOk = pad === '' || (valid.length + pad.length) % 4 === 0;
    if (rest !== '' || !padOk || valid.length % 4 === 1) {
      io.stderr('base64: invalid input\n');
      return 1;
    }
    return 0;
  }
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  const enc = btoa(bin);
  const wrap = p.opts.has('w') ? Number(p.opts.get('w')!.at(-1)) : 76;
  const lines = wrap > 0 ? (enc.match(new RegExp(`.{1,${wrap}}`, 'g')) ?? []) : [enc];
  io.stdout(lines.join('\n') + (enc ? '\n' : ''));
  return 0;
};

export const TEXT_UTILS: Record<string, Builtin> = {
  grep,
  head: headTail('head'),
  tail: headTail('tail'),
  wc,
  sort,
  uniq,
  cut,
  tr,
  base64,
};
