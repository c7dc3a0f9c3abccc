import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  getOption, getPhase, mainProcessMethods, mainProcessUsage, uwsgiconfFinding, uwsgiconfFindings, uwsgiconfPhaseConstants,
  type MainProcessMethod,
} from '../../server/src/registry/registry';

interface SignatureParam { name: string; kind: string; annotation: string | null; default: string | null; required: boolean }
interface CaseFixture { call: string; emits: string[]; unknownKeys: string[] }

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'registry', 'mainprocess.json'), 'utf8')) as {
  phases: Record<string, string>;
  methods: Record<string, { signature: SignatureParam[]; cases: CaseFixture[] }>;
  findings: string[];
};

/** uwsgiconf prints plain classes as `<class 'bool'>`. */
const annotation = (a: string | null): string => (a ?? '').replace(/^<class '([^']+)'>$/, '$1');

/** Keys a method can write, with `<phase>` expanded over the uwsgiconf phase constants. */
function keysOf(method: MainProcessMethod): Set<string> {
  const keys = new Set<string>();
  for (const e of method.emits) {
    if (e.key.includes('<phase>')) for (const phase of Object.values(uwsgiconfPhaseConstants())) keys.add(e.key.replace('<phase>', phase));
    else keys.add(e.key);
  }
  return keys;
}

describe('registry: uwsgiconf MainProcess', () => {
  const methods = new Map(mainProcessMethods().map((m) => [m.name, m]));

  it('models all 14 methods', () => {
    assert.equal(methods.size, 14);
    assert.deepEqual([...methods.keys()].sort(), Object.keys(fixture.methods).sort());
  });

  for (const [name, expected] of Object.entries(fixture.methods)) {
    describe(name, () => {
      it('has every parameter with its type, default and kind', () => {
        const method = methods.get(name)!;
        assert.deepEqual(method.params.map((p) => p.name), expected.signature.map((p) => p.name));
        for (const [i, p] of expected.signature.entries()) {
          const actual = method.params[i]!;
          assert.equal(actual.required, p.required, `${p.name} required`);
          assert.equal(actual.keywordOnly, p.kind === 'keyword-only', `${p.name} keyword-only`);
          assert.equal(actual.default, p.default, `${p.name} default`);
          // Forward references aside, the declared type is the annotation uwsgiconf has.
          if (!(p.annotation ?? '').includes('ForwardRef')) assert.equal(actual.type, annotation(p.annotation), `${p.name} type`);
        }
      });

      it('maps every parameter to the keys it writes', () => {
        const method = methods.get(name)!;
        if (method.emitsNothing) {
          assert.ok(expected.cases.every((c) => c.emits.length === 0));
          return;
        }
        for (const p of method.params) {
          const used = method.emits.some((e) => e.param === p.name || (e.when ?? '').includes(p.name) || e.key.includes(`<${p.name}>`));
          assert.ok(used, `${name}(${p.name}) drives no emission`);
        }
      });

      it('writes exactly the keys uwsgiconf was seen writing', () => {
        const keys = keysOf(methods.get(name)!);
        for (const c of expected.cases) {
          for (const line of c.emits) {
            const key = line.slice(0, line.indexOf(' = '));
            assert.ok(keys.has(key), `${c.call} writes ${key}`);
          }
        }
      });
    });
  }

  it('maps emissions to their condition', () => {
    const pid = methods.get('set_pid_file')!.emits;
    assert.equal(pid.find((e) => e.key === 'safe-pidfile2')?.when, 'before_priv_drop=False, safe=True');
    assert.equal(pid.find((e) => e.key === 'pidfile')?.when, 'before_priv_drop=True, safe=False');
    assert.equal(methods.get('daemonize')!.emits.find((e) => e.key === 'daemonize2')?.when, 'after_app_loading=True');
    assert.equal(methods.get('set_owner_params')!.emits.find((e) => e.key === 'immediate-uid')?.when, 'set_asap=True');
  });

  it('has the phase constants uwsgiconf defines', () => {
    assert.deepEqual(uwsgiconfPhaseConstants(), fixture.phases);
    for (const [constant, phase] of Object.entries(fixture.phases)) assert.equal(getPhase(phase)?.uwsgiconfConstant, constant);
  });

  it('answers which call writes an option', () => {
    assert.deepEqual(mainProcessUsage('vacuum').map((u) => u.call), ['MainProcess.set_basic_params(vacuum=True)']);
    assert.deepEqual(mainProcessUsage('daemonize2').map((u) => u.method), ['daemonize']);
    assert.match(mainProcessUsage('safe-pidfile2')[0]!.call, /before_priv_drop=False, safe=True/);
    assert.match(mainProcessUsage('hook-as-root')[0]!.call, /set_hook\(phases\.PRIV_DROP_PRE/);
    assert.match(mainProcessUsage('exec-asap')[0]!.call, /run_command_on_event\('date', phase=phases\.ASAP\)/);
    assert.deepEqual(mainProcessUsage('touch-exec').map((u) => u.method), ['run_command_on_touch']);
    assert.deepEqual(mainProcessUsage('socket'), []);
  });

  describe('findings', () => {
    it('records every key uwsgiconf writes that uWSGI does not know', () => {
      const unknown = new Set(Object.values(fixture.methods).flatMap((m) => m.cases.flatMap((c) => c.unknownKeys)));
      assert.ok(unknown.size > 0);
      for (const key of unknown) {
        assert.equal(getOption(key), undefined, key);
        assert.equal(uwsgiconfFinding(key)?.problem, 'unknown-key', key);
      }
    });

    it('records the 2.1-only hook phases uwsgiconf offers', () => {
      const only21 = fixture.findings.map((f) => /emits '([^']+)' which exists only in uWSGI master/.exec(f)?.[1]).filter((k): k is string => !!k);
      assert.equal(only21.length, 5);
      for (const key of only21) assert.equal(uwsgiconfFinding(key)?.problem, 'only-in-2.1', key);
    });

    it('names the right key where there is one', () => {
      assert.deepEqual(uwsgiconfFinding('never_swap'), { emittedKey: 'never_swap', method: 'set_memory_params', problem: 'unknown-key', correctKey: 'never-swap' });
      assert.equal(uwsgiconfFinding('exec-master-start')?.correctKey, 'hook-master-start');
      assert.equal(uwsgiconfFinding('exec-master-start')?.correctValuePrefix, 'exec:');
      for (const f of uwsgiconfFindings()) if (f.correctKey) assert.ok(getOption(f.correctKey), f.correctKey);
      assert.equal(uwsgiconfFinding('vacuum'), undefined);
    });
  });
});
