// In-process cases: parse, analyse, validate (each and together) against the `ini` package, the
// scaling from 10,000 to 100,000 lines, and completion/hover latency through the facade.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as ini from 'ini';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseIni } from '../../server/out/parser/parser';
import { DocumentModel } from '../../server/out/analysis/model';
import { getLanguageService, LanguageService } from '../../server/out/service/languageService';
import { UwsgiDocument } from '../../server/out/service/uwsgiDocument';
import { generateIni, seededRandom } from './generate';
import { sample, SampleOptions, summarise, Summary } from './stats';

export interface Input {
  readonly name: string;
  /** One text for a generated file, many for the corpus (timed as one batch). */
  readonly texts: readonly string[];
  readonly bytes: number;
  readonly lines: number;
}

export interface CaseResult extends Summary {
  readonly case: string;
  readonly input: string;
  /** MB/s of the median, for throughput cases. */
  readonly mbPerSecond?: number;
  readonly note?: string;
}

export function generatedInput(lines: number): Input {
  const text = generateIni(lines, { seed: 42 });
  return { name: `${lines.toLocaleString('en')} lines`, texts: [text], bytes: Buffer.byteLength(text), lines };
}

export function corpusInput(directory: string): Input | undefined {
  if (!fs.existsSync(directory)) return undefined;
  const files = fs.readdirSync(directory).filter((f) => f.endsWith('.ini')).sort();
  const texts = files.map((f) => fs.readFileSync(path.join(directory, f), 'utf8'));
  return {
    name: `corpus (${files.length} files)`,
    texts,
    bytes: texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0),
    lines: texts.reduce((sum, t) => sum + t.split('\n').length, 0),
  };
}

function documentsOf(input: Input): TextDocument[] {
  return input.texts.map((text, i) => TextDocument.create(`file:///bench/${i}/uwsgi.ini`, 'uwsgi-ini', 1, text));
}

function result(name: string, input: Input, samples: number[], throughput: boolean): CaseResult {
  const summary = summarise(samples);
  const mbPerSecond = throughput ? input.bytes / 1e6 / (summary.median / 1000) : undefined;
  return { case: name, input: input.name, ...summary, ...(mbPerSecond !== undefined ? { mbPerSecond } : {}) };
}

/** Sample counts sized so the whole suite stays well under its time limit. */
function optionsFor(input: Input): SampleOptions {
  if (input.bytes > 1_000_000) return { warmup: 2, minRuns: 8, maxRuns: 40, minTimeMs: 2500 };
  return { warmup: 5, minRuns: 20, maxRuns: 400, minTimeMs: 1200 };
}

/** Case 1, 2 and the pieces of 8: each stage alone, the whole pipeline, and `ini`'s parse. */
export function pipelineCases(input: Input, service: LanguageService): CaseResult[] {
  const options = optionsFor(input);
  const documents = documentsOf(input);
  const section = service.settings.section;
  const results: CaseResult[] = [];

  results.push(result('parse', input, sample(() => input.texts, (texts) => {
    for (const text of texts) parseIni(text);
  }, options), true));

  results.push(result('analyse', input, sample(() => input.texts.map(parseIni), (asts) => {
    for (const ast of asts) new DocumentModel(ast, { section });
  }, options), true));

  // Validation alone: the document is parsed and its model built beforehand, as the server's
  // cache holds them when a request comes in.
  results.push(result('validate', input, sample(() => documents.map((d) => {
    const parsed = new UwsgiDocument(d);
    parsed.model(section);
    return parsed;
  }), (parsed) => {
    for (const document of parsed) service.doValidation(document);
  }, options), true));

  // What the server does per version: snapshot + parse, model, every rule.
  results.push(result('parse+analyse+validate', input, sample(() => documents, (docs) => {
    for (const document of docs) service.doValidation(service.parse(document));
  }, options), true));

  results.push(result('ini.parse (npm ini@5)', input, sample(() => input.texts, (texts) => {
    for (const text of texts) ini.parse(text);
  }, options), true));
  return results;
}

interface Position { line: number; character: number }
type PositionalCall = (document: UwsgiDocument, position: Position) => unknown;

/**
 * Case 3: completion and hover at seeded random positions of one parsed document (parsed once, as
 * the server caches it). Undefined when the facade has no such call yet.
 */
export function positionalCase(name: 'completion' | 'hover', input: Input, service: LanguageService, positions = 1000): CaseResult | undefined {
  const call = (service as unknown as Record<string, PositionalCall | undefined>)[name === 'completion' ? 'doComplete' : 'doHover'];
  if (typeof call !== 'function') return undefined;
  const text = input.texts[0]!;
  const document = service.parse(TextDocument.create('file:///bench/positions/uwsgi.ini', 'uwsgi-ini', 1, text));
  const lines = text.split('\n');
  const random = seededRandom(7);
  const points: Position[] = [];
  for (let i = 0; i < positions; i++) {
    const line = Math.floor(random() * (lines.length - 1));
    const length = lines[line]!.length;
    points.push({ line, character: Math.floor(random() * (length + 1)) });
  }
  // Warm the JIT (and any lazily built per-document index) on other positions first.
  for (let i = 0; i < 200; i++) call.call(service, document, points[(i * 7) % points.length]!);
  const samples: number[] = [];
  for (const point of points) {
    const t0 = performance.now();
    call.call(service, document, point);
    samples.push(performance.now() - t0);
  }
  return { case: name, input: input.name, ...summarise(samples) };
}

export function defaultService(): LanguageService {
  return getLanguageService({ validation: { delayMs: 0 } });
}
