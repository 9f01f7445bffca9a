/**
 * The cluster map in words: the same picture as the diagram, for screen readers and for anyone
 * who prefers text. Korean follows the Korean Kubernetes docs' terms (korean-style.md).
 */
import type { MapModel, Manager } from './model.ts';

export type Lang = 'ko' | 'en';

const MANAGER_TEXT: Record<Lang, Record<Manager, string>> = {
  en: {
    controller: 'kept up to date by the controller from the selector',
    mirroring: 'mirrored from hand-made Endpoints',
    'hand-made': 'written by hand',
    stale: 'no longer updated (the selector was removed)',
    apiserver: 'kept by the API server: its own address',
  },
  ko: {
    controller: '컨트롤러가 셀렉터에 따라 갱신한다',
    mirroring: '직접 만든 엔드포인트(Endpoints)를 미러링한 것이다',
    'hand-made': '직접 작성한 것이다',
    stale: '셀렉터가 제거되어 더 이상 갱신되지 않는다',
    apiserver: 'API 서버가 자기 주소로 관리한다',
  },
};

export function describeMap(m: MapModel, lang: Lang): string[] {
  const lines: string[] = [];
  const podsOf = (names: string[]) => names.map((n) => m.pods.find((p) => p.name === n)).filter((p) => p !== undefined);
  for (const s of m.services) {
    if (s.externalName !== undefined) {
      lines.push(
        lang === 'ko'
          ? `서비스 ${s.name}: ExternalName 타입이다. 클러스터 DNS가 ${s.externalName}(으)로 가는 CNAME 레코드를 돌려준다. 클러스터 IP도 엔드포인트도 없고 kube-proxy를 거치지 않는다.`
          : `Service ${s.name}: type ExternalName. Cluster DNS answers with a CNAME to ${s.externalName}. No cluster IP, no endpoints, no kube-proxy.`,
      );
      continue;
    }
    const ip = s.clusterIP === 'None' ? (lang === 'ko' ? '헤드리스' : 'headless') : s.clusterIP;
    const sel = s.selector || (lang === 'ko' ? '셀렉터 없음' : 'no selector');
    lines.push(lang === 'ko' ? `서비스 ${s.name}: ${s.type} ${ip}, 포트 ${s.ports}, ${sel}.` : `Service ${s.name}: ${s.type} ${ip}, ports ${s.ports}, ${sel}.`);
    for (const sl of m.slices.filter((x) => x.service === s.name)) {
      const targets = sl.endpoints.map((e) => {
        const where = e.pod ? `${lang === 'ko' ? '파드' : 'pod'} ${e.pod} ${e.address}` : e.address;
        return e.ready ? where : `${where} (${lang === 'ko' ? '준비되지 않음' : 'not ready'})`;
      });
      lines.push(
        lang === 'ko'
          ? `  엔드포인트슬라이스 ${sl.name}(${MANAGER_TEXT.ko[sl.manager]}): ${targets.join(', ') || '비어 있음'}.`
          : `  EndpointSlice ${sl.name} (${MANAGER_TEXT.en[sl.manager]}): ${targets.join(', ') || 'empty'}.`,
      );
    }
    const ep = m.endpoints.find((e) => e.name === s.name);
    if (ep) {
      const all = [...ep.ready, ...ep.notReady.map((a) => `${a} (${lang === 'ko' ? '준비되지 않음' : 'not ready'})`)];
      lines.push(
        lang === 'ko'
          ? `  엔드포인트(Endpoints) ${ep.name}(${MANAGER_TEXT.ko[ep.manager]}): ${all.join(', ') || '비어 있음'}.`
          : `  Endpoints ${ep.name} (${MANAGER_TEXT.en[ep.manager]}): ${all.join(', ') || 'empty'}.`,
      );
    } else if (!s.selector) {
      lines.push(lang === 'ko' ? `  같은 이름의 엔드포인트(Endpoints)가 없어서 연결할 대상이 없다.` : `  No Endpoints of the same name: connections have nowhere to go.`);
    }
    const matched = podsOf(m.matches[s.name] ?? []);
    if (s.selector && matched.length === 0) {
      lines.push(lang === 'ko' ? `  셀렉터 ${s.selector}와 일치하는 파드가 없다.` : `  The selector ${s.selector} matches no pod.`);
    }
  }
  for (const mm of m.mismatches) {
    lines.push(
      lang === 'ko'
        ? `파드 ${mm.pod}는 서비스 ${mm.service}의 대상이 아니다: 레이블 ${mm.labels || '없음'}, 셀렉터 ${mm.selector}.`
        : `Pod ${mm.pod} is not behind ${mm.service}: labels ${mm.labels || 'none'}, selector ${mm.selector}.`,
    );
  }
  for (const node of m.nodes) {
    const pods = m.pods.filter((p) => p.node === node).map((p) => `${p.name} ${p.ip}${p.ready ? '' : lang === 'ko' ? ' (준비되지 않음)' : ' (not ready)'}`);
    lines.push(lang === 'ko' ? `노드 ${node}: ${pods.join(', ')}.` : `Node ${node}: ${pods.join(', ')}.`);
  }
  return lines;
}
