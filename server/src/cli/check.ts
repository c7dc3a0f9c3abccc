// The checking part of a run: every input read, validated and, with --fix or --diff, fixed.
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../service/languageService';
import { UwsgiDocument } from '../service/uwsgiDocument';
import { FixLevel } from '../service/fixAll';
import { unifiedDiff } from './diff';
import { describeError, expandInput, inputText, isUtf8, MAX_INPUT_BYTES, readInput, writeOutputFile } from './inputs';
import { CliIo } from './io';
import { CliSettings } from './projectSettings';
import { LintResult, visible } from './result';
import { fileUri } from './sarif';

export interface CheckOptions {
  readonly fix: FixLevel | undefined;
  readonly diff: boolean;
}

/** What the inputs gave, in the order they were named. */
export class Checked {
  readonly results: LintResult[] = [];
  /** --diff: the unified diff of every file that would change. */
  diffs = '';
  /** --fix of standard input: the text to write to stdout. */
  fixedText: string | undefined;
  /** An input could not be read or checked (status 2). */
  inputProblem = false;

  constructor(
    private readonly service: LanguageService,
    private readonly settings: CliSettings,
    private readonly options: CheckOptions,
    private readonly say: (line: string) => void,
  ) {}

  /** Checks every input: `-` is standard input, other names files, directories or globs. */
  async checkInputs(inputs: readonly string[], io: CliIo): Promise<this> {
    for (const input of inputs) {
      if (input === '-') {
        try {
          this.check('-', await io.readStdin(MAX_INPUT_BYTES), 'untitled:stdin');
        } catch (error) {
          this.problem('standard input', error);
        }
        continue;
      }
      let files: string[];
      try {
        files = expandInput(input, io.cwd, (file) => this.settings.sectionOf(file), (name, reason) => this.problem(name, new Error(reason)));
      } catch (error) {
        this.problem(input, error);
        continue;
      }
      for (const file of files) this.checkFile(file, path.resolve(io.cwd, file));
    }
    if (this.settings.reportProblems(this.say)) this.inputProblem = true;
    return this;
  }

  private checkFile(file: string, absolute: string): void {
    try {
      const bytes = readInput(absolute);
      if (this.settings.isExcluded(absolute)) return;
      this.check(file, bytes, fileUri(absolute), (text) => writeOutputFile(absolute, text));
    } catch (error) {
      this.problem(file, error);
    }
  }

  private problem(subject: string, error: unknown): void {
    this.say(`${subject}: ${describeError(error)}`);
    this.inputProblem = true;
  }

  /** One input; `write` puts a fixed file back (standard input has none: its fixed text is the output). */
  private check(file: string, content: string | Buffer, uri: string, write?: (text: string) => void): void {
    const text = inputText(content);
    const parsed = this.service.parse(TextDocument.create(uri, 'uwsgi-ini', 1, text));
    if (this.options.fix === undefined) {
      this.results.push({ file, text, diagnostics: this.service.doValidation(parsed), fixed: 0 });
      return;
    }
    // Bytes that are not UTF-8 would be written back as U+FFFD: such a file is checked, never fixed.
    this.fix(file, text, parsed, this.options.fix, isUtf8(typeof content === 'string' ? Buffer.from(content) : content), write);
  }

  private fix(file: string, text: string, parsed: UwsgiDocument, level: FixLevel, utf8: boolean, write?: (text: string) => void): void {
    const { service, options } = this;
    const result = service.fixAll(parsed, level);
    if (result.text === text || !utf8) {
      if (result.text !== text) {
        this.say(`${file}: not valid UTF-8, not fixed`);
        // Standard input would come back changed, or not at all: a failure, said as one.
        if (!write && !options.diff) this.inputProblem = true;
      } else if (!write && !options.diff) {
        // Fixed standard input is the output even when nothing needed fixing.
        this.fixedText = text;
      }
      this.results.push({ file, text, diagnostics: result.text === text && result.diagnostics ? result.diagnostics : service.doValidation(parsed), fixed: 0 });
      return;
    }
    if (!result.converged) this.say(`${file}: fixes did not settle after ${result.rounds} rounds; the file is written as the last round left it`);
    const fixed = result.applied.length;
    if (options.diff) {
      // The diff is the whole output: the findings are not reported.
      this.diffs += unifiedDiff(text, result.text, file, visible);
      this.results.push({ file, text, diagnostics: [], fixed });
      return;
    }
    if (write) write(result.text);
    else this.fixedText = result.text;
    const diagnostics = result.diagnostics ?? service.doValidation(service.parse(TextDocument.create(parsed.textDocument.uri, 'uwsgi-ini', 2, result.text)));
    this.results.push({ file, text: result.text, diagnostics, fixed });
  }
}
