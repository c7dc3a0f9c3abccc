/**
 * Hover text for hook actions (the part before the first `:` in a
 * `hook-<phase>` value). Written for uwsgi-ini from hooks.json facts.
 * Keys are exact action names from hooks.json.
 */
export const actionDocs: Record<string, string> = {
  "alarm":
    "Raises one of the alarms defined with `alarm`, passing it a message: the text before the first space is the alarm name, the rest is the message. Without a space the action fails. Example: `hook-emperor-lost = alarm:mail emperor connection lost`.",
  "append":
    "Opens the file in append mode and adds everything after the first space to its end, without a newline. Example: `hook-as-user = append:/srv/app/boot.log started`.",
  "appendn":
    "Appends the text after the first space to the file and then a newline; with only a file name it appends just the newline. Example: `hook-post-app = appendn:/srv/app/boot.log apps loaded`.",
  "call":
    "Looks the C symbol up with `dlsym` and calls it: with no argument as `f(void)`, otherwise as `f(char *)` with the text after the first space. A symbol that cannot be found is a failure; the function's return value is ignored. Example: `hook-pre-app = call:my_setup /etc/app.conf`.",
  "callint":
    "Like `call`, but the argument after the first space is converted with `atoi` and passed as an `int` (without an argument the function gets no parameters). Example: `hook-as-root = callint:my_limits 4096`.",
  "callintret":
    "Calls a C function with an optional integer argument (as `callint` does) and treats its integer return value as the hook result, so non-zero counts as a failure. Example: `hook-as-user = callintret:check_port 8000`.",
  "callret":
    "Calls a C function with an optional string argument (as `call` does) and uses its integer return value as the hook result: anything other than 0 is a failure, which is fatal in fatal phases. Example: `hook-pre-app = callret:verify_config /etc/app.conf`.",
  "cd":
    "Changes the current directory of the process running the hook; a failed `chdir()` makes the hook fail. Same as `chdir`. Example: `hook-pre-app = cd:/srv/app`.",
  "chdir":
    "Same function as `cd`: switches the working directory of the process that runs the phase and fails if the directory cannot be entered. Example: `hook-in-jail = chdir:/`.",
  "chmod":
    "Changes the permission bits of a file. The argument is `<file> <mode>` with the mode as an octal string; a missing space or an invalid mode is a failure. Example: `hook-as-root = chmod:/run/app 0750`.",
  "chown":
    "Changes owner and group of a file, written `<file> <user> <group>`. Both are looked up by name only, so numeric ids do not work here (use `chown2` for those). Example: `hook-as-root = chown:/run/app www-data www-data`.",
  "chown2":
    "Numeric form of `chown`: `<file> <uid> <gid>` with plain numbers, no name lookup. Example: `hook-as-root = chown2:/run/app 33 33`.",
  "creat":
    "Alias of `create`: makes an empty file, truncating it if it already exists. Example: `hook-as-user = creat:/run/app/ready`.",
  "create":
    "Opens the path with create-and-truncate (mode 0666 before the umask) and closes it again, leaving an empty regular file; it never creates a directory. Example: `hook-post-app = create:/run/app/ready`.",
  "exec":
    "Runs the rest of the value as a shell command (through `binsh`, `/bin/sh -c` by default) and waits for it; a non-zero exit status is a failure. Example: `hook-as-root = exec:chown -R app: /run/app`.",
  "exit":
    "Terminates the process running the phase. The status code is only parsed when the argument is longer than one character, so `exit:` and `exit:5` both exit with 0 while `exit:10` exits with 10. Example: `hook-asap = exit:10`.",
  "hostname":
    "Sets the system host name with `sethostname()`, which normally only makes sense as root inside a new UTS namespace (it always fails on Cygwin). Example: `hook-in-jail = hostname:app1`.",
  "log":
    "Alias of `print`: writes the text to the uWSGI log followed by a newline and never fails. Example: `hook-master-start = log:master is up`.",
  "mkdir":
    "Creates one directory with mode 0777 minus the umask. It does not create parents and it fails when the path already exists, which is fatal in phases like `asap` or `as-root`. Example: `hook-as-root = mkdir:/run/app`.",
  "mount":
    "Mounts a filesystem; the argument is `<fstype> <source> <mountpoint> [<flags> [<data>]]`, where flags is a comma list such as `bind,rec,ro,nosuid,nodev,noexec` (`defaults` is skipped, an unknown flag makes uWSGI exit). Linux and FreeBSD only. Example: `hook-in-jail = mount:tmpfs none /tmp`.",
  "print":
    "Writes the argument to the log with a newline added; it always succeeds, which makes it handy for tracing the order of phases. Example: `hook-as-user = print:privileges dropped`.",
  "putenv":
    "Passes the whole argument to `putenv()`, so it must look like `NAME=VALUE`; the variable is set in the process running the phase and inherited by what it forks later. Example: `hook-pre-app = putenv:TZ=UTC`.",
  "retryrpc":
    "Same call as `rpc`, but when the call fails it waits two seconds and tries again, without limit, until it succeeds. Example: `hook-accepting1-once = retryrpc:register@10.0.0.5:3031 app1`.",
  "rpc":
    "Calls a uWSGI RPC function, locally or on `<func>@<node>`. The remaining text is split on spaces and tabs (quotes are honoured, at most 256 arguments) and the result is written to the log. Example: `hook-post-app = rpc:warmup@127.0.0.1:3031 all`.",
  "safeexec":
    "Runs a shell command like `exec` but never fails: a non-zero exit status is only logged, so start-up continues. Example: `hook-asap = safeexec:/usr/local/bin/notify starting`.",
  "spinningfifo":
    "Writes content to a FIFO, retrying once per second until the FIFO can be opened (for example until a reader appears). The argument is `<fifo> <content>`. Example: `hook-accepting1-once = spinningfifo:/run/app/ctl ready`.",
  "sticky":
    "Adds the sticky bit to the current mode of a file or directory, leaving the other bits untouched. Example: `hook-as-root = sticky:/run/app/shared`.",
  "umount":
    "Unmounts a mountpoint, optionally with flags as for `mount`; the `rec`/`recursive` flag first unmounts everything mounted below it (found through `/proc/self/mounts`). Example: `hook-in-jail = umount:/mnt/old rec,detach`.",
  "unix_signal":
    "Installs a C function found with `dlsym` as the handler of a UNIX signal: `<signum> <symbol>`, where the function takes the signal number as an int. Example: `hook-post-fork = unix_signal:10 my_usr1_handler`.",
  "unlink":
    "Deletes the named file with `unlink()`; the result of that call is the hook result, so a missing file counts as a failure. Example: `hook-as-user-atexit = unlink:/run/app/ready`.",
  "wait_for_dir":
    "Pauses the phase until the path exists and is a directory, e.g. until a network share is mounted. Example: `hook-pre-app = wait_for_dir:/mnt/media`.",
  "wait_for_file":
    "Pauses the phase until the path exists and is a regular file. Example: `hook-pre-app = wait_for_file:/run/secrets/db`.",
  "wait_for_fs":
    "Pauses the phase until something exists at the path, whatever its type; how long it may wait is limited by `wait-for-fs-timeout`. Example: `hook-as-root = wait_for_fs:/dev/shm`.",
  "wait_for_socket":
    "Pauses the phase until the given socket address accepts connections; the wait is limited by `wait-for-socket-timeout`. Example: `hook-pre-app = wait_for_socket:127.0.0.1:5432`.",
  "write":
    "Truncates the file and writes everything after the first space into it, with no newline at the end. Example: `hook-as-root = write:/proc/sys/net/core/somaxconn 4096`.",
  "writefifo":
    "Writes content to a FIFO without blocking; when no process has the FIFO open for reading, the write is quietly counted as a success. Example: `hook-accepting1-once = writefifo:/run/app/events up`.",
  "writen":
    "Same as `write` (truncate, then write the text after the first space) but a newline is added at the end. Example: `hook-as-user = writen:/run/app/owner app`.",
  "ffi":
    "Provided by the `libffi` plugin: calls a C symbol with the listed arguments, where `int:`, `sint:` and `uint:` prefixes pass integers and anything else is passed as a string pointer. The action always reports failure (-1), so only use it in non-fatal phases. Example: `hook-as-emperor = ffi:my_func int:3 hello`.",
  "perl":
    "Provided by the `psgi` plugin on the master branch (2.1-dev) only: evaluates the argument as Perl code; it fails only when the evaluation returns nothing. Not available in 2.0.x. Example: `hook-post-app = perl:print qq(ready\\n)`.",
  "tcc":
    "Provided by the `libtcc` plugin: wraps the argument in a C function body, compiles it in memory with libtcc and runs it. Example: `hook-asap = tcc:puts(\"hi\")`.",
};
