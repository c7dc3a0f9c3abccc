import { strict as assert } from 'node:assert';
import { FileStat, FileSystemPort } from '../../../server/src/analysis/fileSystem';
import { defaultSettings, normalizeSettings } from '../../../server/src/service/settings';
import { ProjectSettings, ProjectSettingsOptions, userSettingsFile } from '../../../server/src/settings/projectSettings';

/** Files by absolute path; every ancestor folder of a file exists. */
function fakeFiles(files: Record<string, string>): FileSystemPort & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    stat(path: string): FileStat | undefined {
      if (path in files) return { type: 'file', size: files[path]!.length, realPath: path };
      return Object.keys(files).some((f) => f.startsWith(`${path}/`)) ? { type: 'directory', size: 0, realPath: path } : undefined;
    },
    readFile(path: string): string | undefined {
      reads.push(path);
      return files[path];
    },
  };
}

const RULE_IDS = ['missing-vacuum', 'no-privilege-drop', 'unknown-option', 'duplicate-option'];

function resolver(files: Record<string, string>, options: Partial<ProjectSettingsOptions> = {}): ProjectSettings {
  return new ProjectSettings({ fileSystem: fakeFiles(files), ruleIds: RULE_IDS, ...options });
}

describe('project settings: finding the files', () => {
  it('reads [tool.uwsgi-ini] of the pyproject.toml beside the file, with the line each setting is on', () => {
    const project = resolver({
      '/srv/app/pyproject.toml': '[project]\nname = "app"\n\n[tool.uwsgi-ini]\nplugins = ["python3"]\nrules = { missing-vacuum = "off" }\n',
    });
    const resolved = project.resolve('/srv/app/uwsgi.ini');
    assert.deepEqual(resolved.settings.plugins, ['python3']);
    assert.deepEqual(resolved.settings.diagnostics, { 'missing-vacuum': 'off' });
    assert.deepEqual(resolved.origins.plugins, { kind: 'file', path: '/srv/app/pyproject.toml', line: 5 });
    assert.deepEqual(resolved.ruleOrigins['missing-vacuum'], { kind: 'file', path: '/srv/app/pyproject.toml', line: 6 });
    assert.deepEqual(resolved.origins.version, { kind: 'default' });
    assert.deepEqual(resolved.files, ['/srv/app/pyproject.toml']);
    assert.deepEqual(resolved.problems, []);
  });

  it('passes placeholders through as a list of names', () => {
    const project = resolver({ '/srv/.uwsgi-ini.toml': 'placeholders = ["instance", "port"]\n' });
    assert.deepEqual(project.resolve('/srv/a.ini').settings.placeholders, ['instance', 'port']);
  });

  it('skips a pyproject.toml without [tool.uwsgi-ini] and goes on upwards', () => {
    const project = resolver({
      '/srv/app/pyproject.toml': '[tool.black]\nline-length = 100\n',
      '/srv/pyproject.toml': '[tool.uwsgi-ini]\nstrict = true\n',
    });
    const resolved = project.resolve('/srv/app/uwsgi.ini');
    assert.equal(resolved.settings.strict, true);
    assert.deepEqual(resolved.files, ['/srv/pyproject.toml']);
  });

  it('merges the files found key by key, the nearest winning, rules rule by rule', () => {
    const project = resolver({
      '/srv/.uwsgi-ini.toml': 'plugins = ["http"]\nsection = "prod"\n[rules]\nmissing-vacuum = "off"\nno-privilege-drop = "error"\n',
      '/srv/app/.uwsgi-ini.toml': 'plugins = ["python3"]\n[rules]\nno-privilege-drop = "hint"\n',
    });
    const resolved = project.resolve('/srv/app/vassals/a.ini');
    assert.deepEqual(resolved.settings.plugins, ['python3']);
    assert.equal(resolved.settings.section, 'prod');
    assert.deepEqual(resolved.settings.diagnostics, { 'missing-vacuum': 'off', 'no-privilege-drop': 'hint' });
    assert.deepEqual(resolved.origins.section, { kind: 'file', path: '/srv/.uwsgi-ini.toml', line: 2 });
    assert.deepEqual(resolved.files, ['/srv/app/.uwsgi-ini.toml', '/srv/.uwsgi-ini.toml']);
  });

  it('stops at root = true: files above it and the user-level file are not read', () => {
    const files = {
      '/srv/.uwsgi-ini.toml': 'strict = true\n',
      '/srv/app/pyproject.toml': '[tool.uwsgi-ini]\nroot = true\n',
      '/home/me/.config/uwsgi-ini/config.toml': 'plugins = ["python3"]\n',
    };
    const fileSystem = fakeFiles(files);
    const project = new ProjectSettings({ fileSystem, ruleIds: RULE_IDS, userSettingsFile: '/home/me/.config/uwsgi-ini/config.toml' });
    const resolved = project.resolve('/srv/app/uwsgi.ini');
    assert.equal(resolved.settings.strict, false);
    assert.deepEqual(resolved.settings.plugins, []);
    assert.deepEqual(fileSystem.reads, ['/srv/app/pyproject.toml']);
  });

  it('reads the user-level file last, below every project file', () => {
    const project = resolver({
      '/srv/app/.uwsgi-ini.toml': 'strict = true\n',
      '/home/me/.config/uwsgi-ini/config.toml': 'strict = false\nplugins = ["python3"]\n',
    }, { userSettingsFile: '/home/me/.config/uwsgi-ini/config.toml' });
    const resolved = project.resolve('/srv/app/uwsgi.ini');
    assert.equal(resolved.settings.strict, true);
    assert.deepEqual(resolved.settings.plugins, ['python3']);
    assert.deepEqual(resolved.origins.plugins, { kind: 'file', path: '/home/me/.config/uwsgi-ini/config.toml', line: 2 });
  });

  it('prefers .uwsgi-ini.toml to the pyproject.toml of the same folder, and says so on the pyproject', () => {
    const project = resolver({
      '/srv/.uwsgi-ini.toml': 'strict = true\n',
      '/srv/pyproject.toml': '[project]\nname = "x"\n[tool.uwsgi-ini]\nstrict = false\n',
    });
    const resolved = project.resolve('/srv/uwsgi.ini');
    assert.equal(resolved.settings.strict, true);
    assert.equal(resolved.problems.length, 1);
    assert.equal(resolved.problems[0]!.path, '/srv/pyproject.toml');
    assert.equal(resolved.problems[0]!.line, 3);
    assert.match(resolved.problems[0]!.message, /not used: \/srv\/\.uwsgi-ini\.toml in the same folder takes precedence/);
  });
});

