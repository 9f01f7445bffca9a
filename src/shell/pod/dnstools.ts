/**
 * DNS clients: busybox nslookup (networking/nslookup.c: sends A and AAAA together, search list
 * only for names without a dot), BIND nslookup/dig/host (bin/dig/*.c: search list with ndots).
 * Layouts: reference pod-network-tools.md §4.1 and §5.
 */
import type { DnsAnswer, ResourceRecord, RRType } from '../../cluster/network/dns.ts';
import type { CommandIO } from '../io.ts';
import { candidates, NAMESERVER, query, searchList, type PodContext, type Tool } from './context.ts';

const TYPES: RRType[] = ['A', 'AAAA', 'CNAME', 'SRV', 'PTR', 'SOA', 'TXT', 'MX', 'ANY'];

function parseType(s: string): RRType | undefined {
  const t = s.toUpperCase();
  return (TYPES as string[]).includes(t) ? (t as RRType) : undefined;
}

/** `10.96.0.12` -> `12.0.96.10.in-addr.arpa` for reverse lookups. */
function reverseName(ip: string): string {
  return ip.split('.').reverse().join('.') + '.in-addr.arpa';
}

const isIP = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s);

// ------------------------------------------------------------------------------------------
// busybox nslookup

function busyboxRecord(r: ResourceRecord): string {
  switch (r.type) {
    case 'A':
      return `Name:\t${r.name}\nAddress: ${r.data}\n`;
    case 'AAAA':
      return `Name:\t${r.name}\nAddress: ${r.data}\n`;
    case 'CNAME':
      return `${r.name}\tcanonical name = ${r.data}\n`;
    case 'SRV':
      return `${r.name}\tservice = ${r.data}\n`;
    case 'PTR':
      return `${r.name}\tname = ${r.data}\n`;
    default:
      return `${r.name}\t${r.type.toLowerCase()} = ${r.data}\n`;
  }
}

function busyboxReply(name: string, ans: DnsAnswer): string {
  if (ans.rcode !== 'NOERROR') return `** server can't find ${name}: ${ans.rcode}\n\n`;
  const head = !ans.authoritative && ans.answers.length > 0 ? 'Non-authoritative answer:\n' : '';
  return head + ans.answers.map(busyboxRecord).join('') + '\n';
}

async function busyboxNslookup(args: string[], io: CommandIO, ctx: PodContext): Promise<number> {
  let type: RRType | undefined;
  const names: string[] = [];
  for (const a of args) {
    const m = /^-(?:type|query|q|t)=(.+)$/i.exec(a);
    if (m) type = parseType(m[1]);
    else if (a.startsWith('-')) continue;
    else names.push(a);
  }
  if (names.length === 0) {
    io.stderr('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n');
    return 1;
  }
  const name = names[0];
  io.stdout(`Server:\t\t${NAMESERVER}\nAddress:\t${NAMESERVER}:53\n\n`);
  let qname = name;
  let types: RRType[] = type ? [type] : ['A', 'AAAA'];
  if (isIP(name)) {
    qname = reverseName(name);
    types = ['PTR'];
  }
  // A name without a dot gets every search domain; one with a dot goes out as it is.
  const tries = !isIP(name) && !name.includes('.') ? searchList(ctx.namespace).map((s) => `${name}.${s}`) : [qname.replace(/\.$/, '')];
  const replies: { name: string; type: RRType; ans: DnsAnswer }[] = [];
  for (const t of types) for (const n of tries) replies.push({ name: n, type: t, ans: query(ctx, n, t) });
  // Replies print as they arrive: failures come back first, then the answers (A before AAAA).
  const bad = (r: (typeof replies)[number]) => r.ans.rcode !== 'NOERROR';
  const first = types[0];
  const ordered = [
    ...replies.filter((r) => r.type === first && bad(r)),
    ...replies.filter((r) => !bad(r)),
    ...replies.filter((r) => r.type !== first && bad(r)),
  ];
  for (const r of ordered) io.stdout(busyboxReply(r.name, r.ans));
  return replies.some(bad) ? 1 : 0;
}

// ------------------------------------------------------------------------------------------
// BIND nslookup

function bindRecord(r: ResourceRecord): string {
  switch (r.type) {
    case 'A':
    case 'AAAA':
      return `Name:\t${r.name}\nAddress: ${r.data}\n`;
    case 'CNAME':
      return `${r.name}\tcanonical name = ${r.data}.\n`;
    case 'SRV':
      return `${r.name}\tservice = ${r.data}.\n`;
    case 'PTR':
      return `${r.name}\tname = ${r.data}.\n`;
    default:
      return `${r.name}\t${r.type.toLowerCase()} = ${r.data}\n`;
  }
}

