// The oracle suite: every fixture goes through the real uWSGI 2.0.21 and through our linter, and
// the two must agree. See README.md next to this file for what is compared and why it is safe.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service/languageService';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { pathToUri } from '../../server/src/analysis/fileSystem';
import { UwsgiDocument } from '../../server/src/service/uwsgiDocument';
import { LineKind } from '../../server/src/parser/ast';
import { parseHookKey } from '../../server/src/registry/registry';
import {
  FIXTURES_DIR, Fixture, OracleResult, defaultBuildPlugins, loadFixtures, optionsWeKnow, runOracle, sandboxed, unsafeReason, uwsgiVersion,
} from './oracle';

/** Rules that say "uWSGI does not know this key". */
const UNKNOWN_KEY_RULES = new Set(['unknown-option', 'unknown-hook-phase']);
const SEVERITY_OF: Record<string, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};
/**
 * Rules about hook values: uWSGI checks a hook only when its phase runs, and the oracle stops at
 * asap, so for later phases their errors can be neither confirmed nor refuted.
 */
const HOOK_VALUE_RULES = new Set(['unknown-hook-action', 'malformed-hook']);
const ORACLE_PHASE = 'asap';

interface Linted {
  document: UwsgiDocument;
  diagnostics: Diagnostic[];
}

interface Row {
  fixture: string;
  uwsgi: string;
  unknown: number;
  errors: number;
  unknownFlags: number;
  agree: boolean;
  notes: string[];
}

function lint(fixture: Fixture, strict: boolean): Linted {
  // The fixture's real location and file access, so includes and @(file) are checked as in the CLI.
  const service = getLanguageService({ plugins: fixture.claims.plugins, strict }, { fileSystem: nodeFileSystem });
  const uri = pathToUri(path.join(FIXTURES_DIR, fixture.file));
  const document = service.parse(TextDocument.create(uri, 'uwsgi-ini', 1, fixture.text));
  return { document, diagnostics: service.doValidation(document) };
}

/**
 * Whether a diagnostic sits inside an `if-*` block. Such lines depend on the environment uWSGI
 * starts in (a false condition swallows them unread), so the oracle's one run can neither confirm
 * nor refute what we say about them when uWSGI accepted the file.
 */
function inConditionalBlock(linted: Linted, diagnostic: Diagnostic): boolean {
  const line = linted.document.lineAt(linted.document.offsetAt(diagnostic.range.start));
  if (line?.kind !== LineKind.Entry) return false;
  return linted.document.ast.blocks.some((block) => block.kind === 'if' && block.body.includes(line));
}

/** The key of the entry a diagnostic sits on, or undefined when it is not on an entry line. */
function keyOf(linted: Linted, diagnostic: Diagnostic): string | undefined {
  const line = linted.document.lineAt(linted.document.offsetAt(diagnostic.range.start));
  return line?.kind === LineKind.Entry ? line.key : undefined;
}

/**
 * The key an unknown-key diagnostic refuses: the entry's key, or the name inside the value for
 * `set = name=value`, which adds `name` as a key of its own.
 */
function refusedKeyOf(linted: Linted, diagnostic: Diagnostic): string | undefined {
  const start = linted.document.offsetAt(diagnostic.range.start);
  const line = linted.document.lineAt(start);
  if (line?.kind !== LineKind.Entry) return undefined;
  if (start >= line.valueSpan.start && line.valueSpan.end > line.valueSpan.start) {
    return linted.document.text.slice(start, linted.document.offsetAt(diagnostic.range.end));
  }
  return line.key;
}

function lineText(linted: Linted, diagnostic: Diagnostic): string {
  const line = linted.document.lineAt(linted.document.offsetAt(diagnostic.range.start));
  return line ? linted.document.text.slice(line.start, line.end) : '';
}

function show(diagnostics: Diagnostic[], linted: Linted): string {
  return diagnostics.map((d) => `  ${d.code} @${d.range.start.line + 1}: ${lineText(linted, d).trim()} — ${d.message}`).join('\n') || '  (none)';
}

