/**
 * kubectl's Go template printer (-o go-template=, -o go-template-file=, -o template=, --template):
 * a text/template engine written for templates over JSON objects, with kubectl's functions.
 *
 *   lexer.ts   tokens (text, delimiters with trim markers, comments, action tokens)
 *   parser.ts  the parse tree; parse errors with Go's messages
 *   exec.ts    running the tree: dot, variables, pipelines, control structures, field access
 *   funcs.ts   the builtin functions and kubectl's exists and base64decode
 *   fmt.ts     Go's fmt (print, printf verbs) for template values
 *   values.ts  the values: JSON (int64 and float64 numbers), template constants, "no value"
 *
 * Written from the behaviour of Go's text/template and of the real kubectl v1.33, not translated
 * from their source.
 */
import { execute, GoTemplateExecError } from './exec.ts';
import { FUNCTION_NAMES } from './funcs.ts';
import { GoTemplateParseError, parseTemplate, type Parsed } from './parser.ts';
import type { Value } from './values.ts';

export { GoTemplateExecError, GoTemplateParseError };

export class GoTemplate {
  private constructor(
    readonly text: string,
    private readonly parsed: Parsed,
  ) {}

  /** Parse as kubectl does (template name "output"); throws GoTemplateParseError. */
  static parse(text: string): GoTemplate {
    return new GoTemplate(text, parseTemplate(text, FUNCTION_NAMES));
  }

  /**
   * Execute over a JSON value. Returns what was written, and the error if execution stopped
   * (kubectl prints the partial output before its error report).
   */
  execute(data: unknown, options: { allowMissingKeys: boolean }): { output: string; error?: GoTemplateExecError } {
    return execute(this.text, this.parsed, data as Value, { missingKeyError: !options.allowMissingKeys });
  }
}
