/**
 * The lesson format (what lesson.yaml holds, after loading) and what the engine reports.
 * lessons/README.md documents the format for authors; lessons/lesson.schema.json is its JSON
 * Schema. Lessons are data only: nothing in them runs as code.
 */

/** The languages every text must exist in. Korean first: the study group reads Korean. */
export const LANGUAGES = ['ko', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** A text in every language. */
export type Localized = Record<Lang, string>;

/** The course index (lessons/course.json): loaded eagerly, small. */
export interface CourseIndex {
  id: string;
  title: Localized;
  lessons: { id: string; title: Localized }[];
}

/** A whole lesson, texts included, as the loader returns it. */
export interface Lesson {
  id: string;
  title: Localized;
  /** Seed of the lesson's cluster: the same seed gives the same names and IPs every time. */
  seed: number;
  setup: LessonSetup;
  steps: Step[];
}

/** The cluster and files a lesson starts from. */
export interface LessonSetup {
  /** Manifests created in order before the learner arrives (YAML text, may hold several documents). */
  manifests: { path: string; text: string }[];
  /** Simulated seconds that pass after the manifests are created (pods pulling, becoming Ready). */
  settleSeconds: number;
  /** Files in the learner's home, for the editor and `kubectl apply -f` (path relative to home). */
  files: Record<string, string>;
  /** Hosts outside the cluster besides the built-in ones (11.11.11.11, 22.22.22.22, someapi.somecompany.com). */
  outside: OutsideHost[];
}

/** A host outside the cluster: its public DNS names resolve to `ips`, its `ports` answer HTTP. */
export interface OutsideHost {
  names: string[];
  ips: string[];
  /** Default [80]. */
  ports?: number[];
  /** The HTTP reply's body; default `Hello from <ip>`. */
  body?: string;
}

export interface Step {
  id: string;
  title: Localized;
  /** Markdown, per language. */
  text: Localized;
  /** A file (relative to home) the editor opens when the step starts. */
  file?: string;
  checks: Check[];
  /** Shown one at a time, in order. A challenge step has none. */
  hints: Localized[];
  /** What "show me" types: commands for the terminal and contents for the editor, in order. */
  solution: SolutionAction[];
  /** A short explanation shown once the step is done (Markdown). */
  explain: Localized;
}

export type SolutionAction =
  /** Type this into the terminal; `exitCode` when the command is meant to fail (default 0). */
  | { run: string; exitCode?: number }
  /** Put this content into the file (relative to home) in the editor, then save it. */
  | { write: string; content: string };

// ---------------------------------------------------------------------------------------------
// Checks: declarative, evaluated after each command, file change and cluster change.

export type Check = ObjectCheck | RanCheck | FileCheck;

interface CheckBase {
  /** Replaces the generated failure message (the diagnostics still follow it). */
  message?: Localized;
}

/** Cluster state: one object, or the objects matching a label selector. */
export interface ObjectCheck extends CheckBase {
  object: {
    /** As kubectl accepts it: `svc`, `endpoints`, `endpointslices.discovery.k8s.io`, `pods`. */
    resource: string;
    namespace?: string;
    name?: string;
    /** A label selector (`app=kubia,tier!=db`) choosing the objects. */
    selector?: string;
    /** true (default): the object exists and meets `where`; false: it does not exist. */
    exists?: boolean;
    /** How many objects (with `selector`, or none) must match `where`. */
    count?: number | Comparison;
    where?: Condition[];
  };
}

/** What the learner ran: a command in the shell history since the step started. */
export interface RanCheck extends CheckBase {
  ran: {
    /** The program: `kubectl` (default). */
    command?: string;
    /** kubectl's verb: `get`, `describe`, `exec`... */
    verb?: string;
    /** The resource type as any spelling kubectl accepts (`svc` = `services`). */
    resource?: string;
    /** The object name (also `svc/kubia`-style arguments). */
    name?: string;
    /** For `kubectl exec POD -- PROGRAM ARGS`: the program run in the container. */
    exec?: string;
    /** A regular expression the whole command line must match. */
    matches?: string;
    /** Required exit code; default 0. */
    exitCode?: number;
    /** How many distinct such commands (default 1). */
    times?: number;
  };
}

/** An editor file, parsed as YAML: any valid way to write it passes. */
export interface FileCheck extends CheckBase {
  file: {
    path: string;
    /** Which document of a multi-document file: the first whose `kind` equals this. */
    kind?: string;
    where?: Condition[];
  };
}

/**
 * A condition on a path of an object. Paths are dotted (`spec.type`), with `[N]` indices,
 * `[*]` for every element and `['a.b/c']` for keys with dots (`metadata.labels['app']`).
 */
export interface Condition {
  path: string;
  equals?: unknown;
  notEquals?: unknown;
  /** A regular expression every value reached must match. */
  matches?: string;
  /** The path reaches something (true) or nothing (false). */
  exists?: boolean;
  /** How many values the path reaches; an array at the end counts its elements. */
  length?: number | Comparison;
  /** Some value reached equals this. */
  includes?: unknown;
}

export interface Comparison {
  min?: number;
  max?: number;
}

// ---------------------------------------------------------------------------------------------
// What evaluation reports.

export interface CheckResult {
  check: Check;
  passed: boolean;
  /** Why it failed, in each language: what was expected, what was found, and the likely cause. */
  message?: Localized;
  /** For file checks: where to put the editor's marker. */
  marker?: { path: string; line: number };
}

export interface StepReport {
  stepIndex: number;
  passed: boolean;
  results: CheckResult[];
}

export type StepStatus = 'pending' | 'current' | 'done' | 'skipped';
