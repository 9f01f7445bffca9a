/**
 * The lesson panel's own strings (code block buttons, the course overview, the sandbox), in
 * Korean and English. Short UI strings in 해요체, as the rest of the interface
 * (/work/shared/reference/korean-style.md §2).
 */
import type { Lang } from '../i18n.ts';

const en = {
  run: 'Run',
  runLabel: 'Run in the terminal',
  type: 'Type',
  typeLabel: 'Type into the terminal: replace the capitalised placeholder, then press Enter',
  copy: 'Copy',
  copyLabel: 'Copy to the clipboard',
  copied: 'Copied',
  selected: 'Selected: press Ctrl+C',
  openInEditor: 'Open in editor',
  openInEditorLabel: 'Open as a file in the editor',
  codeBlock: 'Code',
  hint: 'Hint',
  showMe: 'Show me',
  skip: 'Skip',
  back: 'Back',
  finished: 'You finished this lesson.',
  stepDone: 'Step done',
  course: 'Course',
  courseLabel: 'Course overview: all lessons and your progress',
  lessons: 'Lessons',
  notStarted: 'Not started',
  stepsDone: (done: number, total: number | undefined) => (total === undefined ? `${done} steps done` : `${done}/${total} steps done`),
  atStep: (n: number, title: string) => `Now at step ${n}: ${title}`,
  complete: 'Complete',
  start: 'Start',
  resume: 'Resume',
  review: 'Review',
  sandbox: 'Sandbox',
  sandboxOf: (title: string) => `Sandbox: ${title}`,
  sandboxLabel: (title: string) => `Sandbox with the cluster of “${title}”, no steps`,
  sandboxIntro: 'The lesson’s cluster with no steps and no checks: try anything. Your lesson progress is kept apart.',
  nextLesson: 'Next lesson',
  current: 'current',
  createFile: (path: string) => `Create ${path} in the editor`,
};

export type LessonStrings = typeof en;

const ko: LessonStrings = {
  run: '실행',
  runLabel: '터미널에서 실행',
  type: '입력',
  typeLabel: '터미널에 입력만 해요. 파드이름처럼 바꿀 부분을 고친 다음 Enter를 누르세요',
  copy: '복사',
  copyLabel: '클립보드에 복사',
  copied: '복사했어요',
  selected: '선택했어요. Ctrl+C를 누르세요',
  openInEditor: '편집기에서 열기',
  openInEditorLabel: '편집기에서 파일로 열기',
  codeBlock: '코드',
  hint: '힌트',
  showMe: '대신 해 주세요',
  skip: '건너뛰기',
  back: '이전 단계',
  finished: '이 레슨을 모두 마쳤어요.',
  stepDone: '단계 완료',
  course: '코스',
  courseLabel: '코스 개요: 모든 레슨과 진행 상황',
  lessons: '레슨',
  notStarted: '시작 전',
  stepsDone: (done, total) => (total === undefined ? `${done}단계 완료` : `${total}단계 중 ${done}단계 완료`),
  atStep: (n, title) => `지금 ${n}단계: ${title}`,
  complete: '완료',
  start: '시작하기',
  resume: '이어 하기',
  review: '다시 보기',
  sandbox: '샌드박스',
  sandboxOf: (title) => `샌드박스: ${title}`,
  sandboxLabel: (title) => `“${title}” 레슨의 클러스터로 단계 없이 실습하는 샌드박스`,
  sandboxIntro: '이 레슨의 클러스터를 단계도 확인도 없이 마음껏 써 보는 곳이에요. 레슨 진행 상황은 따로 남아요.',
  nextLesson: '다음 레슨',
  current: '진행 중',
  createFile: (path) => `편집기에서 ${path} 만들기`,
};

export const LESSON_STRINGS: Record<Lang, LessonStrings> = { en, ko };
