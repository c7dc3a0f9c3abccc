// The language server with the tripwire installed first (see tripwire.cjs).
'use strict';
require('./tripwire.cjs');
require('../../../server/bin/uwsgi-ini-language-server.js');