describe('oracle: our linter agrees with the real uWSGI 2.0.21', function () {
  this.timeout(120_000);
  const fixtures = loadFixtures();
  const rows: Row[] = [];
  let scratch = '';
  let results = new Map<string, OracleResult>();
  /** Options our registry knows that this binary does not: the oracle cannot judge them. */
  let blind = new Set<string>();
  let missingPlugins: string[] = [];
  let ruleIds = new Set<string>();

  before(async function () {
    const version = uwsgiVersion();
    if (!version) {
      throw new Error('uWSGI is not installed: run `sh test/oracle/setup.sh` (apt-get install -y uwsgi-core uwsgi-plugin-python3) first.');
    }
    const unsafe = fixtures.map((f) => [f.file, unsafeReason(f.text)] as const).filter(([, reason]) => reason);
    if (unsafe.length > 0) throw new Error(`unsafe fixtures, refusing to run any:\n${unsafe.map(([file, why]) => `  ${file}: ${why}`).join('\n')}`);
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'uwsgi-oracle-'));
    fs.cpSync(FIXTURES_DIR, scratch, { recursive: true });
    const plugins = defaultBuildPlugins();
    missingPlugins = plugins.missing;
    const fixturePlugins = [...new Set(fixtures.flatMap((f) => f.claims.plugins))];
    const dumped = new Set(
      sandboxed(scratch, ['uwsgi', '--plugin', [...plugins.loadable, ...fixturePlugins].join(','), '--dump-options'])
        .split('\n')
        .map((line) => line.replace(/^--/, '').trim())
        .filter(Boolean),
    );
    blind = new Set([...optionsWeKnow(fixturePlugins)].filter((name) => !dumped.has(name)));
    ruleIds = new Set(getLanguageService().rules.map((rule) => rule.id));
    results = await runOracle(fixtures, scratch, plugins.loadable);
  });

  after(function () {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    printSummary(rows, blind, missingPlugins);
  });

  it(`has at least 80 fixtures (${fixtures.length})`, function () {
    assert.ok(fixtures.length >= 80, `only ${fixtures.length} fixtures`);
  });

  for (const fixture of fixtures) {
    it(fixture.name, function () {
      const oracle = results.get(fixture.name);
      assert.ok(oracle, 'uWSGI did not run on this fixture');
      const asConfigured = lint(fixture, false);
      const asStrict = lint(fixture, true);
      const failures: string[] = [];
      const notes: string[] = [];
      const rejected = new Set(oracle.unknown);
      const usedPlaceholders = new Set(asConfigured.document.model('uwsgi').uses.map((use) => use.name));
      // What we say strict mode refuses: errors of the unknown-key rules (a file's `strict = false`
      // turns them back into warnings, as it turns uWSGI's --strict off).
      const unknownFlags = asStrict.diagnostics.filter((d) => UNKNOWN_KEY_RULES.has(String(d.code)) && d.severity === DiagnosticSeverity.Error);
      const flaggedKeys = new Set(unknownFlags.map((d) => refusedKeyOf(asStrict, d)));

      // 1. every key strict mode refuses is one we flag as unknown (under --strict, as uWSGI ran)
      for (const key of oracle.unknown) {
        if (usedPlaceholders.has(key)) {
          notes.push(`\`${key}\` used as placeholder`);
          continue;
        }
        if (blind.has(key)) {
          notes.push(`\`${key}\` unknown to this binary only`);
          continue;
        }
        if (!flaggedKeys.has(key)) failures.push(`uWSGI --strict refuses \`${key}\`, we do not flag it as unknown`);
      }
      // 2. every key we flag as unknown is one strict mode refuses
      if (oracle.strictStoppedBy !== undefined) notes.push(`strict scan stopped early: ${oracle.strictStoppedBy}`);
      else {
        for (const diagnostic of unknownFlags) {
          const key = refusedKeyOf(asStrict, diagnostic);
          if (key !== undefined && !rejected.has(key) && inConditionalBlock(asStrict, diagnostic)) {
            notes.push(`\`${key}\` inside an if-* block`);
            continue;
          }
          if (key === undefined || !rejected.has(key)) failures.push(`we flag \`${key}\` (${diagnostic.code}) but uWSGI --strict accepts it`);
        }
      }
      // 3./4. the verdict: uWSGI rejects <=> at least one error from us (as the file configures strict)
      const errors = asConfigured.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
      const judged = errors.filter((d) => {
        if (oracle.verdict === 'accept' && inConditionalBlock(asConfigured, d)) {
          notes.push(`${d.code} error inside an if-* block`);
          return false;
        }
        if (!HOOK_VALUE_RULES.has(String(d.code))) return true;
        const phase = parseHookKey(keyOf(asConfigured, d) ?? '')?.phaseName;
        if (phase === ORACLE_PHASE) return !(oracle.verdict === 'accept' && inConditionalBlock(asConfigured, d));
        notes.push(`${d.code} on \`${keyOf(asConfigured, d)}\`: phase never reached`);
        return false;
      });
      if (oracle.verdict === 'reject' && errors.length === 0) {
        failures.push(`uWSGI rejects the file (${oracle.hooks ?? oracle.messages[0] ?? 'no message'}) but we report no error`);
      }
      if (oracle.verdict === 'accept' && judged.length > 0) failures.push(`uWSGI accepts the file but we report errors:\n${show(judged, asConfigured)}`);

      // the fixture's claims about uWSGI must hold, so it tests what it says it tests
      const wrongClaims: string[] = [];
      if (fixture.claims.uwsgi && fixture.claims.uwsgi !== oracle.verdict) {
        wrongClaims.push(`fixture claims uWSGI would ${fixture.claims.uwsgi}, it did ${oracle.verdict} (${oracle.hooks ?? oracle.messages[0] ?? ''})`);
      }
      if (fixture.claims.unknown) {
        const claimed = [...fixture.claims.unknown].sort().join(' ');
        const actual = [...oracle.unknown].sort().join(' ');
        if (claimed !== actual) wrongClaims.push(`fixture claims strict mode refuses [${claimed}], it refused [${actual}]`);
      }
      // ... and its claims about our rules, for the rules that exist
      for (const [rule, text, severity] of fixture.claims.expect) {
        if (!ruleIds.has(rule)) {
          notes.push(`${rule} not implemented yet`);
          continue;
        }
        const hit = asConfigured.diagnostics.some((d) => d.code === rule && lineText(asConfigured, d).includes(text)
          && (severity === undefined || d.severity === SEVERITY_OF[severity]));
        if (!hit) failures.push(`expected ${rule}${severity ? ` (${severity})` : ''} on a line with \`${text}\`; we report:\n${show(asConfigured.diagnostics, asConfigured)}`);
      }
      for (const rule of fixture.claims.expectNot) {
        const hits = asConfigured.diagnostics.filter((d) => d.code === rule);
        if (hits.length > 0) failures.push(`expected no ${rule}; we report:\n${show(hits, asConfigured)}`);
      }

      rows.push({
        fixture: fixture.name,
        uwsgi: oracle.verdict,
        unknown: oracle.unknown.length,
        errors: errors.length,
        unknownFlags: unknownFlags.length,
        agree: failures.length === 0,
        notes,
      });
      const gap = fixture.claims.knownGap;
      if (gap !== undefined && failures.length > 0) notes.unshift(`KNOWN GAP: ${gap}`);
      if (gap !== undefined && failures.length === 0) {
        wrongClaims.push('the known gap is closed: we now agree with uWSGI, remove the `# oracle-known-gap:` line');
      }
      const fatal = [...wrongClaims, ...(gap === undefined || process.env['ORACLE_NO_KNOWN_GAPS'] ? failures : [])];
      if (fatal.length > 0) {
        assert.fail(`${fixture.file}:\n- ${fatal.join('\n- ')}\nuWSGI said:\n${oracle.raw.trim()}`);
      }
    });
  }
});