describe('project settings: precedence', () => {
  const files = { '/srv/.uwsgi-ini.toml': 'plugins = ["python3"]\nuwsgi-version = "2.1"\n[rules]\nmissing-vacuum = "off"\n' };

  it('the file wins over the editor settings, which win over the defaults', () => {
    const editor = normalizeSettings({ plugins: ['http'], strict: true, diagnostics: { 'missing-vacuum': 'error', 'unknown-option': 'hint' } });
    const resolved = resolver(files).resolve('/srv/a.ini', editor);
    assert.deepEqual(resolved.settings.plugins, ['python3']);
    assert.equal(resolved.settings.strict, true);
    assert.deepEqual(resolved.origins.strict, { kind: 'editor' });
    assert.deepEqual(resolved.settings.diagnostics, { 'missing-vacuum': 'off', 'unknown-option': 'hint' });
    assert.deepEqual(resolved.ruleOrigins['unknown-option'], { kind: 'editor' });
  });

  it('the command line wins over the file', () => {
    const project = resolver(files, { commandLine: { version: '2.0', diagnostics: { 'missing-vacuum': 'warning' } } });
    const resolved = project.resolve('/srv/a.ini');
    assert.equal(resolved.settings.version, '2.0');
    assert.deepEqual(resolved.origins.version, { kind: 'command line', flag: '--uwsgi-version' });
    assert.equal(resolved.settings.diagnostics['missing-vacuum'], 'warning');
    assert.deepEqual(resolved.settings.plugins, ['python3']);
  });

  it('keeps the base settings it is given untouched', () => {
    const editor = normalizeSettings({ plugins: ['http'] });
    resolver(files).resolve('/srv/a.ini', editor);
    assert.deepEqual(editor.plugins, ['http']);
    assert.deepEqual(defaultSettings.diagnostics, {});
  });
});

