/**
 * The interface's strings in Korean and English. Korean follows the Korean Kubernetes docs'
 * terms (/work/shared/reference/korean-style.md): 해요체 only for short UI strings (buttons,
 * notices), 평어체 for explanations. kubectl output is never translated.
 */
export type Lang = 'en' | 'ko';

const en = {
  title: 'KubeLab',
  tagline: 'Kubernetes Services in your browser',
  lesson: 'Lesson',
  terminal: 'Terminal',
  editor: 'Editor',
  map: 'Cluster map',
  language: 'Language',
  theme: 'Theme',
  themeAuto: 'System',
  themeLight: 'Light',
  themeDark: 'Dark',
  screenReader: 'Screen reader mode',
  resetStep: 'Reset step',
  resetLesson: 'Reset lesson',
  resetAll: 'Reset everything',
  reset: 'Reset',
  exportProgress: 'Export progress',
  importProgress: 'Import progress',
  progressCode: 'Progress code',
  copy: 'Copy',
  copied: 'Copied',
  restore: 'Restore',
  close: 'Close',
  memoryOnly: 'Storage is blocked here, so progress is kept in memory only. Use “Export progress” to take it elsewhere.',
  corrupt: 'Saved progress could not be read, so the lab started fresh.',
  importFailed: 'That code could not be read.',
  restored: 'Progress restored.',
  apply: 'Apply',
  applyTitle: 'Run kubectl apply -f with this file in the terminal',
  newFile: 'New file',
  rename: 'Rename',
  delete: 'Delete',
  fileName: 'File name',
  noFiles: 'No files yet. Create one, or write one in the terminal: cat > svc.yaml',
  loadingEditor: 'Loading the editor…',
  save: 'Save',
  editing: 'kubectl edit is waiting: save (Ctrl+S) to apply, or close to cancel.',
  cancel: 'Cancel',
  lessonPlaceholder: 'Lessons are on their way. Meanwhile, explore: type help in the terminal.',
  clickToType: 'Click to start typing',
  resize: 'Resize panes',
  panes: 'Panes',
  openInTab: 'Open in a new tab',
  step: 'Step',
  settings: 'Settings',
  confirmReset: 'Really reset? This cannot be undone.',
  yes: 'Yes',
  no: 'No',
};

export type Messages = typeof en;

const ko: Messages = {
  title: 'KubeLab',
  tagline: '브라우저에서 배우는 쿠버네티스 서비스',
  lesson: '레슨',
  terminal: '터미널',
  editor: '편집기',
  map: '클러스터 맵',
  language: '언어',
  theme: '테마',
  themeAuto: '시스템',
  themeLight: '밝게',
  themeDark: '어둡게',
  screenReader: '스크린 리더 모드',
  resetStep: '단계 초기화',
  resetLesson: '레슨 초기화',
  resetAll: '전체 초기화',
  reset: '초기화',
  exportProgress: '진행 상황 내보내기',
  importProgress: '진행 상황 가져오기',
  progressCode: '진행 코드',
  copy: '복사',
  copied: '복사했어요',
  restore: '복원',
  close: '닫기',
  memoryOnly: '여기서는 저장소를 쓸 수 없어 진행 상황이 메모리에만 남아요. 다른 곳에서 이어 하려면 “진행 상황 내보내기”를 사용하세요.',
  corrupt: '저장된 진행 상황을 읽을 수 없어 처음부터 시작했어요.',
  importFailed: '이 코드를 읽을 수 없어요.',
  restored: '진행 상황을 복원했어요.',
  apply: '적용',
  applyTitle: '이 파일로 터미널에서 kubectl apply -f를 실행해요',
  newFile: '새 파일',
  rename: '이름 바꾸기',
  delete: '삭제',
  fileName: '파일 이름',
  noFiles: '아직 파일이 없어요. 새로 만들거나 터미널에서 작성해 보세요: cat > svc.yaml',
  loadingEditor: '편집기를 불러오는 중…',
  save: '저장',
  editing: 'kubectl edit이 기다리고 있어요. 저장(Ctrl+S)하면 적용되고, 닫으면 취소돼요.',
  cancel: '취소',
  lessonPlaceholder: '레슨을 준비하고 있어요. 그동안 터미널에 help를 입력해 둘러보세요.',
  clickToType: '클릭해서 입력을 시작하세요',
  resize: '창 크기 조절',
  panes: '창',
  openInTab: '새 탭에서 열기',
  step: '단계',
  settings: '설정',
  confirmReset: '정말 초기화할까요? 되돌릴 수 없어요.',
  yes: '예',
  no: '아니요',
};

export const MESSAGES: Record<Lang, Messages> = { en, ko };

/** The interface language from the browser's preferences: Korean if Korean comes first. */
export function detectLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'ko') return 'ko';
    if (base === 'en') return 'en';
  }
  return 'en';
}
