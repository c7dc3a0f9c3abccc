import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  afterDropVariant, allOptions, beforeDropToAfterDrop, getOption, isKnownOption, nearest, normalizePluginList,
  normalizePluginName, optionDocs, optionDocsUrl, pluginNames, socketsBoundBeforeDrop,
} from '../../server/src/registry/registry';
import { listActions, listOptions, listPhases } from '../../server/src/registry/listing';
import { uwsgiSectionKeys } from '../../scripts/registry/countCorpus';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'registry');
const stats = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'options-stats.json'), 'utf8')) as {
  unique_names: number;
  per_plugin: [string, number][];
  only_in_master: string[];
  only_in_2_0: string[];
  field_differences: { name: string; field: string; master: string; 'uwsgi-2.0': string }[];
  duplicate_names: Record<string, unknown>;
  embedded_plugins_default_build: Record<'uwsgi-2.0' | 'master', string[]>;
  immediate_count_master: number;
};

describe('registry: options', () => {
  it('has one entry per distinct option name of both branches', () => {
    assert.equal(allOptions().length, stats.unique_names);
    assert.equal(new Set(allOptions().map((o) => o.name)).size, stats.unique_names);
  });

  it('lists every plugin that defines options', () => {
    assert.deepEqual([...pluginNames()].sort(), stats.per_plugin.map(([p]) => p).sort());
  });

  it('knows every option of a Debian uWSGI 2.0.21 build with all plugins', () => {
    const dump = fs.readFileSync(path.join(FIXTURES, 'dump-options-allplugins-2.0.21.txt'), 'utf8');
    const names = dump.split('\n').map((l) => l.trim().split(/\s+/)[0]!).filter((n) => n !== '');
    assert.ok(names.length > 1000, `dump has ${names.length} names`);
    const plugins = pluginNames();
    const rejected = names.filter((n) => !isKnownOption(n, { version: '2.0', plugins }).known);
    assert.deepEqual(rejected, []);
  });

  it('marks options that only exist on master as 2.1 only', () => {
    const duplicated = new Set(Object.keys(stats.duplicate_names));
    for (const entry of stats.only_in_master) {
      const name = entry.slice(entry.indexOf(':') + 1);
      // A duplicated name may also be defined in 2.0 by its other entry.
      if (duplicated.has(name)) continue;
      assert.deepEqual(getOption(name)?.versions, ['2.1'], name);
      const result = isKnownOption(name, { version: '2.0', plugins: pluginNames() });
      assert.equal(result.known, false, name);
      assert.equal(!result.known && result.reason, 'other-version', name);
    }
    for (const entry of stats.only_in_2_0) {
      const name = entry.slice(entry.indexOf(':') + 1);
      assert.deepEqual(getOption(name)?.versions, ['2.0']);
      const result = isKnownOption(name, { version: '2.1' });
      assert.ok(!result.known && result.reason === 'other-version' && result.versions.join() === '2.0');
    }
  });

  it('merges duplicated names', () => {
    // early-emperor is defined twice on master, once in 2.0.
    assert.deepEqual(getOption('early-emperor')?.versions, ['2.0', '2.1']);
    // mimefile exists under __APPLE__ and under !__APPLE__: always.
    assert.equal(getOption('mimefile')?.ifdef, null);
    assert.equal(getOption('mime-file')?.ifdef, null);
  });

  it('follows the requested version for fields that changed between branches', () => {
    for (const d of stats.field_differences.filter((f) => f.field === 'parser')) {
      assert.equal(getOption(d.name, '2.0')?.parser, d['uwsgi-2.0'], d.name);
      assert.equal(getOption(d.name, '2.1')?.parser, d.master, d.name);
    }
    assert.equal(getOption('die-on-term', '2.0')?.deprecated, false);
    assert.equal(getOption('die-on-term', '2.1')?.deprecated, true);
    assert.equal(getOption('buffer-size', '2.0')?.valueKind, 'int16');
    assert.equal(getOption('buffer-size', '2.1')?.valueKind, 'int64');
    assert.equal(getOption('memory-report', '2.0')?.valueKind, 'flag');
    assert.equal(allOptions('2.0').find((o) => o.name === 'die-on-term')?.deprecated, false);
    assert.equal(allOptions('2.1').find((o) => o.name === 'die-on-term')?.deprecated, true);
  });

  it('carries the facts of well-known options', () => {
    const socket = getOption('socket');
    assert.equal(socket?.short, 's');
    assert.equal(socket?.repeat, 'append');
    assert.equal(socket?.plugin, 'core');
    assert.equal(getOption('master')?.repeat, 'last_wins');
    assert.equal(getOption('chmod-socket')?.repeat, 'accumulates');
    assert.equal(getOption('include')?.immediate, true);
    assert.equal(getOption('inherit')?.immediate, false);
    assert.equal(getOption('help')?.terminates, true);
    assert.ok(getOption('touch-reload')?.flags.includes('MASTER'));
    assert.equal(getOption('fastrouter-subscription-slot')?.deprecated, true);
    assert.equal(getOption('wsgi-file')?.plugin, 'python');
    assert.equal(getOption('wsgi-file')?.embeddedByDefault, true);
    assert.equal(getOption('php-ini')?.embeddedByDefault, false);
    assert.equal(allOptions().filter((o) => o.immediate && o.versions.includes('2.1')).length, stats.immediate_count_master);
  });

  it('ranks by corpus frequency', () => {
    assert.ok(getOption('master')!.corpusFrequency > getOption('processes')!.corpusFrequency / 2);
    assert.ok(getOption('socket')!.corpusFrequency > 100);
    assert.equal(getOption('ienv')!.corpusFrequency, 0);
  });

  describe('isKnownOption', () => {
    it('accepts core and embedded-plugin options without plugins', () => {
      assert.equal(isKnownOption('processes', { version: '2.0' }).known, true);
      assert.equal(isKnownOption('module', { version: '2.0' }).known, true);
      assert.equal(isKnownOption('http', { version: '2.1' }).known, true);
    });

    it('reports options of plugins that are not loaded', () => {
      const r = isKnownOption('php-ini', { version: '2.0' });
      assert.ok(!r.known && r.reason === 'needs-plugin' && r.plugin === 'php');
      assert.equal(isKnownOption('php-ini', { version: '2.0', plugins: ['php'] }).known, true);
      assert.equal(isKnownOption('cgi', { version: '2.0', plugins: ['0:cgi'] }).known, true);
      assert.equal(isKnownOption('rack', { version: '2.0', plugins: ['/usr/lib/uwsgi/plugins/rack_ruby25_plugin.so'] }).known, true);
      assert.equal(isKnownOption('lua', { version: '2.0', plugins: ['python3,lua51'] }).known, true);
    });

    it('reports unknown names and other versions', () => {
      assert.deepEqual(isKnownOption('vaccum', { version: '2.0' }), { known: false, reason: 'unknown' });
      assert.deepEqual(isKnownOption('Master', { version: '2.0' }), { known: false, reason: 'unknown' });
      const r = isKnownOption('hook-as-vassal-before-drop', { version: '2.0' });
      assert.ok(!r.known && r.reason === 'other-version' && r.versions.join() === '2.1');
      assert.equal(isKnownOption('hook-as-vassal-before-drop', { version: '2.1' }).known, true);
    });
  });

  describe('nearest', () => {
    const cases: [string, string][] = [
      ['vaccum', 'vacuum'],
      ['proccesses', 'processes'],
      ['harakari', 'harakiri'],
      ['deamonize', 'daemonize'],
      ['pidefile', 'pidfile'],
      ['chmod-sock', 'chmod-socket'],
      ['harakiri_verbose', 'harakiri-verbose'],
      ['Master', 'master'],
      ['enable-thread', 'enable-threads'],
    ];
    for (const [typo, expected] of cases) {
      it(`suggests ${expected} for ${typo}`, () => assert.equal(nearest(typo)[0], expected));
    }

    it('suggests nothing for names far from every option', () => {
      assert.deepEqual(nearest('zzzzqqqq'), []);
      assert.deepEqual(nearest('x'), []);
    });

    it('respects max and custom candidates', () => {
      assert.ok(nearest('pidefile', undefined, 1).length === 1);
      assert.deepEqual(nearest('asap', ['asap', 'aspa', 'pre-app']), ['aspa']);
    });

    it('is fast enough to run per unknown key', () => {
      const start = Date.now();
      for (let i = 0; i < 200; i++) nearest(`unknown-option-${i}`);
      assert.ok(Date.now() - start < 2000);
    });
  });

  describe('normalizePluginName', () => {
    const cases: [string, string][] = [
      ['python', 'python'],
      ['python3', 'python'],
      ['python311', 'python'],
      ['python3.11', 'python'],
      ['0:python', 'python'],
      ['/usr/lib/uwsgi/plugins/python3_plugin.so', 'python'],
      ['python3_plugin.so', 'python'],
      ['cgi|uwsgi_cgi_plugin', 'cgi'],
      [' http ', 'http'],
      ['gevent_python3', 'gevent'],
      ['asyncio_python311', 'asyncio'],
      ['rack_ruby25', 'rack'],
      ['lua51', 'lua'],
      ['router_redirect', 'router_redirect'],
    ];
    for (const [item, expected] of cases) {
      it(`${item} -> ${expected}`, () => assert.equal(normalizePluginName(item), expected));
    }

    it('splits plugin lists on commas', () => {
      assert.deepEqual(normalizePluginList('python3,http'), ['python', 'http']);
      assert.deepEqual(normalizePluginList('python3, ,logfile'), ['python', 'logfile']);
    });
  });

  describe('privileges', () => {
    it('maps before-drop options to their after-drop variants', () => {
      assert.equal(afterDropVariant('pidfile'), 'pidfile2');
      assert.equal(afterDropVariant('safe-pidfile'), 'safe-pidfile2');
      assert.equal(afterDropVariant('daemonize'), 'daemonize2');
      assert.equal(afterDropVariant('logto'), 'logto2');
      assert.equal(afterDropVariant('pidfile2'), undefined);
      for (const [before, after] of Object.entries(beforeDropToAfterDrop())) {
        assert.ok(getOption(before) && getOption(after), `${before} -> ${after}`);
      }
    });

    it('lists the socket options bound as root', () => {
      const sockets = socketsBoundBeforeDrop();
      for (const name of ['socket', 'http-socket', 'uwsgi-socket', 'shared-socket', 'http', 'https']) assert.ok(sockets.includes(name), name);
      assert.ok(!sockets.includes('chmod-socket'));
    });
  });

  describe('docs', () => {
    it('builds the reference anchor from the name', () => {
      assert.equal(optionDocsUrl('harakiri'), 'https://uwsgi-docs.readthedocs.io/en/latest/Options.html#harakiri');
      assert.equal(optionDocsUrl('pivot_root'), 'https://uwsgi-docs.readthedocs.io/en/latest/Options.html#pivot-root');
    });

    it('documents every option, with the reference link', () => {
      for (const o of allOptions()) {
        const md = optionDocs(o.name);
        assert.ok(md && md.includes(optionDocsUrl(o.name)), o.name);
      }
      assert.equal(optionDocs('not-an-option'), undefined);
    });

    it('states plugin and version facts', () => {
      assert.match(optionDocs('php-ini')!, /`php` plugin/);
      assert.match(optionDocs('ienv')!, /2\.1/);
    });

    it('composes the text of an option without hand-written docs from the words of its value kind and repeat', () => {
      assert.equal(optionDocs('plugin-dir')!.split('\n\n')[1], 'Takes a string; each occurrence adds one item. Repeatable: each line adds one.');
      assert.equal(optionDocs('lua')!.split('\n\n')[1], 'Takes a string, used verbatim. Last value wins.');
    });
  });

  describe('listings', () => {
    for (const [label, list, count] of [['options', listOptions, stats.unique_names], ['phases', listPhases, 29], ['actions', listActions, 40]] as const) {
      it(`lists ${label} sorted, one name<TAB>details line each`, () => {
        const lines = list();
        assert.equal(lines.length, count);
        const names = lines.map((l) => l.split('\t')[0]!);
        assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
        for (const line of lines) assert.match(line, /^[^\t]+\t\S.*$/);
      });
    }
  });

  describe('corpus counting', () => {
    it('counts keys of [uwsgi] sections only, as uWSGI lexes them', () => {
      const keys = uwsgiSectionKeys('master = true\n[uwsgi]\n  socket = :80\n; vacuum = true\nenable-threads\nk2=v=v\n[other]\nprocesses = 4\n[uwsgi]\nuid = www\n');
      assert.deepEqual([...keys].sort(), ['enable-threads', 'k2', 'socket', 'uid']);
    });
  });
});