function printSummary(rows: Row[], blind: Set<string>, missingPlugins: string[]): void {
  if (rows.length === 0) return;
  const width = Math.max(...rows.map((r) => r.fixture.length), 'fixture'.length);
  const lines = [
    '',
    `${'fixture'.padEnd(width)}  uWSGI   strict-unknown  our-unknown  our-errors  agree`,
    `${'-'.repeat(width)}  ------  --------------  -----------  ----------  -----`,
  ];
  for (const r of [...rows].sort((a, b) => a.fixture.localeCompare(b.fixture))) {
    lines.push(
      `${r.fixture.padEnd(width)}  ${r.uwsgi.padEnd(6)}  ${String(r.unknown).padStart(14)}  ${String(r.unknownFlags).padStart(11)}  ${String(r.errors).padStart(10)}  ${r.agree ? 'yes' : 'NO'}${r.notes.length ? `   (${r.notes.join('; ')})` : ''}`,
    );
  }
  const accepted = rows.filter((r) => r.uwsgi === 'accept').length;
  const agreed = rows.filter((r) => r.agree).length;
  lines.push(
    '',
    `fixtures: ${rows.length}   uWSGI accepted: ${accepted}   rejected: ${rows.length - accepted}   agreement: ${agreed}/${rows.length}` +
      `   known gaps: ${rows.filter((r) => r.notes.some((n) => n.startsWith('KNOWN GAP'))).length}`,
    `plugins of the default build missing from this binary: ${missingPlugins.join(', ') || 'none'}`,
    `options we know that this binary does not (not judged): ${[...blind].sort().join(' ') || 'none'}`,
    '',
  );
  console.log(lines.join('\n'));
}
