import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  actionDocs, allActions, allPhases, getAction, getOption, getPhase, parseHookKey, phaseDocs, type HookFamily,
} from '../../server/src/registry/registry';

interface PhaseFixture {
  phase: string;
  branches: string[];
  options: string[];
  option_branches: Record<string, string[]>;
  fatal_on_failure: Record<string, boolean | string>;
  call_variants: Record<string, string> | null;
  uwsgiconf_phase_constants: string[];
  ifdef: string | null;
}
interface ActionFixture { action: string; plugin: string; branches: string[]; syntax: string }

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'registry', 'hooks.json'), 'utf8')) as {
  phases: PhaseFixture[];
  actions: ActionFixture[];
};

const versionsOf = (branches: string[]): string[] => branches.map((b) => (b === 'master' ? '2.1' : '2.0')).sort();

describe('registry: hook phases', () => {
  it('has the 29 phases, 24 of them in 2.0', () => {
    assert.equal(allPhases().length, 29);
    assert.equal(allPhases().filter((p) => p.versions.includes('2.0')).length, 24);
    assert.deepEqual(allPhases().map((p) => p.name).sort(), fixture.phases.map((p) => p.phase).sort());
  });

  for (const expected of fixture.phases) {
    it(`matches the facts of ${expected.phase}`, () => {
      const phase = getPhase(expected.phase);
      assert.ok(phase);
      assert.deepEqual([...phase.versions], versionsOf(expected.branches));
      const options = new Set([...Object.values(phase.families).map((f) => f.option), ...phase.callVariants.map((v) => v.option)]);
      assert.deepEqual([...options].sort(), [...expected.options].sort());
      for (const [family, facts] of Object.entries(phase.families)) {
        assert.deepEqual([...facts.versions], versionsOf(expected.option_branches[facts.option]!), facts.option);
        const fatal = expected.fatal_on_failure[family]!;
        // hooks.json spells the Emperor-only outcomes out in words.
        if (typeof fatal === 'boolean') assert.equal(facts.fatal, fatal, `${facts.option} fatal`);
        else assert.equal(typeof facts.fatal, 'string', `${facts.option} fatal`);
        assert.ok(getOption(facts.option), `${facts.option} is an option`);
      }
      assert.equal(phase.uwsgiconfConstant, expected.uwsgiconf_phase_constants[0] ?? null);
      assert.equal(phase.ifdef, expected.ifdef);
      const variants = Object.fromEntries(phase.callVariants.map((v) => [v.option, v.signature]));
      assert.deepEqual(variants, expected.call_variants ?? {});
    });
  }

  it('orders phases along the start-up sequence', () => {
    const order = (name: string): number => getPhase(name)!.order;
    const sequence = ['asap', 'pre-jail', 'in-jail', 'post-jail', 'as-root', 'as-user', 'pre-app', 'post-app', 'accepting', 'as-user-atexit'];
    for (let i = 1; i < sequence.length; i++) assert.ok(order(sequence[i - 1]!) < order(sequence[i]!), `${sequence[i - 1]} before ${sequence[i]}`);
    assert.deepEqual(allPhases().map((p) => p.order), [...allPhases().map((p) => p.order)].sort((a, b) => a - b));
  });

  it('knows where the process is root', () => {
    assert.equal(getPhase('as-root')!.root, true);
    assert.equal(getPhase('post-jail')!.root, true);
    assert.equal(getPhase('as-user')!.root, false);
    assert.equal(getPhase('pre-app')!.root, 'depends');
  });

  it('knows that hook-touch takes a file before the action', () => {
    assert.equal(getPhase('touch')!.hookValueSyntax, '<file> <action>:<args>');
    assert.equal(getPhase('asap')!.hookValueSyntax, '<action>:<args>');
  });

  it('documents every phase', () => {
    for (const p of allPhases()) assert.match(phaseDocs(p.name)!, /Hooks\.html/);
    assert.equal(phaseDocs('nope'), undefined);
  });
});

