/**
 * The shell's own commands: what a learner reaches for around kubectl (echo, sleep, cat, ls,
 * grep, clear, history...). Messages follow GNU coreutils and bash.
 */
import type { CommandIO } from './io.ts';
import type { Shell } from './shell.ts';
import { TEXT_UTILS } from './textutils.ts';
import { FILE_UTILS } from './fileutils.ts';

export type Builtin = (args: string[], io: CommandIO, shell: Shell) => Promise<number> | number;

/** ANSI: home the cursor and clear the screen (and scrollback), as `clear` does in xterm. */
export const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';

export const BUILTINS: Record<string, Builtin> = {
  ...TEXT_UTILS,
  ...FILE_UTILS,
  echo(args, io) {
    let newline = true;
    let i = 0;
    while (args[i] === '-n') {
      newline = false;
      i++;
    }
    io.stdout(args.slice(i).join(' ') + (newline ? '\n' : ''));
    return 0;
  },
  async sleep(args, io, shell) {
    if (args.length === 0) {
      io.stderr("sleep: missing operand\nTry 'sleep --help' for more information.\n");
      return 1;
    }
    let total = 0;
    for (const a of args) {
      const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(a);
      if (!m) {
        io.stderr(`sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`);
        return 1;
      }
      total += parseFloat(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[m[2]];
    }
    await shell.sleep(total, io.signal);
    return 0;
  },
  true: () => 0,
  false: () => 1,
  pwd(_args, io, shell) {
    io.stdout(shell.fs.cwd + '\n');
    return 0;
  },
  cd(args, io, shell) {
    const target = args[0] ?? shell.env.HOME;
    if (!shell.fs.isDir(target)) {
      io.stderr(`bash: cd: ${target}: No such file or directory\n`);
      return 1;
    }
    shell.fs.cwd = shell.fs.resolve(target);
    return 0;
  },
  ls(args, io, shell) {
    const paths = args.filter((a) => !a.startsWith('-'));
    let code = 0;
    for (const p of paths.length ? paths : ['.']) {
      if (!shell.fs.exists(p)) {
        io.stderr(`ls: cannot access '${p}': No such file or directory\n`);
        code = 2;
        continue;
      }
      if (!shell.fs.isDir(p)) {
        io.stdout(p + '\n');
        continue;
      }
      const entries = shell.fs.list(p).map((e) => e.replace(/\/$/, ''));
      if (entries.length) io.stdout(entries.join('  ') + '\n');
    }
    return code;
  },
  cat(args, io, shell) {
    if (args.length === 0) {
      io.stdout(io.stdin);
      return 0;
    }
    let code = 0;
    for (const p of args) {
      if (shell.fs.isDir(p)) {
        io.stderr(`cat: ${p}: Is a directory\n`);
        code = 1;
        continue;
      }
      const content = shell.fs.read(p);
      if (content === undefined) {
        io.stderr(`cat: ${p}: No such file or directory\n`);
        code = 1;
        continue;
      }
      io.stdout(content);
    }
    return code;
  },
  clear(_args, io) {
    io.stdout(CLEAR_SCREEN);
    return 0;
  },
  history(_args, io, shell) {
    const width = String(shell.history.length + 1).length;
    shell.history.forEach((h, i) => io.stdout(`${String(i + 1).padStart(Math.max(5, width))}  ${h.command}\n`));
    return 0;
  },
  help(_args, io, shell) {
    io.stdout(shell.env.LANG?.startsWith('ko') ? HELP_KO : HELP_EN);
    return 0;
  },
  export(args, _io, shell) {
    for (const a of args) {
      const eq = a.indexOf('=');
      if (eq > 0) shell.env[a.slice(0, eq)] = a.slice(eq + 1);
    }
    return 0;
  },
};

/** `help`: what this terminal offers (the page sets LANG=ko_KR.UTF-8 for the Korean interface). */
const HELP_EN = `KubeLab terminal: a small bash with kubectl v1.33 against a simulated cluster.

  kubectl ...        talk to the cluster (try: kubectl get svc, kubectl --help)
  ls, cat, echo      files you write here are the editor's files (kubectl apply -f FILE)
  touch, rm, mv, cp  and mkdir, on those files
  cat > f <<EOF      heredocs work, typed or pasted
  sleep N            let N seconds pass; history; clear; pwd; cd
  grep, head, tail   and wc, sort, uniq, cut, tr, base64 for what kubectl prints

Keys: Tab completes (twice lists), Up/Down history, Ctrl+R searches it,
Ctrl+C stops a command, Ctrl+L clears, Ctrl+A/E line start/end, Ctrl+U/K/W delete.
`;

const HELP_KO = `KubeLab 터미널: 시뮬레이션 클러스터에 연결된 kubectl v1.33과 작은 bash이다.

  kubectl ...        클러스터와 통신한다 (예: kubectl get svc, kubectl --help)
  ls, cat, echo      여기서 만든 파일은 편집기의 파일과 같다 (kubectl apply -f 파일)
  touch, rm, mv, cp  mkdir과 함께 이 파일들을 다룬다
  cat > f <<EOF      히어독(heredoc)은 입력해도, 붙여 넣어도 동작한다
  sleep N            N초가 지나게 한다. history, clear, pwd, cd도 있다
  grep, head, tail   wc, sort, uniq, cut, tr, base64로 kubectl 출력을 거른다

키: Tab 자동 완성(두 번 누르면 목록), 위/아래 화살표 기록, Ctrl+R 기록 검색,
Ctrl+C 명령 중단, Ctrl+L 화면 지우기, Ctrl+A/E 줄의 처음/끝, Ctrl+U/K/W 지우기.
`;