/** Lookup with the search list as BIND's resolver does; the first non-NXDOMAIN answer wins. */
function searchLookup(ctx: PodContext, name: string, type: RRType): { name: string; ans: DnsAnswer; failures: DnsAnswer[] } {
  const failures: DnsAnswer[] = [];
  const list = isIP(name) ? [reverseName(name)] : candidates(name, ctx.namespace);
  let last: { name: string; ans: DnsAnswer } | undefined;
  for (const n of list) {
    const ans = query(ctx, n, type);
    last = { name: n, ans };
    if (ans.rcode === 'NOERROR' && (ans.answers.length > 0 || n === list[list.length - 1])) return { ...last, failures };
    failures.push(ans);
  }
  return { ...last!, failures: failures.slice(0, -1) };
}

async function bindNslookup(args: string[], io: CommandIO, ctx: PodContext): Promise<number> {
  const modern = ctx.profile.nslookup === 'bind9.18';
  let type: RRType = 'A';
  const names: string[] = [];
  for (const a of args) {
    const m = /^-(?:type|query|q|t)=(.+)$/i.exec(a);
    if (m) type = parseType(m[1]) ?? 'A';
    else if (!a.startsWith('-')) names.push(a);
  }
  if (names.length === 0) {
    io.stdout('> ');
    return 0;
  }
  const name = names[0];
  const qtype = isIP(name) ? 'PTR' : type;
  const res = searchLookup(ctx, name, qtype);
  const noRA = `;; Got recursion not available from ${NAMESERVER}\n`;
  if (modern) for (const f of res.failures) if (f.authoritative) io.stdout(noRA);
  if (modern && res.ans.authoritative) io.stdout(noRA);
  io.stdout(`Server:\t\t${NAMESERVER}\nAddress:\t${NAMESERVER}#53\n\n`);
  if (res.ans.rcode !== 'NOERROR' || (res.ans.answers.length === 0 && qtype === 'A' && false)) {
    io.stdout(`** server can't find ${name}: ${res.ans.rcode}\n\n`);
    return 1;
  }
  if (!res.ans.authoritative) io.stdout('Non-authoritative answer:\n');
  if (res.ans.answers.length === 0) io.stdout(`*** Can't find ${res.name}: No answer\n`);
  io.stdout(res.ans.answers.map(bindRecord).join(''));
  if (modern && qtype === 'A') {
    // 9.11+ also asks for AAAA and prints what comes back.
    const aaaa = query(ctx, res.name, 'AAAA');
    if (aaaa.authoritative) io.stdout(noRA);
    io.stdout(aaaa.answers.filter((r) => r.type === 'AAAA').map(bindRecord).join(''));
  }
  io.stdout('\n');
  return 0;
}

export const nslookup: Tool = (args, io, ctx) => (ctx.profile.nslookup === 'busybox' ? busyboxNslookup(args, io, ctx) : bindNslookup(args, io, ctx));

// ------------------------------------------------------------------------------------------
// dig

/** dig's column rule: TABs up to the column when short of it, else one space. */
function toColumn(line: string, col: number): string {
  if (line.length >= col) return line + ' ';
  let len = line.length;
  let out = line;
  while (len < col) {
    out += '\t';
    len = (Math.floor(len / 8) + 1) * 8;
  }
  return out;
}

function digRecord(r: ResourceRecord): string {
  let l = toColumn(`${r.name}.`, 24) + String(r.ttl);
  l = toColumn(l, 32) + 'IN';
  l = toColumn(l, 40) + r.type;
  l = toColumn(l, 48) + digData(r);
  return l;
}

function digData(r: ResourceRecord): string {
  return r.type === 'CNAME' || r.type === 'PTR' ? `${r.data}.` : r.type === 'SRV' ? `${r.data}.` : r.data;
}

function wireNameLength(name: string): number {
  return name.split('.').filter((x) => x).reduce((n, l) => n + l.length + 1, 1);
}

function soaRecord(ctx: PodContext, ans: DnsAnswer): string {
  if (ans.authoritative) {
    const serial = Math.floor(ctx.clock.now() / 1000);
    return toColumn(toColumn(toColumn(toColumn('cluster.local.', 24) + '30', 32) + 'IN', 40) + 'SOA', 48) + `ns.dns.cluster.local. hostmaster.cluster.local. ${serial} 7200 1800 86400 30`;
  }
  return toColumn(toColumn(toColumn(toColumn('.', 24) + '86400', 32) + 'IN', 40) + 'SOA', 48) + 'a.root-servers.net. nstld.verisign-grs.com. 2026112600 1800 900 604800 86400';
}