describe('registry: parseHookKey', () => {
  const cases: [string, HookFamily, string, boolean][] = [
    ['hook-asap', 'hook', 'asap', true],
    ['exec-pre-app', 'exec', 'pre-app', true],
    ['mount-as-root', 'mount', 'as-root', true],
    ['umount-in-jail', 'umount', 'in-jail', true],
    ['call-as-user-atexit', 'call', 'as-user-atexit', true],
    ['hook-accepting1-once', 'hook', 'accepting1-once', true],
    ['hook-touch', 'hook', 'touch', true],
    // uwsgiconf writes this one; uWSGI has the phase but no exec- option for it.
    ['exec-master-start', 'exec', 'master-start', true],
    ['hook-after-request', 'hook', 'after-request', false],
    ['hook-as-rot', 'hook', 'as-rot', false],
  ];
  for (const [key, family, phaseName, knownPhase] of cases) {
    it(`${key} -> ${family} / ${phaseName}${knownPhase ? '' : ' (unknown phase)'}`, () => {
      const parsed = parseHookKey(key);
      assert.ok(parsed);
      assert.equal(parsed.family, family);
      assert.equal(parsed.phaseName, phaseName);
      assert.equal(parsed.phase?.name, knownPhase ? phaseName : undefined);
    });
  }

  it('tells which families a phase lacks', () => {
    const parsed = parseHookKey('exec-master-start');
    assert.equal(parsed?.phase?.families.exec, undefined);
    assert.ok(parsed?.phase?.families.hook);
  });

  it('resolves numbered call variants to their phase', () => {
    const v3 = parseHookKey('call-as-vassal3');
    assert.equal(v3?.phase?.name, 'as-vassal');
    assert.equal(v3?.callVariant?.signature, 'void f(char *vassal_name, uid_t uid, gid_t gid)');
    assert.equal(parseHookKey('call-as-emperor4')?.phase?.name, 'as-emperor');
    assert.equal(parseHookKey('call-as-vassal')?.callVariant?.signature, 'void f(void)');
    assert.equal(parseHookKey('call-as-vassal2')?.phase, undefined);
  });

  it('ignores keys that only look like hooks', () => {
    for (const key of ['mount', 'mount-check', 'mountpoint-check', 'callable', 'hook', 'hook-', 'hooks-asap', 'after-request-hook', 'master']) {
      assert.equal(parseHookKey(key), undefined, key);
    }
  });
});

describe('registry: hook actions', () => {
  it('has the 40 actions', () => {
    assert.equal(allActions().length, 40);
    assert.deepEqual(allActions().map((a) => a.name).sort(), fixture.actions.map((a) => a.action).sort());
  });

  for (const expected of fixture.actions) {
    it(`matches the facts of ${expected.action}`, () => {
      const action = getAction(expected.action);
      assert.ok(action);
      assert.equal(action.syntax, expected.syntax);
      assert.equal(action.plugin, expected.plugin);
      assert.deepEqual([...action.versions], versionsOf(expected.branches));
      assert.ok(action.args.filter((a) => !a.optional).length <= (expected.syntax.match(/<[^>]+>/g) ?? []).length);
    });
  }

  it('structures arguments', () => {
    assert.deepEqual(getAction('mkdir')!.args, [{ name: 'path', optional: false, rest: true }]);
    assert.deepEqual(getAction('write')!.args.map((a) => [a.name, a.optional, a.rest]), [['file', false, false], ['content', false, true]]);
    assert.deepEqual(getAction('mount')!.args.map((a) => [a.name, a.optional]), [
      ['fstype', false], ['source', false], ['mountpoint', false], ['flags', true], ['data', true],
    ]);
    assert.deepEqual(getAction('exit')!.args.map((a) => a.optional), [true]);
  });

  it('knows which actions need root', () => {
    for (const name of ['mount', 'umount', 'hostname', 'chown']) assert.equal(getAction(name)!.needsRoot, true, name);
    for (const name of ['print', 'mkdir', 'write', 'exec']) assert.equal(getAction(name)!.needsRoot, false, name);
  });

  it('knows which actions run with an empty argument instead of failing (malformedHook.ts ACCEPTS_EMPTY_ARGUMENT)', () => {
    assert.deepEqual(allActions().filter((a) => a.acceptsEmptyArgument).map((a) => a.name).sort(), ['exec', 'exit', 'log', 'perl', 'print', 'safeexec', 'tcc']);
  });

  it('documents every action with its syntax', () => {
    for (const a of allActions()) assert.ok(actionDocs(a.name)!.includes(a.syntax), a.name);
  });
});