describe('project settings: overrides and exclude', () => {
  const pyproject = [
    '[tool.uwsgi-ini]',
    'exclude = ["legacy", "generated/*.ini"]',
    'rules = { missing-vacuum = "off" }',
    '',
    '[[tool.uwsgi-ini.overrides]]',
    'files = ["vassals/*.ini"]',
    'plugins = ["python3"]',
    'rules = { no-privilege-drop = "error" }',
    '',
    '[[tool.uwsgi-ini.overrides]]',
    'files = ["vassals/admin.ini"]',
    'strict = true',
    '',
  ].join('\n');
  const project = resolver({ '/repo/pyproject.toml': pyproject });

  it('applies an override to the files its globs match, relative to the settings file', () => {
    const vassal = project.resolve('/repo/vassals/app.ini');
    assert.deepEqual(vassal.settings.plugins, ['python3']);
    assert.deepEqual(vassal.settings.diagnostics, { 'missing-vacuum': 'off', 'no-privilege-drop': 'error' });
    assert.deepEqual(vassal.ruleOrigins['no-privilege-drop'], { kind: 'file', path: '/repo/pyproject.toml', line: 8, override: 1 });
    assert.equal(vassal.settings.strict, false);
    const other = project.resolve('/repo/uwsgi.ini');
    assert.deepEqual(other.settings.plugins, []);
    assert.deepEqual(other.settings.diagnostics, { 'missing-vacuum': 'off' });
    // `vassals/*.ini` does not reach into subfolders.
    assert.deepEqual(project.resolve('/repo/vassals/old/app.ini').settings.plugins, []);
  });

  it('applies later overrides over earlier ones', () => {
    const admin = project.resolve('/repo/vassals/admin.ini');
    assert.equal(admin.settings.strict, true);
    assert.deepEqual(admin.origins.strict, { kind: 'file', path: '/repo/pyproject.toml', line: 12, override: 2 });
    assert.deepEqual(admin.settings.plugins, ['python3']);
  });

  it('excludes files in an excluded folder and files matching a glob', () => {
    assert.deepEqual(project.resolve('/repo/legacy/a.ini').excludedBy, { pattern: 'legacy', path: '/repo/pyproject.toml', line: 2 });
    assert.deepEqual(project.resolve('/repo/deploy/legacy/b/c.ini').excludedBy?.pattern, 'legacy');
    assert.equal(project.resolve('/repo/generated/x.ini').excludedBy?.pattern, 'generated/*.ini');
    assert.equal(project.resolve('/repo/vassals/app.ini').excludedBy, undefined);
    assert.equal(project.forDocument('file:///repo/legacy/a.ini', defaultSettings).excluded, true);
  });
});

