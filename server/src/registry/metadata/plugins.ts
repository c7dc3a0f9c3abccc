/**
 * Names of uWSGI plugins that exist, beyond those defining options (options.json): what Debian's
 * uWSGI 2.0.21 installs in /usr/lib/uwsgi/plugins (uwsgi-core and the uwsgi-plugin-* packages),
 * the default build's embedded plugins, and plugins of the source tree that define no options.
 * A `need-plugin` naming anything else cannot load, unless a third-party plugin of that name is
 * installed.
 */
export const KNOWN_PLUGIN_NAMES: readonly string[] = [
  // /usr/lib/uwsgi/plugins of Debian uwsgi-core 2.0.21
  'cache', 'carbon', 'cgi', 'cheaper_backlog2', 'cheaper_busyness', 'clock_monotonic', 'clock_realtime',
  'corerouter', 'echo', 'emperor_amqp', 'emperor_zeromq', 'fastrouter', 'forkptyrouter', 'http',
  'logcrypto', 'logfile', 'logpipe', 'logsocket', 'logzmq', 'mongrel2', 'msgpack', 'nagios', 'notfound',
  'pam', 'ping', 'pty', 'rawrouter', 'redislog', 'router_basicauth', 'router_cache', 'router_expires',
  'router_hash', 'router_http', 'router_memcached', 'router_metrics', 'router_radius', 'router_redirect',
  'router_redis', 'router_rewrite', 'router_static', 'router_uwsgi', 'router_xmldir', 'rpc', 'rrdtool',
  'rsyslog', 'signal', 'spooler', 'ssi', 'sslrouter', 'stats_pusher_file', 'stats_pusher_socket',
  'stats_pusher_statsd', 'symcall', 'syslog', 'systemd_logger', 'transformation_chunked',
  'transformation_gzip', 'transformation_offload', 'transformation_template', 'transformation_tofile',
  'transformation_toupper', 'tuntap', 'ugreen', 'webdav', 'xattr', 'zabbix', 'zergpool',
  // Debian uwsgi-plugin-* packages (interpreter builds normalise to these names)
  'alarm_curl', 'alarm_xmpp', 'asyncio', 'curl_cron', 'emperor_pg', 'fiber', 'gccgo', 'geoip', 'gevent',
  'glusterfs', 'graylog2', 'greenlet', 'jvm', 'jwsgi', 'ldap', 'lua', 'mono', 'psgi', 'python', 'rack',
  'rados', 'rbthreads', 'ring', 'router_access', 'servlet', 'sqlite3', 'tornado', 'xslt', 'apparmor',
  'mongodb', 'mongodblog', 'emperor_mongodb', 'gridfs', 'stats_pusher_mongodb',
  // the default build's embedded plugins not listed above
  'router_fcgi',
];
