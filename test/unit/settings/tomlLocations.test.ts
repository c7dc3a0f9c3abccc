import { strict as assert } from 'node:assert';
import { TomlLocations } from '../../../server/src/settings/tomlLocations';

describe('TOML key locations', () => {
  const text = [
    '[project]', //                                     1
    'name = "x"', //                                    2
    'description = """', //                             3
    'plugins = "not a key: inside a string"', //        4
    '"""', //                                           5
    '[tool."uwsgi-ini"]', //                            6
    '  plugins = ["a"]', //                             7
    'rules = { missing-vacuum = "off", "dup" = "x" }', // 8
    '[[tool.uwsgi-ini.overrides]]', //                  9
    'files = ["a"]', //                                 10
    '[[tool.uwsgi-ini.overrides]]', //                  11
    'tool.uwsgi-ini.nope = 1', //                       12
    'strict = true', //                                 13
  ].join('\n');
  const locations = new TomlLocations(text);

  it('finds keys under quoted headers, indented', () => {
    assert.deepEqual(locations.locate(['tool', 'uwsgi-ini', 'plugins']), { line: 7, column: 3 });
  });

  it('skips multi-line strings', () => {
    assert.deepEqual(locations.locate(['project', 'plugins']), { line: 1, column: 1 });
  });

  it('finds keys of inline tables on their line, bare or quoted', () => {
    assert.deepEqual(locations.locate(['tool', 'uwsgi-ini', 'rules', 'missing-vacuum']), { line: 8, column: 11 });
    assert.deepEqual(locations.locate(['tool', 'uwsgi-ini', 'rules', 'dup']), { line: 8, column: 35 });
  });

  it('counts the elements of arrays of tables', () => {
    assert.deepEqual(locations.locate(['tool', 'uwsgi-ini', 'overrides', 0, 'files']), { line: 10, column: 1 });
    assert.deepEqual(locations.locate(['tool', 'uwsgi-ini', 'overrides', 1]), { line: 11, column: 1 });
    assert.deepEqual(locations.locate(['tool', 'uwsgi-ini', 'overrides', 1, 'strict']), { line: 13, column: 1 });
  });

  it('falls back to the enclosing table, then to the first line', () => {
    assert.deepEqual(locations.locate(['tool', 'uwsgi-ini', 'section']), { line: 6, column: 1 });
    assert.deepEqual(locations.locate(['elsewhere']), { line: 1, column: 1 });
  });
});