describe('project settings: problems are located, never fatal', () => {
  const problemsOf = (text: string, name = '/p/.uwsgi-ini.toml'): string[] =>
    resolver({ [name]: text }).resolve('/p/a.ini').problems.map((p) => `${p.line}:${p.column} ${p.message}`);

  it('bad TOML: the parser position, and nothing of the file applies', () => {
    const project = resolver({ '/p/pyproject.toml': '[tool.uwsgi-ini]\nstrict = true\nplugins = ["python3"\n' });
    const resolved = project.resolve('/p/a.ini');
    assert.equal(resolved.settings.strict, false);
    assert.equal(resolved.problems.length, 1);
    assert.equal(resolved.problems[0]!.line, 4);
    assert.match(resolved.problems[0]!.message, /^not valid TOML: .*; none of its settings are used$/);
  });

  it('a pyproject.toml broken elsewhere that never mentions uwsgi-ini is not ours to report', () => {
    assert.deepEqual(problemsOf('[project\nname = "x"\n', '/p/pyproject.toml'), []);
  });

  it('unknown keys, with the key nearest in spelling', () => {
    assert.deepEqual(problemsOf('strict = true\n  plugin = ["python3"]\n'), ['2:3 unknown key "plugin" in this file (did you mean "plugins"?); it is not used']);
    assert.deepEqual(problemsOf('[tool.uwsgi-ini]\nplugins = ["a"]\nsectoin = "x"\n', '/p/pyproject.toml'), ['3:1 unknown key "sectoin" in [tool.uwsgi-ini] (did you mean "section"?); it is not used']);
  });

  it('values of the wrong type', () => {
    assert.deepEqual(problemsOf('uwsgi-version = 2.1\nstrict = "yes"\nplugins = "python3"\nsection = ""\n'), [
      '1:1 uwsgi-version must be the string "2.0" or "2.1", not 2.1',
      '2:1 strict must be true or false, not "yes"',
      '3:1 plugins must be a list of strings, such as plugins = ["python3"], not "python3"',
      '4:1 section must be a section name, not ""',
    ]);
  });

  it('unknown rules and severities, on the rule inside an inline table', () => {
    assert.deepEqual(problemsOf('rules = { missing-vacum = "off", no-privilege-drop = "warn" }\n'), [
      '1:11 unknown rule "missing-vacum" (did you mean "missing-vacuum"?); it is not used (uwsgi-ini-lint --list-rules lists the rules)',
      '1:34 rule no-privilege-drop takes one of "off", "hint", "information", "warning", "error", not "warn"',
    ]);
  });

  it('overrides: unknown keys, and a table without files', () => {
    assert.deepEqual(problemsOf('[[overrides]]\nfiles = ["a.ini"]\nroot = true\n\n[[overrides]]\nstrict = true\n'), [
      '3:1 unknown key "root" in overrides #1 ("root" is set for the whole file only); it is not used',
      '5:1 overrides #2 has no files = [...]: it would apply to no file',
    ]);
  });

  it('[tool.uwsgi-ini] inside .uwsgi-ini.toml: says where the keys go', () => {
    const [problem] = problemsOf('[tool.uwsgi-ini]\nstrict = true\n');
    assert.match(problem!, /^1:1 \[tool\.uwsgi-ini\] is for pyproject\.toml: in this file the keys stand at the top level/);
  });

  it('the user-level file takes no paths', () => {
    const project = resolver({ '/home/u/config.toml': 'exclude = ["x"]\nstrict = true\n' }, { userSettingsFile: '/home/u/config.toml' });
    const resolved = project.resolve('/p/a.ini');
    assert.equal(resolved.settings.strict, true);
    assert.deepEqual(resolved.problems.map((p) => `${p.path}:${p.line}`), ['/home/u/config.toml:1']);
    assert.match(resolved.problems[0]!.message, /"exclude" is not used in the user-level settings file/);
  });

  it('the valid keys of a file with problems still apply', () => {
    const resolved = resolver({ '/p/.uwsgi-ini.toml': 'strict = true\nplugin = ["x"]\n' }).resolve('/p/a.ini');
    assert.equal(resolved.settings.strict, true);
    assert.equal(resolved.problems.length, 1);
  });
});

describe('project settings: caching', () => {
  it('reads each folder once until invalidated, then again', () => {
    const files: Record<string, string> = { '/p/.uwsgi-ini.toml': 'strict = true\n' };
    const fileSystem = fakeFiles(files);
    const project = new ProjectSettings({ fileSystem, ruleIds: RULE_IDS });
    project.resolve('/p/a.ini');
    project.resolve('/p/b.ini');
    assert.deepEqual(fileSystem.reads, ['/p/.uwsgi-ini.toml']);
    files['/p/.uwsgi-ini.toml'] = 'strict = false\n';
    const before = project.generation;
    project.invalidate();
    assert.notEqual(project.generation, before);
    assert.equal(project.resolve('/p/a.ini').settings.strict, false);
  });
});

describe('project settings: the user-level file', () => {
  it('lives in $XDG_CONFIG_HOME/uwsgi-ini, else ~/.config/uwsgi-ini', () => {
    assert.equal(userSettingsFile({ XDG_CONFIG_HOME: '/x/conf/', HOME: '/home/u' }), '/x/conf/uwsgi-ini/config.toml');
    assert.equal(userSettingsFile({ HOME: '/home/u' }), '/home/u/.config/uwsgi-ini/config.toml');
    assert.equal(userSettingsFile({ XDG_CONFIG_HOME: '', HOME: '/home/u' }), '/home/u/.config/uwsgi-ini/config.toml');
    assert.equal(userSettingsFile({}), undefined);
  });
});