function digDate(ms: number): string {
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const mons = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${mons[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

export const dig: Tool = (args, io, ctx) => {
  const modern = ctx.profile.dig === '9.18.33';
  let short = false;
  let search = false;
  let type: RRType = 'A';
  let name: string | undefined;
  let reverse = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '+short') short = true;
    else if (a === '+search') search = true;
    else if (a === '+nosearch') search = false;
    else if (a.startsWith('+')) continue;
    else if (a.startsWith('@')) continue;
    else if (a === '-x') {
      reverse = true;
      name = args[++i];
    } else if (a === '-t') type = parseType(args[++i] ?? '') ?? type;
    // dig takes any word that names a type as the type (dig.c istype), wherever it stands.
    else if (parseType(a) && a.toUpperCase() !== 'ANY' || (a.toUpperCase() === 'ANY' && name !== undefined)) type = parseType(a)!;
    else if (name === undefined) name = a;
  }
  if (name === undefined) {
    name = '.';
    type = 'NS';
  }
  let qname = reverse ? reverseName(name) : name.replace(/\.$/, '');
  if (reverse) type = 'PTR';
  let ans: DnsAnswer;
  if (search && !reverse && !name.endsWith('.')) {
    const r = searchLookup(ctx, name, type);
    qname = r.name;
    ans = r.ans;
  } else ans = query(ctx, qname, type);
  if (short) {
    io.stdout(ans.answers.map((r) => digData(r) + '\n').join(''));
    return 0;
  }
  const version = modern ? '9.18.33-1~deb12u2-Debian' : '9.9.5-9+deb8u19-Debian';
  const id = (Math.floor(ctx.clock.now() / 7) ^ qname.length * 7919) & 0xffff;
  const flags = ans.authoritative ? 'qr aa rd' : 'qr rd ra';
  const authority = ans.answers.length === 0 ? 1 : 0;
  const additional = ans.additional.length + 1;
  let out = `\n; <<>> DiG ${version} <<>> ${args.join(' ')}\n;; global options: +cmd\n;; Got answer:\n`;
  if (modern && qname.endsWith('.local')) out += ';; WARNING: .local is reserved for Multicast DNS\n;; You are currently testing what happens when an mDNS query is leaked to DNS\n';
  out += `;; ->>HEADER<<- opcode: QUERY, status: ${ans.rcode}, id: ${id}\n`;
  out += `;; flags: ${flags}; QUERY: 1, ANSWER: ${ans.answers.length}, AUTHORITY: ${authority}, ADDITIONAL: ${additional}\n`;
  if (ans.authoritative) out += ';; WARNING: recursion requested but not available\n';
  out += `\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: ${modern ? 1232 : 4096}\n`;
  if (modern) out += `; COOKIE: ${((id * 2654435761) >>> 0).toString(16).padStart(8, '0')}${(id * 40503).toString(16).padStart(8, '0')} (echoed)\n`;
  out += `;; QUESTION SECTION:\n${toColumn(toColumn(`;${qname}.`, 32) + 'IN', 40)}${type}\n`;
  if (ans.answers.length > 0) out += `\n;; ANSWER SECTION:\n${ans.answers.map((r) => digRecord(r) + '\n').join('')}`;
  if (authority) out += `\n;; AUTHORITY SECTION:\n${soaRecord(ctx, ans)}\n`;
  if (ans.additional.length > 0) out += `\n;; ADDITIONAL SECTION:\n${ans.additional.map((r) => digRecord(r) + '\n').join('')}`;
  // A wire-format size: header, question, answers (names compressed to 2 bytes), OPT.
  const size =
    12 +
    wireNameLength(qname) + 4 +
    ans.answers.reduce((n, r) => n + 2 + 10 + (r.type === 'A' ? 4 : wireNameLength(r.data.split(' ').pop()!) + (r.type === 'SRV' ? 6 : 0)), 0) +
    (authority ? 2 + 10 + 60 : 0) +
    ans.additional.reduce((n) => n + 2 + 10 + 4, 0) +
    11 + (modern ? 28 : 0);
  out += `\n;; Query time: 0 msec\n;; SERVER: ${NAMESERVER}#53(${NAMESERVER})${modern ? ' (UDP)' : ''}\n;; WHEN: ${digDate(ctx.clock.now())}\n;; MSG SIZE  rcvd: ${size}\n\n`;
  io.stdout(out);
  return 0;
};

// ------------------------------------------------------------------------------------------
// host

export const host: Tool = (args, io, ctx) => {
  const names = args.filter((a) => !a.startsWith('-'));
  if (names.length === 0) {
    io.stderr('Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] hostname [server]\n');
    return 1;
  }
  const name = names[0];
  if (isIP(name)) {
    const ans = query(ctx, reverseName(name), 'PTR');
    if (ans.rcode !== 'NOERROR') {
      io.stdout(`Host ${reverseName(name)} not found: 3(NXDOMAIN)\n`);
      return 1;
    }
    io.stdout(ans.answers.map((r) => `${r.name} domain name pointer ${r.data}.\n`).join(''));
    return 0;
  }
  const res = searchLookup(ctx, name, 'A');
  if (res.ans.rcode !== 'NOERROR') {
    io.stdout(`Host ${name} not found: 3(NXDOMAIN)\n`);
    return 1;
  }
  let out = '';
  for (const r of res.ans.answers) {
    if (r.type === 'CNAME') out += `${r.name} is an alias for ${r.data}.\n`;
    else if (r.type === 'A') out += `${r.name} has address ${r.data}\n`;
  }
  io.stdout(out);
  return 0;
};
