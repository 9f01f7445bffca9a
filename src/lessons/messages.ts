/**
 * The engine's own texts in every language: why a check failed. Korean follows
 * /work/shared/reference/korean-style.md (평어체, the official glossary's terms).
 */
import { show } from './path.ts';
import type { Comparison, Localized } from './types.ts';

const q = (v: unknown) => `\`${show(v)}\``;

/**
 * Whether a word read aloud in Korean ends in a final consonant (받침), which picks the particle:
 * `kubia`가 but `80`이. For Latin letters and digits this follows how Korean engineers read them
 * (l, m, n, b, -ng and name/type-like silent e end in one; most others end in a vowel sound:
 * `pod` 파드, `svc` 에스브이씨).
 */
export function hasFinalConsonant(word: string): boolean {
  const w = word.replace(/[`'")\]\s.]+$/, '');
  const last = w[w.length - 1] ?? '';
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 !== 0;
  if (/[0-9]/.test(last)) return '013678'.includes(last);
  // -ng (ㅇ), silent e after m/n/p (name 네임, none 논, type 타입), b (web 웹).
  if (/(ng|me|ne|pe)$/i.test(w)) return true;
  return /[lmnb]/i.test(last);
}

/** The word with the particle its last sound needs: j('`kubia`', '이', '가'). */
export function j(word: string, withFinal: string, withoutFinal: string): string {
  return word + (hasFinalConsonant(word) ? withFinal : withoutFinal);
}

export function cmp(c: number | Comparison): { ko: string; en: string } {
  if (typeof c === 'number') return { ko: `${c}개`, en: `${c}` };
  if (c.min !== undefined && c.max !== undefined) return { ko: `${c.min}~${c.max}개`, en: `${c.min} to ${c.max}` };
  if (c.min !== undefined) return { ko: `${c.min}개 이상`, en: `at least ${c.min}` };
  return { ko: `${c.max ?? 0}개 이하`, en: `at most ${c.max ?? 0}` };
}

export const msg = {
  notFound: (what: string): Localized => ({
    ko: `${j(what, '이', '가')} 아직 없다.`,
    en: `${what} does not exist yet.`,
  }),
  noneMatch: (what: string): Localized => ({
    ko: `${what} 중 조건에 맞는 오브젝트가 없다.`,
    en: `No ${what} meets the condition.`,
  }),
  stillExists: (what: string): Localized => ({
    ko: `${j(what, '이', '가')} 아직 남아 있다.`,
    en: `${what} still exists.`,
  }),
  countWrong: (what: string, want: number | Comparison, got: number): Localized => ({
    ko: `조건에 맞는 ${j(what, '이', '가')} ${j(cmp(want).ko, '이어야', '여야')} 하는데 ${got}개다.`,
    en: `Expected ${cmp(want).en} ${what} meeting the condition, found ${got}.`,
  }),
  equals: (where: string, path: string, want: unknown, got: unknown[]): Localized =>
    got.length === 0
      ? { ko: `${where}에 \`${path}\` 필드가 없다. ${j(q(want), '이어야', '여야')} 한다.`, en: `${where} has no \`${path}\`; it should be ${q(want)}.` }
      : { ko: `${where}의 \`${path}\` 값이 ${j(q(got[0]), '이다', '다')}. ${j(q(want), '이어야', '여야')} 한다.`, en: `${where}: \`${path}\` is ${q(got[0])}, it should be ${q(want)}.` },
  notEquals: (where: string, path: string, got: unknown): Localized => ({
    ko: `${where}의 \`${path}\` 값이 아직 ${j(q(got), '이다', '다')}.`,
    en: `${where}: \`${path}\` is still ${q(got)}.`,
  }),
  matches: (where: string, path: string, pattern: string, got: unknown[]): Localized => ({
    ko: `${where}의 \`${path}\` 값(${got.length ? got.map(show).join(', ') : '없음'})이 기대한 형식(${pattern})과 다르다.`,
    en: `${where}: \`${path}\` (${got.length ? got.map(show).join(', ') : 'missing'}) does not look as expected (${pattern}).`,
  }),
  exists: (where: string, path: string, want: boolean): Localized =>
    want
      ? { ko: `${where}에 \`${path}\` 필드가 없다.`, en: `${where} has no \`${path}\`.` }
      : { ko: `${where}에 \`${path}\` 필드가 아직 있다.`, en: `${where} still has \`${path}\`.` },
  length: (where: string, path: string, want: number | Comparison, got: number): Localized => ({
    ko: `${where}의 \`${path}\` 항목이 ${j(cmp(want).ko, '이어야', '여야')} 하는데 ${got}개다.`,
    en: `${where}: \`${path}\` should have ${cmp(want).en} entries, it has ${got}.`,
  }),
  includes: (where: string, path: string, want: unknown, got: unknown[]): Localized => ({
    ko: `${where}의 \`${path}\`에 ${j(q(want), '이', '가')} 없다${got.length ? `(지금 값: ${got.map(show).join(', ')})` : ''}.`,
    en: `${where}: \`${path}\` does not include ${q(want)}${got.length ? ` (now: ${got.map(show).join(', ')})` : ''}.`,
  }),
  notRun: (example: string): Localized => ({
    ko: `\`${example}\` 명령을 아직 실행하지 않았다.`,
    en: `This command has not been run yet: \`${example}\``,
  }),
  ranFailed: (line: string, code: number): Localized => ({
    ko: `\`${line}\` 명령이 종료 코드 ${code}로 실패했다. 출력된 오류를 확인한다.`,
    en: `\`${line}\` failed with exit code ${code}. Read the error it printed.`,
  }),
  notEnoughRuns: (example: string, want: number, got: number): Localized => ({
    ko: `\`${example}\` 같은 명령을 ${want}번 실행해야 하는데 지금까지 ${got}번 실행했다.`,
    en: `Run a command like \`${example}\` ${want} times; it ran ${got} times so far.`,
  }),
  fileMissing: (path: string): Localized => ({
    ko: `\`${path}\` 파일이 없다. 편집기에서 파일을 만들고 저장한다.`,
    en: `There is no file \`${path}\`. Create it in the editor and save it.`,
  }),
  fileInvalid: (path: string, line: number, reason: string): Localized => ({
    ko: `\`${path}\` 파일의 ${line}번째 줄에 YAML 문법 오류가 있다(${reason}).`,
    en: `\`${path}\` line ${line} is not valid YAML: ${reason}`,
  }),
  fileNoKind: (path: string, kind: string): Localized => ({
    ko: `\`${path}\` 파일에 \`kind: ${kind}\`인 문서가 없다.`,
    en: `\`${path}\` has no document with \`kind: ${kind}\`.`,
  }),

  // Diagnostics: the likely cause behind a failed cluster check.
  selectorMatchesNothing: (svc: string, selector: string, podLabels: string[]): Localized => ({
    ko: `\`${svc}\` 서비스의 셀렉터 ${j(`\`${selector}\``, '과', '와')} 일치하는 파드가 없다.${podLabels.length ? ` 파드에 붙은 레이블은 ${j(podLabels.map((l) => `\`${l}\``).join(', '), '이다', '다')}.` : ' 이 네임스페이스에 파드가 없다.'}`,
    en: `The selector \`${selector}\` of Service \`${svc}\` matches no pod.${podLabels.length ? ` The pods are labelled ${podLabels.map((l) => `\`${l}\``).join(', ')}.` : ' There are no pods in this namespace.'}`,
  }),
  noReadyPods: (svc: string, n: number): Localized => ({
    ko: `\`${svc}\` 서비스의 셀렉터와 일치하는 파드 ${n}개 중 준비 상태(Ready)인 파드가 없다. 파드가 준비될 때까지 기다리거나 \`kubectl get pods\`로 상태를 확인한다.`,
    en: `${n} pod(s) match the selector of Service \`${svc}\`, but none is Ready. Wait for them or check \`kubectl get pods\`.`,
  }),
  endpointsNameDiffers: (svc: string, others: string[]): Localized => ({
    ko: `\`${svc}\` 서비스와 이름이 같은 엔드포인트(Endpoints) 오브젝트가 없다. 엔드포인트 ${j(others.map((o) => `\`${o}\``).join(', '), '이', '가')} 있지만, 서비스와 엔드포인트는 이름이 같아야 연결된다.`,
    en: `There is no Endpoints object named like Service \`${svc}\`. Endpoints ${others.map((o) => `\`${o}\``).join(', ')} exist(s), but an Endpoints object belongs to the Service of the same name.`,
  }),
  serviceMissingForEndpoints: (ep: string, services: string[]): Localized => ({
    ko: `엔드포인트 ${j(`\`${ep}\``, '과', '와')} 이름이 같은 서비스가 없다.${services.length ? ` 지금 있는 서비스는 ${j(services.map((s) => `\`${s}\``).join(', '), '이다', '다')}.` : ''}`,
    en: `No Service is named \`${ep}\` like the Endpoints object.${services.length ? ` The Services are ${services.map((s) => `\`${s}\``).join(', ')}.` : ''}`,
  }),
  targetPortNotExposed: (svc: string, targetPort: string, podPorts: string[]): Localized => ({
    ko: `\`${svc}\` 서비스의 \`targetPort\` ${j(targetPort, '은', '는')} 파드의 컨테이너 포트(${podPorts.join(', ')})와 다르다.`,
    en: `Service \`${svc}\` has \`targetPort\` ${targetPort}, but the pods' containers expose ${podPorts.join(', ')}.`,
  }),
  endpointsPortNames: (svc: string, svcNames: string[], epNames: string[]): Localized => ({
    ko: `\`${svc}\` 서비스의 포트 이름(${svcNames.map((n) => n || '(없음)').join(', ')})과 엔드포인트의 포트 이름(${epNames.map((n) => n || '(없음)').join(', ')})이 다르다. 셀렉터가 없는 서비스는 포트 이름으로 엔드포인트의 포트를 찾는다.`,
    en: `Service \`${svc}\` has port names ${svcNames.map((n) => n || '(none)').join(', ')} but its Endpoints has ${epNames.map((n) => n || '(none)').join(', ')}. A Service without a selector finds its Endpoints' port by name.`,
  }),
  serviceType: (svc: string, type: string): Localized => ({
    ko: `\`${svc}\` 서비스의 타입은 ${j(`\`${type}\``, '이다', '다')}.`,
    en: `Service \`${svc}\` is of type \`${type}\`.`,
  }),
  serviceHasSelector: (svc: string, selector: string): Localized => ({
    ko: `\`${svc}\` 서비스에 셀렉터 ${j(`\`${selector}\``, '이', '가')} 있으므로 엔드포인트 컨트롤러가 엔드포인트를 관리한다. 직접 만든 엔드포인트는 컨트롤러가 덮어쓴다.`,
    en: `Service \`${svc}\` has the selector \`${selector}\`, so the endpoints controller manages its Endpoints and overwrites hand-made ones.`,
  }),
};
