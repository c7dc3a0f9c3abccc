/**
 * Hover text for uWSGI options, written for uwsgi-ini in our own words
 * from the facts in SEMANTICS.md / options.json / hooks.json.
 *
 * Keys are exact option names from options.json. The link to the official
 * reference is added by the generator, not here.
 *
 * Recurring value rules (SEMANTICS.md section 7):
 * - flags: only `false`, `off`, `no` (any case) and `0` mean off;
 *   every other value, including an empty one, means on;
 * - int options use `atoi` on 2.0, so `30s` is 30 and `abc` is 0;
 *   a negative number is fatal;
 * - immediate options are applied while the file is read, so only
 *   magic variables (`%d`, `%n`, ...) are expanded in their values.
 */
export const optionDocs: Record<string, string> = {
  // ---------------------------------------------------------------- process model
  "master":
    "Starts the master process, which forks the workers, respawns them when they die and handles reloads, harakiri and the other supervision features. It is a flag: any value other than `false`, `off`, `no` or `0` turns it on, even an empty one. Many options (for example `stats`, `touch-reload`, `logger`) switch the master on by themselves, but an explicit `master = false` is applied later and wins.",
  "processes":
    "Number of worker processes to fork; it is the same setting as `workers`. The value goes through `atoi` on 2.0, so `4x` means 4, and a non-numeric value means 0, which starts uWSGI in no-workers mode instead of failing. A negative number stops start-up with an error.",
  "workers":
    "Alias of `processes`: how many worker processes the instance runs. Parsed as a C int (`atoi` on 2.0), so trailing text is dropped and a word counts as 0 (no workers at all); negative values are fatal. If both keys are present, the one written last wins.",
  "threads":
    "Number of threads each worker uses to serve requests. Setting it also enables thread support as if `enable-threads` were given. Read with `atoi` on 2.0, so `8 threads` is 8 and a word is 0.",
  "enable-threads":
    "Turns on thread support in the language plugins (for Python this initialises the GIL), which an application needs if it starts its own threads. Without it, threads created by the app do not run while no request is in progress. Flag: anything except `false`/`off`/`no`/`0` enables it.",
  "lazy-apps":
    "Each worker imports the application itself after being forked, rather than inheriting a copy the master imported once. This avoids sharing state (database connections, random seeds) between workers at the cost of memory and slower respawns; `pre-app`/`post-app` hooks then run in each worker. Flag.",
  "lazy":
    "Older, broader variant of `lazy-apps`: applications are loaded in the workers instead of the master, and a reload only respawns the workers rather than re-executing the master. Flag; prefer `lazy-apps` when only the loading location matters.",
  "single-interpreter":
    "Makes each worker run all its applications in one interpreter instead of creating a separate sub-interpreter per app. Many C extensions only behave correctly this way. Flag.",
  "thunder-lock":
    "Puts a lock around `accept()` shared by all processes, so that only one waiting process is woken for each new connection instead of all of them. Useful with many workers on the same socket. Flag.",
  "cheaper":
    "Turns on on-demand worker scaling: the value is how few workers may remain when the instance is idle, while `processes` stays the ceiling. Using it also forces the master on. Int read with `atoi` on 2.0.",
  "cheaper-initial":
    "How many workers are started at boot when adaptive spawning (`cheaper`) is active. The option also turns on the master and cheaper mode. C int, `atoi` on 2.0.",
  "cheaper-step":
    "How many extra workers the adaptive spawner adds at once when it decides more are needed. The option also switches on the master and cheaper mode. C int, `atoi` on 2.0.",
  "cheaper-algo":
    "Name of the algorithm that decides when workers are added or removed in cheaper mode, e.g. `spare`, `backlog`, `manual`, or `busyness` from the cheaper_busyness plugin. The name is stored as text and looked up when the master sets up adaptive spawning. Forces the master on.",
  "max-requests":
    "Recycles a worker after it has served this many requests: the master replaces it with a fresh process. Parsed as an unsigned 64-bit number with `strtoul`, so trailing text is ignored and garbage gives 0 (no limit).",
  "max-worker-lifetime":
    "Recycles each worker once it has been alive for this many seconds. The value is an unsigned 64-bit number parsed with `strtoul`: `3600s` is read as 3600 and a non-number as 0, which disables the limit.",
  "reload-on-rss":
    "Recycles a worker whose resident memory goes above this many megabytes; the check runs after a request finishes. The number is multiplied by 1048576 (a value containing `.` is read as a fraction), and memory accounting is switched on automatically.",
  "harakiri":
    "Number of seconds a single request may take; when a worker exceeds it, the master kills and respawns that worker. The value is read with `atoi` on 2.0, so `30s` is 30 and `half a minute` is 0, which disables the limit.",
  "harakiri-verbose":
    "When the master kills a worker for exceeding `harakiri`, it also logs extra details about what the worker was doing (on Linux, information taken from `/proc`). Flag.",
  "worker-reload-mercy":
    "Seconds the master waits for a worker to finish its current requests during a graceful reload or recycle before killing it. C int read with `atoi` on 2.0, so `60s` is 60.",
  "reload-mercy":
    "Caps the total wait of a reload or shutdown: after this many seconds the master stops waiting for slow workers and other child processes. Read with `atoi` on 2.0; `30s` counts as 30.",
  "gevent":
    "Runs each worker on the gevent loop with this many async cores (greenlets able to serve requests concurrently), and turns on thread support. The number is a C int, so `100 cores` is read as 100. Requires the gevent plugin (embedded in the default build).",
  "offload-threads":
    "Number of offload threads started per worker; static files and some proxied transfers are handed to them so the worker becomes free sooner. C int, read with `atoi` on 2.0.",
  "listen":
    "Size of the socket listen queue (backlog), 100 by default; on Linux uWSGI refuses to start when it is larger than `net.core.somaxconn`. This option is immediate: it is applied while the file is read, so `$(VAR)` or `%(name)` references in it are not expanded and `atoi` of the literal text gives 0.",
  "no-orphans":
    "Ties the workers' lifetime to the master: on Linux they get a parent-death signal, so none of them keeps running if the master disappears. Flag.",
  "need-app":
    "Treats a start-up in which no application got loaded as fatal, rather than keeping workers alive that can only answer with errors. Flag; note that on the master branch (2.1-dev) this behaviour is the default and such an instance exits with status 22.",
  "die-on-term":
    "On 2.0.x, SIGTERM normally makes the master reload everything; with this flag set it stops the instance instead. On the master branch (2.1-dev) SIGTERM already stops the instance, so the option is deprecated there: the value is ignored and only a warning is logged.",
  "memory-report":
    "Adds memory usage figures to the request log lines. On 2.0.x it is a flag (any value except `false`/`off`/`no`/`0` enables it); on the master branch (2.1-dev) it takes an optional number instead.",
  "auto-procname":
    "Gives the processes descriptive names such as `uWSGI master` and `uWSGI worker 1`, which makes them easy to tell apart in `ps` and `top`. Flag.",
  "procname":
    "Replaces the name of every uWSGI process with this exact text (as shown by `ps`). The string is used as written, including spaces.",
  "procname-prefix":
    "Text placed directly in front of each process name, with nothing in between, so `procname-prefix = app` gives names like `appuWSGI worker 1`.",
  "procname-prefix-spaced":
    "Like `procname-prefix`, but uWSGI adds one space after the value, so `procname-prefix-spaced = app` produces names like `app uWSGI worker 1`.",
  "procname-append":
    "Text added at the end of each process name, for example an instance label so several instances can be told apart in `ps`.",
  "prio":
    "Scheduling priority (nice value) set with `setpriority()`. Unlike most int options it accepts negative numbers, but it is applied after the privilege drop, so a negative value only works if the process stays root.",
  "ksm":
    "Linux only: enables Kernel Samepage Merging for the process memory; the number tells the master how many of its cycles pass between scans. A C int read with `atoi` on 2.0.",
  "honour-stdin":
    "Leaves standard input as it was inherited instead of replacing it with `/dev/null`, which is useful for interactive debugging. Flag.",
  "skip-atexit":
    "Skips the exit handlers (including the `as-user-atexit` hooks) when the instance stops or reloads. Flag.",
  "skip-atexit-teardown":
    "Skips the language runtime's own teardown at process exit (such as finalising the interpreter), which shortens shutdown. Flag.",
  "binary-path":
    "Path of the uwsgi executable that uWSGI runs whenever it starts itself again, for example on a reload or when the Emperor spawns vassals. Set it when the detected path is wrong, e.g. when uWSGI is embedded or started through a wrapper.",
  "after-request-hook":
    "Name of a C function that is called after every request with the request structure as its argument. Repeat the key to register several; each is looked up with `dlsym`.",
  "touch-reload":
    "Path of a file that the master watches: when its modification time changes, the instance is gracefully reloaded. Repeat the key to watch several files. The option switches the master on.",
  "touch-exec":
    "Written as `<file> <command>`: the master runs the shell command whenever the file's modification time changes. Repeat the key for more pairs; the master is switched on automatically.",
  "py-autoreload":
    "Polls the modification times of the imported Python modules every N seconds and reloads the instance when one has changed; meant for development, not production. Enables the master and threads. Int, read with `atoi` on 2.0 (`0` disables it).",
  "optimize":
    "Python optimisation level, like running `python -O` (1) or `-OO` (2). C int read with `atoi` on 2.0.",
  "attach-daemon":
    "Command line of an external program that the master starts and restarts whenever it exits, e.g. a queue consumer. Repeat the key to add more programs; the master is turned on automatically.",
  "attach-daemon2":
    "Key/value form of `attach-daemon`, such as `command=celery worker,freq=5,pidfile=/run/celery.pid`: besides `command` it accepts keys like `freq`, `pidfile`, `control`, `stopsignal`, `reloadsignal`, `uid`, `gid`, `chdir` and `touch`. Each occurrence adds one managed process.",
  "unique-cron":
    "Like `cron`: `<minute> <hour> <day> <month> <weekday> <command>`, with -1 as a wildcard. The master runs the command, but never starts it again while the previous run is still going. Repeat for more tasks.",
  "vassal-set":
    "Used by an Emperor: each `key=value` item is handed to every vassal it starts, as if the vassal's config contained `set = key=value`. Repeat the key to inject several values.",
  "emperor":
    "Turns this instance into an Emperor that watches the given directory, glob or monitor URL for vassal configuration files and runs one instance per file. Repeat the key to watch several places.",

  // ---------------------------------------------------------------- sockets and gateways
  "socket":
    "Adds one listening socket for the workers, speaking the protocol set by `protocol` (uwsgi by default). The value is a UNIX socket path or `[host]:port` (`:3031` means all interfaces); every occurrence binds one more socket instead of replacing the previous one.",
  "uwsgi-socket":
    "Adds one listening socket that always speaks the uwsgi binary protocol, whatever `protocol` says; typically used behind nginx's `uwsgi_pass`. Each occurrence adds another socket.",
  "http-socket":
    "Adds a socket on which the workers themselves speak HTTP, with no separate router process in front; suitable behind a reverse proxy. Each line adds another listener.",
  "http":
    "Starts the HTTP router, a separate gateway process that accepts HTTP clients on this address and forwards requests to the workers. If no worker socket is configured, uWSGI creates an internal one for the router automatically. Each occurrence adds one more address to listen on.",
  "protocol":
    "Default protocol for sockets that do not name one, for example `uwsgi`, `http` or `fastcgi`. The value is stored as written; the last occurrence wins.",
  "chmod-socket":
    "Permissions for UNIX socket files, applied when they are created: no value or `1` means 666, otherwise exactly three octal digits such as `660`; anything else stops start-up. Repeating the key does not simply replace the mode: the older value is shifted into the higher bits, so a stray earlier digit can end up in the setuid/setgid/sticky bits.",
  "chown-socket":
    "Owner for UNIX socket files, written `user` or `user:group`. Because changing ownership needs root, setting it keeps the process privileged until the sockets exist, which moves the `uid`/`gid` drop (and the `as-root`/`as-user` hooks) later in start-up.",
  "socket-timeout":
    "How many seconds a socket read or write (for example receiving a request from a client) may block before uWSGI gives up on it. C int read with `atoi` on 2.0: `10s` is 10.",
  "http-timeout":
    "Timeout in seconds used by the HTTP router (`http`) for its connections, both to clients and to the workers. Read with `atoi` on 2.0, so `60s` means 60.",
  "http-keepalive":
    "Lets the HTTP router keep client connections open between HTTP/1.1 requests when the value is a non-zero number. Parsed as a C int with `atoi` on 2.0.",
  "http-auto-chunked":
    "Makes the HTTP router send responses that have no Content-Length using chunked transfer encoding, so HTTP/1.1 clients can keep the connection open. Flag.",
  "stats":
    "Address (`host:port` or UNIX path) on which the master serves a JSON dump of the instance state: workers, requests, memory and so on. Setting it enables the master.",

  // ---------------------------------------------------------------- privileges, pid files, daemons
  "uid":
    "User to switch to when dropping privileges. A value made only of digits is used as a numeric uid, anything else is looked up as a user name at drop time. The drop only happens when uWSGI was started as root; a non-root start ignores it.",
  "gid":
    "Group to switch to when dropping privileges: all digits means a numeric gid, otherwise a group name resolved at drop time. Like `uid`, it only has an effect when uWSGI starts as root.",
  "add-gid":
    "Adds a supplementary group that the processes keep after the privilege drop, for example to read files owned by another group. Repeat the key to add more groups.",
  "immediate-uid":
    "Calls `setuid()` at the very moment the line is read, long before the normal privilege drop, so later config processing already runs as that user. A name or number is accepted; uid 0 or an unknown user stops start-up. Only magic variables are expanded in the value.",
  "immediate-gid":
    "Switches the group (and clears supplementary groups) as soon as the line is read, while the configuration is still being parsed. Group 0 or an unknown group is fatal. Put it before `immediate-uid`, because after the uid change the process can no longer change its group.",
  "master-as-root":
    "The master never gives up root; only the workers and other children switch to `uid`/`gid`. Flag; it also postpones the early privilege drop in the start-up sequence.",
  "drop-after-init":
    "Postpones the privilege drop until the plugins have been initialised and the sockets are bound, instead of doing it early in start-up. Flag.",
  "drop-after-apps":
    "Postpones the privilege drop until the applications have been loaded, so the app's import-time code still runs as root. Flag; use with care.",
  "pidfile":
    "File the pid of the instance is written to. It is written early, before the privilege drop, so a root start creates it as root and a root-owned directory is fine; on reloads it is not rewritten. Because `vacuum` runs later with reduced privileges, it may not be able to delete this file.",
  "pidfile2":
    "Like `pidfile`, but written after privileges were dropped, so the file is created by the target user and the directory must be writable by that user. Not rewritten on reloads.",
  "safe-pidfile":
    "Variant of `pidfile` for the privileged side of start-up, but written at a later step: if a new start fails while loading the application, a pid file that belongs to an instance that is still running is not overwritten.",
  "safe-pidfile2":
    "Combination of `pidfile2` and `safe-pidfile`: written as the unprivileged user, and only at the later, post-loading point of start-up.",
  "daemonize":
    "Detaches uWSGI from the terminal and sends its log to this path. This happens early, right after the `asap` hooks and before the privilege drop, so the log file is opened with the starting user's rights and the pid changes before `pidfile` is written.",
  "daemonize2":
    "Like `daemonize` (detach and log to the given path), but done late, after the applications have been loaded, so start-up errors still appear on the terminal.",
  "vacuum":
    "On exit, removes the files uWSGI created, such as UNIX socket files and pid files. The cleanup runs with the reduced privileges, so files created as root in root-owned places may stay behind. Flag.",

  // ---------------------------------------------------------------- working directory and environment
  "chdir":
    "Directory to change into during start-up, before the applications are loaded (normally just after the privilege drop, so the target user must be able to enter it). Stored verbatim; remember that `%d` already ends with `/`.",
  "chdir2":
    "Directory each worker changes into after it has been initialised, i.e. after the applications were loaded; with `chdir` you control where the app is imported from, with `chdir2` where the running workers sit.",
  "env":
    "Sets an environment variable, written `NAME=VALUE`, by passing it to `putenv()` when the option is applied. Each occurrence sets one variable, in file order.",

  // ---------------------------------------------------------------- Python
  "module":
    "Python module to import as the WSGI application, optionally with `:callable` (e.g. `project.wsgi:application`). Provided by the python plugin; on distribution builds without `plugin = python3` the key is unknown and silently ignored.",
  "wsgi-file":
    "Path of a Python file to load as the WSGI application; the callable is looked up in it (see `callable`). Provided by the python plugin, so a modular build needs that plugin loaded first or the key is silently ignored.",
  "callable":
    "Name of the WSGI callable inside the module or file, `application` unless set. Python plugin option; stored as written, last value wins.",
  "home":
    "Path of the Python virtualenv to use; the same setting as `virtualenv` and `venv`. Python plugin option, stored verbatim.",
  "virtualenv":
    "Path of the Python virtualenv to run the app in; it sets exactly the same value as `home` and `venv`, so whichever is written last wins.",
  "venv":
    "Short name for `virtualenv`/`home`: the virtualenv directory used by the Python plugin. The last of the three keys wins.",
  "pythonpath":
    "Extends Python's `sys.path` with this directory; a glob pattern adds every path that matches. Repeat the key to add more entries.",
  "wsgi-disable-file-wrapper":
    "Stops offering `wsgi.file_wrapper` to WSGI applications, which works around apps or middleware that misuse it. Flag.",

  // ---------------------------------------------------------------- logging
  "logto":
    "File the log is written to instead of stderr. It is opened early in start-up, before privileges are dropped, so a root start can write into a root-only directory (the file is then owned by root).",
  "logto2":
    "Like `logto`, but the file is opened after the privilege drop, so it is created by and must be writable for the target user. On a reload it is only reopened when `log-reopen` is set.",
  "disable-logging":
    "Turns off the per-request log lines; errors and uWSGI's own messages are still logged. Its meaning is inverted compared with normal flags: `disable-logging = true` (or any other word) disables request logging, while `false`, `off`, `no` or `0` keeps it enabled.",
  "log-master":
    "Makes the master collect everything the workers write to stdout/stderr through a pipe and write it out itself, which is needed for log rotation and pluggable loggers. Flag; it also turns on the master.",
  "logger":
    "Adds a log destination, written `<plugin>[:<args>]`, e.g. `file:/var/log/app.log` or `syslog:myapp`. Each occurrence adds another logger; the option switches on the master and `log-master`.",
  "req-logger":
    "Adds a destination for request log lines only, in the form `<plugin>[:<args>]` (for example `file:/var/log/app-access.log`). Each line adds one; it enables the master, `log-master` and the separate request log pipe.",
  "log-5xx":
    "Logs requests whose response status is 5xx even when request logging is otherwise off, a common pairing with `disable-logging`. Flag.",
  "log-maxsize":
    "Rotates the log file when it grows beyond this many bytes. The number is parsed as an unsigned 64-bit value with `strtoul` (`50M` is read as 50 bytes, not megabytes). Enables the master and `log-master`.",
  "log-backupname":
    "Name given to the old log file when it is rotated (for example because of `log-maxsize`), instead of a name derived from the time.",
  "log-format":
    "Template for request log lines made of `%(name)` variables such as `%(addr)`, `%(method)`, `%(uri)` and `%(status)`. Because the config language also uses `%(name)` for placeholders, a key with the same name (e.g. your own `status = ...`) would be substituted into the template while the file is processed. Same setting as `logformat`.",
  "logformat":
    "Alias of `log-format`: the template of request log lines, built from `%(var)` items. Beware of defining config keys or placeholders with the same names as the variables, since they would be expanded into the template.",
  "log-encoder":
    "Adds a transformation applied to every log line before it is written, in the form `<encoder>[:<args>]` (for example a prefix or JSON formatting). Repeat for a chain of encoders; the master and `log-master` are switched on.",
  "ignore-sigpipe":
    "Silences the SIGPIPE messages that show up when a client disconnects before its response is complete. Flag.",
  "ignore-write-errors":
    "Suppresses the log messages about failed response writes, usually clients that disconnected early. Flag.",
  "disable-write-exception":
    "Prevents the language plugin from raising an exception inside the application when writing the response to the client fails. Flag.",

  // ---------------------------------------------------------------- requests, static files, routing
  "buffer-size":
    "Largest request header block (the uwsgi packet with all variables and headers) a worker accepts, 4096 bytes by default; bigger requests are rejected. On 2.0.x it is a 16-bit number clamped at 65535; on the master branch (2.1-dev) it is 64-bit.",
  "post-buffering":
    "Makes the worker read the whole request body before the app is called: bodies up to this many bytes stay in memory, larger ones go to a temporary file. The number is parsed with `strtoul`, so `8k` is 8; 0 disables buffering.",
  "manage-script-name":
    "Uses the mount points of loaded apps (see `mount`) to split the request path: the matching prefix becomes `SCRIPT_NAME` and is removed from `PATH_INFO`. Flag.",
  "mount":
    "Loads an application under a URL prefix, written `<mountpoint>=<app>`, where the app is a file, module or other plugin-specific reference (e.g. `/blog=blog/wsgi.py`). Repeat for several apps; usually combined with `manage-script-name`. This is not a filesystem mount.",
  "static-map":
    "Serves files directly from disk for a URL prefix, written `<mountpoint>=<directory>` (e.g. `/static=/srv/app/static`). A value without `=` stops start-up. Each occurrence adds a mapping, and the MIME type table is loaded automatically.",
  "static-expires":
    "Written `<regexp> <seconds>`: static files whose name matches get an `Expires` header that lies that many seconds in the future. Requires a build with PCRE; each line adds one rule.",
  "add-header":
    "Header line added to every response, e.g. `X-Frame-Options: DENY`. Repeat the key to add more headers.",
  "route":
    "Internal routing rule `<regexp> <action>`, matched against the request's `PATH_INFO`; the first space separates the two parts. Rules run in file order. Only exists in builds with routing support (PCRE).",
  "route-run":
    "Routing rule without a condition: the action (e.g. `addheader:X-Served-By: app1`) is executed for every request that reaches this point of the chain. Builds with routing support only.",
  "route-if":
    "Conditional routing rule written `<condition>:<argument> <action>`, where the condition is a check such as `equal`, `startswith` or `exists`. Each occurrence appends a rule to the chain; needs routing support.",

  // ---------------------------------------------------------------- plugins
  "plugins":
    "Loads plugins, given as a comma-separated list; each item is a name (`python3` becomes `python3_plugin.so`, searched in `plugins-dir` and the built-in directory) or a path containing `/`. Applied immediately while the file is read. A plugin that cannot be loaded is only logged, not fatal, even for a plugin already built into the binary.",
  "plugin":
    "Same as `plugins`: loads one or more comma-separated plugins at the moment the line is read. Loading failures are logged and start-up continues; use `need-plugin` when a missing plugin should stop uWSGI.",
  "need-plugin":
    "Loads the listed plugins like `plugin`, but exits if any of them cannot be loaded. Careful: naming a plugin that is already embedded in the binary (e.g. `python` on the default build) also counts as a failure and stops start-up.",

  // ---------------------------------------------------------------- configuration language
  "strict":
    "Makes unknown keys fatal instead of silently ignored, also for keys written above it and for `UWSGI_*` environment variables; it also makes `set` of an unknown name fatal and leaves `set-placeholder`/`set-ph` as the only way to define placeholders. It is applied immediately; `strict = false` turns it off again.",
  "ini":
    "Reads another ini file at this point, as if its lines were written here; `file.ini:section` selects a section other than `[uwsgi]`. Applied immediately while reading, so only magic variables work in the path: `$(VAR)` and `%(name)` stay literal, while `%d` (which ends in `/`) is fine.",
  "include":
    "Reads another config file in place, choosing the parser by extension (`.ini`, `.xml`, `.yaml`/`.yml`, `.json`/`.js`); an unknown extension is fatal. It is immediate, so only magic variables are expanded in the path, and an `if-*` block left open inside the included file continues into this one.",
  "inherit":
    "Loads another config file, but only after everything else has been read, and appends its options at the end. As a result, for options where the last value wins, the inherited file overrides the file that inherits it, and its values see no `$()`, `@()` or `%()` expansion.",
  "set-placeholder":
    "Defines a placeholder, `name=value`, usable later as `%(name)`, without creating an option; a name that is already an option is fatal. It is applied immediately and its own value is never expanded (`$(VAR)` inside it stays literal). The form that keeps working under `strict`.",
  "set-ph":
    "Short name for `set-placeholder`: defines `name=value` for later `%(name)` references, is fatal if the name is a real option, and does not expand `$()`, `@()` or `%()` in its value.",
  "declare-option":
    "Creates a new option: `name=opt1=v1;opt2=v2` means that writing `name = a b` runs each `opt=value` template with `$1`, `$2`, ... replaced by the space-separated words. It is immediate, so the new key only works on lines after it, and the options it expands to are applied directly (invisible to `%()` and `if-opt`).",
  "declare-option2":
    "Like `declare-option` (define a custom option from `name=opt=value;...` templates with `$1`..`$N` arguments), but the declaration is made when the configuration is applied instead of while reading, so only lines after it can use the new key.",
  "for":
    "Opens a loop block: the lines up to `endfor` are repeated once for each space-separated word of the value, with `%(_)` replaced by the word. Blocks cannot be nested; opening a second one before closing the first is fatal.",
  "if-env":
    "Opens a block that is used only if the environment variable exists (`VAR`, even when empty) or has exactly a given value (`VAR=value`); inside it `%(_)` is the variable's value. Close it with `endif`; blocks cannot be nested.",
  "endif":
    "Closes the open `if-*` or `for` block (it is interchangeable with `endfor`, `end-if` and `end-for`); any value is ignored and a bare `endif` line works. Without an `endif`, a block runs to the end of the configuration, even out of an included file.",
  "print":
    "Writes its value to the log when the configuration is applied, after `$()`, `@()` and `%()` references were expanded, which makes it useful for checking what a placeholder turned into. Every occurrence prints.",

  // ---------------------------------------------------------------- hooks (see phases.ts / actions.ts)
  "hook-asap":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `asap` phase, which runs right after the configuration has been applied, before logging and daemonizing, still with the starting user's rights. If a step fails, the instance is stopped. Repeat the key for more steps; they run in file order.",
  "hook-pre-jail":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `pre-jail` phase, which runs once per cold start (not on reloads), before any jail or namespace and before the privilege drop. If a step fails, the instance is stopped. Repeat the key for more steps; they run in file order.",
  "hook-post-jail":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `post-jail` phase, which runs after a configured jail was entered and before the privilege drop; never for a non-root start. If a step fails, the instance is stopped. Repeat the key for more steps; they run in file order.",
  "hook-in-jail":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `in-jail` phase, which runs at the start of server set-up on every start and reload, inside the namespace if one is used, before the privilege drop. If a step fails, the instance is stopped. Repeat the key for more steps; they run in file order.",
  "hook-as-root":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `as-root` phase, which runs as root, just before switching to `uid`/`gid`; skipped completely when uWSGI is not started as root. If a step fails, the instance is stopped. Repeat the key for more steps; they run in file order.",
  "hook-as-user":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `as-user` phase, which runs just after the switch to `uid`/`gid`; skipped when uWSGI is not started as root. If a step fails, the instance is stopped. Repeat the key for more steps; they run in file order.",
  "hook-as-user-atexit":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `as-user-atexit` phase, which runs in the master when the instance stops or reloads, as the unprivileged user; skipped with `skip-atexit`. A failing step is logged and the rest still run. Repeat the key for more steps; they run in file order.",
  "hook-pre-app":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `pre-app` phase, which runs just before the applications are loaded (in the master, or in each worker with `lazy-apps`). If a step fails, the instance is stopped. Repeat the key for more steps; they run in file order.",
  "hook-post-app":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `post-app` phase, which runs right after the applications are loaded, in the process that loaded them. If a step fails, the instance is stopped. Repeat the key for more steps; they run in file order.",
  "hook-accepting":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `accepting` phase, which runs in every worker just before it starts accepting requests, on each spawn. If a step fails, the instance is stopped. Repeat the key for more steps; they run in file order.",
  "hook-accepting1":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `accepting1` phase, which runs only in worker 1, before its accept loop, on each spawn of that worker. If a step fails, the instance is stopped. Repeat the key for more steps; they run in file order.",
  "hook-accepting-once":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `accepting-once` phase, which runs in every worker before its accept loop, but only on that worker's first spawn. If a step fails, the instance is stopped. Repeat the key for more steps; they run in file order.",
  "hook-accepting1-once":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `accepting1-once` phase, which runs only in worker 1 and only on its first spawn, right before it accepts requests. If a step fails, the instance is stopped. Repeat the key for more steps; they run in file order.",
  "hook-master-start":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `master-start` phase, which runs in the master when it enters its management loop. If a step fails, the instance is stopped. Repeat the key for more steps; they run in file order.",
  "hook-emperor-start":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `emperor-start` phase, which runs in the Emperor when its monitoring loop starts. If a step fails, the instance is stopped. Repeat the key for more steps; they run in file order.",
  "hook-emperor-stop":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `emperor-stop` phase, which runs in a vassal's master when its Emperor tells it to stop. A failing step is logged and the rest still run. Repeat the key for more steps; they run in file order.",
  "hook-emperor-reload":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `emperor-reload` phase, which runs in a vassal's master when its Emperor tells it to reload. A failing step is logged and the rest still run. Repeat the key for more steps; they run in file order.",
  "hook-emperor-lost":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `emperor-lost` phase, which runs in a vassal's master when the connection to the Emperor breaks. A failing step is logged and the rest still run. Repeat the key for more steps; they run in file order.",
  "hook-as-vassal":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `as-vassal` phase, which runs in the child forked by the Emperor for a vassal, before the uwsgi binary is executed (still with the Emperor's rights). If a step fails, the instance is stopped. Repeat the key for more steps; they run in file order.",
  "hook-as-emperor":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `as-emperor` phase, which runs in the Emperor after it has spawned a vassal. A failing step is logged and the rest still run. Repeat the key for more steps; they run in file order.",
  "hook-as-mule":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `as-mule` phase, which runs in each mule right after it is forked. If a step fails, the instance is stopped. Repeat the key for more steps; they run in file order.",
  "hook-as-gateway":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `as-gateway` phase, which runs in each gateway process (http router, fastrouter, ...) right after its fork, before it drops privileges. If a step fails, the instance is stopped. Repeat the key for more steps; they run in file order.",
  "hook-as-on-demand-vassal":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `as-on-demand-vassal` phase, which runs in the Emperor when a vassal switches to on-demand mode; any failing step removes the vassal. Repeat the key for more steps; note that the key exists only on the master branch (2.1-dev), and 2.0.x silently ignores it as unknown.",
  "hook-as-on-config-vassal":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `as-on-config-vassal` phase, which runs in the Emperor when an on-demand vassal's config changes; any failing step curses the vassal. Repeat the key for more steps; note that the key exists only on the master branch (2.1-dev), and 2.0.x silently ignores it as unknown.",
  "hook-as-emperor-before-vassal":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `as-emperor-before-vassal` phase, which runs in the Emperor just before a vassal is spawned; a failing step cancels the spawn. Repeat the key for more steps; note that the key exists only on the master branch (2.1-dev), and 2.0.x silently ignores it as unknown.",
  "hook-as-vassal-before-drop":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `as-vassal-before-drop` phase, which runs inside a vassal before it gives up its privileges (Linux clone path). If a step fails, the instance is stopped. Repeat the key for more steps; note that the key exists only on the master branch (2.1-dev), and 2.0.x silently ignores it as unknown.",
  "hook-as-emperor-setns":
    "Adds one hook step, written `<action>:<args>` (e.g. `print:hello`, `mkdir:/run/app`), to the `as-emperor-setns` phase, which runs in a helper the Emperor forks, which first joins the new vassal's namespaces (Linux). A failing step is logged and the rest still run. Repeat the key for more steps; note that the key exists only on the master branch (2.1-dev), and 2.0.x silently ignores it as unknown.",
  "hook-touch":
    "Runs a hook action whenever a file changes: the value is `<file> <action>:<args>`, and the master fires the action when the file's modification time changes or the file appears or disappears. Needs the master; failures are ignored.",
  "exec-asap":
    "Adds a shell command, run with `/bin/sh -c` (or `binsh`) and waited for, to the `asap` phase, which runs right after the configuration has been applied, before logging and daemonizing, still with the starting user's rights. A non-zero exit status stops the instance. Repeat the key for more commands.",
  "exec-pre-jail":
    "Adds a shell command, run with `/bin/sh -c` (or `binsh`) and waited for, to the `pre-jail` phase, which runs once per cold start (not on reloads), before any jail or namespace and before the privilege drop. A non-zero exit status stops the instance. Repeat the key for more commands.",
  "exec-post-jail":
    "Adds a shell command, run with `/bin/sh -c` (or `binsh`) and waited for, to the `post-jail` phase, which runs after a configured jail was entered and before the privilege drop; never for a non-root start. A non-zero exit status stops the instance. Repeat the key for more commands.",
  "exec-in-jail":
    "Adds a shell command, run with `/bin/sh -c` (or `binsh`) and waited for, to the `in-jail` phase, which runs at the start of server set-up on every start and reload, inside the namespace if one is used, before the privilege drop. A non-zero exit status stops the instance. Repeat the key for more commands.",
  "exec-as-root":
    "Adds a shell command, run with `/bin/sh -c` (or `binsh`) and waited for, to the `as-root` phase, which runs as root, just before switching to `uid`/`gid`; skipped completely when uWSGI is not started as root. A non-zero exit status stops the instance. Repeat the key for more commands.",
  "exec-as-user":
    "Adds a shell command, run with `/bin/sh -c` (or `binsh`) and waited for, to the `as-user` phase, which runs just after the switch to `uid`/`gid`; skipped when uWSGI is not started as root. A non-zero exit status stops the instance. Repeat the key for more commands.",
  "exec-as-user-atexit":
    "Adds a shell command, run with `/bin/sh -c` (or `binsh`) and waited for, to the `as-user-atexit` phase, which runs in the master when the instance stops or reloads, as the unprivileged user; skipped with `skip-atexit`. Its exit status is not checked for failure. Repeat the key for more commands.",
  "exec-pre-app":
    "Adds a shell command, run with `/bin/sh -c` (or `binsh`) and waited for, to the `pre-app` phase, which runs just before the applications are loaded (in the master, or in each worker with `lazy-apps`). A non-zero exit status stops the instance. Repeat the key for more commands.",
  "exec-post-app":
    "Adds a shell command, run with `/bin/sh -c` (or `binsh`) and waited for, to the `post-app` phase, which runs right after the applications are loaded, in the process that loaded them. A non-zero exit status stops the instance. Repeat the key for more commands.",
  "exec-as-vassal":
    "Adds a shell command, run with `/bin/sh -c` (or `binsh`) and waited for, to the `as-vassal` phase, which runs in the child forked by the Emperor for a vassal, before the uwsgi binary is executed (still with the Emperor's rights). A non-zero exit status stops the instance. Repeat the key for more commands.",
  "exec-as-emperor":
    "Adds a shell command, run with `/bin/sh -c` (or `binsh`) and waited for, to the `as-emperor` phase, which runs in the Emperor after it has spawned a vassal. The command gets `UWSGI_VASSAL_CONFIG`, `UWSGI_VASSAL_PID`, `UWSGI_VASSAL_UID` and `UWSGI_VASSAL_GID` in its environment, and its exit status is not treated as a failure; repeat the key for more commands.",

  // ---------------------------------------------------------------- options that make uWSGI exit
  "version":
    "Prints the uWSGI version string and exits with status 0 as soon as the configuration is applied, so an instance whose config contains it never starts serving.",
  "help":
    "Prints the list of command-line options and exits with status 0. It is applied immediately while the file is read, so nothing written after it takes effect; mainly meant for the command line.",
  "usage":
    "Same as `help`: prints the option summary and exits with status 0 the moment the line is read.",
  "stop":
    "Control command, not a setting: reads the pid from the given pid file, sends that process SIGINT to shut the instance down, and exits. Being immediate, its value only gets magic-variable expansion; inside a normal config it would stop the running instance and end the start-up.",
  "reload":
    "Control command: sends SIGHUP, the graceful-reload signal, to the pid found in the given pid file, then exits. Applied immediately, so only magic variables are expanded in the path.",
  "pause":
    "Control command: sends SIGTSTP to the pid stored in the given pid file and exits; the master treats that signal as a pause/resume toggle. Immediate, so only magic variables work in the path.",
  "suspend":
    "Control command equivalent to `pause`: signals the pid in the given pid file with SIGTSTP and exits at once.",
  "resume":
    "Control command that sends the same SIGTSTP toggle as `pause` to the pid in the given pid file, so a suspended instance continues; uWSGI exits right after.",
  "signal":
    "Sends a uWSGI signal to a remote instance, written `<address>,<signum>`, and exits: status 0 on success, 1 on failure, 2 when the signal is rejected, 3 for an invalid number.",
  "exit":
    "Makes uWSGI exit immediately with the numeric value as status (read with `atoi`, so an empty value gives 0). Applied while the file is read; sometimes used at the end of a conditional block to abort on an unsupported host.",
  "cflags":
    "Outputs the compiler flags of this build, which out-of-tree plugin builds need, then exits with status 0.",
  "dot-h":
    "Prints the `uwsgi.h` header the binary was built from and exits with status 0; used when building plugins outside the source tree.",
  "config-py":
    "Prints the `uwsgiconfig.py` build script embedded in the binary and exits with status 0.",
  "build-plugin":
    "Builds a plugin from the given source directory using the build data embedded in the binary, then exits.",
  "binary-append-data":
    "Writes the given file to standard output followed by an 8-byte length and exits with status 0; the output is meant to be appended to the uwsgi binary to embed data in it.",
  "extract":
    "Dumps the content of the given file or URL (any scheme uWSGI can read, such as `sym://` or `http://`) to standard output and exits with status 0.",
  "connect-and-read":
    "Connects to the given socket address, copies whatever it receives to standard output and exits; handy for reading a stats socket.",
  "print-sym":
    "Prints the content of the named symbol embedded in the binary and exits with status 0.",
  "print-symbol":
    "Same as `print-sym`: writes out the content of an embedded symbol and exits.",
  "python-version":
    "Prints the version of the Python the python plugin is linked with and exits with status 0. Applied immediately while the file is read.",
  "perl-version":
    "Provided by the psgi plugin: prints the Perl version it was built against and exits with status 0. The plugin must already be loaded when the line is read.",
  "ldap-schema":
    "Provided by the ldap plugin (not built in by default): prints an LDAP schema describing uWSGI's options and exits.",
  "ldap-schema-ldif":
    "Provided by the ldap plugin: prints the LDAP schema for uWSGI's options in LDIF format and exits.",
};
