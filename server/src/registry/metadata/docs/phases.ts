/**
 * Hover text for the hook phases (the `<phase>` part of `hook-<phase>`,
 * `exec-<phase>`, `call-<phase>`, `mount-<phase>` and `umount-<phase>`).
 *
 * Written for uwsgi-ini from the facts in hooks.json / SEMANTICS.md.
 * Keys are exact phase names from hooks.json.
 */
export const phaseDocs: Record<string, string> = {
  "asap":
    "The earliest phase: it runs in the first uWSGI process as soon as every option has been applied, before log files are opened, before daemonizing and before any jail or privilege change, so a root start is still root here. A failing action aborts start-up. Typical use: create a runtime directory that `logto` or `pidfile` will need, e.g. `hook-asap = mkdir:/run/app`.",
  "pre-jail":
    "Runs in the main process after the `pidfile` has been written and before any namespace, chroot or jail is set up; it is skipped on reloads, so it happens once per cold start. The process still has whatever privileges it was started with, and a failure is fatal. Use it for one-time host preparation, such as mounting a filesystem that the jail will later see.",
  "post-jail":
    "Runs in the main process right after a jail (Linux namespace or FreeBSD jail) has been entered and before privileges are dropped. It is only reached when a jail was really configured and the process is root (a non-root start never runs it), and a failure is fatal. Use it to finish setting up the inside of the new jail from the outside view.",
  "in-jail":
    "Runs at the very beginning of the server start-up code on every start and every reload, inside the new namespace when one is used, and also when no jail is configured at all. Privileges have not been dropped yet, so a root start is still root. Failures are fatal; a common use is mounting `/proc` or tmpfs inside a namespace, e.g. `mount-in-jail = proc none /proc`.",
  "as-root":
    "The last step before uWSGI switches to `uid`/`gid` (and applies chroot or capabilities), executed in the main process as root. It is skipped entirely when uWSGI is not started as root, and if root never drops privileges it can run several times (four were observed on 2.0.30). Failures are fatal except for `call-as-root`; a good place to create and chown a socket directory, e.g. `hook-as-root = mkdir:/run/app`.",
  "as-user":
    "Runs in the main process immediately after privileges were dropped, so actions execute as the target user. Like `as-root` it only happens when uWSGI was started as root, and it repeats if the process stays root. A failure is fatal; use it to check that the unprivileged user can reach its files, e.g. `hook-as-user = exec:test -w /srv/app/media` (magic variables like `%U` would name the starting user, since they are expanded when the file is read).",
  "as-user-atexit":
    "Runs in the master when the instance shuts down or reloads (it is checked against the master pid, so workers never run it), after privileges were dropped, i.e. as the unprivileged user. Failures are ignored and the list is not run when `skip-atexit` is set. Use it for cleanup such as `hook-as-user-atexit = unlink:/run/app/ready`.",
  "pre-app":
    "Runs just before the applications are loaded, in the process that loads them: the master normally, or each worker with `lazy-apps`. Privileges are usually already dropped here unless `drop-after-apps` (or a similar option) postpones the drop. A failure is fatal; use it to make sure something the app imports exists, e.g. `exec-pre-app = /srv/app/bin/migrate --check`.",
  "post-app":
    "Runs right after all applications (and `mount` entries) were loaded, in the same process that loaded them, so once in the master or once per worker with `lazy-apps`. Failures of hook and exec entries are fatal, call entries are not. Use it to signal readiness, e.g. `hook-post-app = write:/run/app/loaded 1`.",
  "post-fork":
    "Runs in every worker immediately after it has been forked from the master (after the plugins' own post-fork work), on each spawn and respawn. Workers normally run as the unprivileged user at this point. A failing action is fatal; use it for per-worker setup such as `hook-post-fork = print:worker forked`.",
  "accepting":
    "Runs in each worker just before it enters its request accept loop, again every time the worker is respawned. The worker is already unprivileged. A failure is fatal; it is the right moment to log or notify that a worker is ready to take requests.",
  "accepting1":
    "Like `accepting`, but only worker number 1 runs it, on every respawn of that worker. Workers run unprivileged here and a failure is fatal. Useful when exactly one process should announce readiness, e.g. `hook-accepting1 = writefifo:/run/app/notify ready`.",
  "accepting-once":
    "Runs in each worker right before its accept loop, but only on that worker's first spawn; respawns skip it. The worker is unprivileged and a failure is fatal. Use it for one-time per-worker warm-up that should not repeat after a worker is recycled.",
  "accepting1-once":
    "Runs only in worker 1, before its accept loop, and only the first time that worker is spawned, which makes it the closest thing to a single \"instance is up\" event. The worker is unprivileged and a failure is fatal. Example: `hook-accepting1-once = exec:touch /run/app/up`.",
  "master-start":
    "Runs in the master process once it enters its main management loop. The master has usually dropped privileges by now unless `master-as-root` is set. A failure is fatal; use it to register the instance somewhere once the master is managing it.",
  "emperor-start":
    "Runs in the Emperor process when it starts its monitoring loop, before vassals are managed. It runs with the Emperor's own privileges (often root) and a failure is fatal. Use it to prepare shared directories the vassals expect.",
  "emperor-stop":
    "Runs in a vassal's master when its Emperor asks it to stop (plain or graceful stop). It runs with the vassal's privileges and failures are ignored. Use it to deregister the vassal from a load balancer before it exits.",
  "emperor-reload":
    "Runs in a vassal's master when its Emperor asks it to reload. It runs with the vassal's privileges and failures are ignored. Use it to log or announce the reload.",
  "emperor-lost":
    "Runs in a vassal's master when the connection to its Emperor is lost. It runs with the vassal's privileges and failures are ignored. Use it to raise an alarm, e.g. `hook-emperor-lost = alarm:pager emperor gone`.",
  "as-vassal":
    "Runs in the child the Emperor has just forked for a vassal, before that child executes the uwsgi binary, so it still has the Emperor's privileges (usually root). Failures are fatal for that vassal. `call-as-vassal1`/`call-as-vassal3` variants receive the vassal name (and uid/gid); a typical use is per-vassal mounts or directories.",
  "as-emperor":
    "Runs in the Emperor after a vassal has been spawned; `exec-as-emperor` commands see `UWSGI_VASSAL_CONFIG`, `UWSGI_VASSAL_PID`, `UWSGI_VASSAL_UID` and `UWSGI_VASSAL_GID` in their environment. It runs with the Emperor's privileges and failures are ignored. Use it to record which pid serves which vassal.",
  "as-on-demand-vassal":
    "Master branch (2.1-dev) only: runs in the Emperor when a vassal goes into on-demand mode, with `UWSGI_HOOK_CONTEXT` set to the vassal name. Every action runs; if any fails the vassal is removed. On 2.0.x `hook-as-on-demand-vassal` is an unknown key and is silently ignored.",
  "as-on-config-vassal":
    "Master branch (2.1-dev) only: runs in the Emperor when the configuration of an on-demand vassal changes, with `UWSGI_HOOK_CONTEXT` holding the vassal name. All actions run and any failure curses the vassal. On 2.0.x the option is an unknown key.",
  "as-emperor-before-vassal":
    "Master branch (2.1-dev) only: runs in the Emperor just before it spawns a new vassal, with the Emperor's privileges. All actions run, and a failure cancels that spawn. On 2.0.x the option does not exist.",
  "as-vassal-before-drop":
    "Master branch (2.1-dev) only: runs inside a vassal before it gives up its privileges (the Linux clone/user-namespace path), so it is still privileged there. A failure is fatal. On 2.0.x the option does not exist.",
  "as-emperor-setns":
    "Master branch (2.1-dev), Linux only: for each entry the Emperor forks a helper that joins the namespaces of the new vassal (`/proc/<pid>/ns/...`), exports the vassal pid/uid/gid, runs the action and exits with its result. Failures are not fatal. Use it to configure networking inside a vassal's namespace from the host side.",
  "as-mule":
    "Runs in each mule right after it is forked, on every spawn. Mules run with the instance's unprivileged identity by then, and a failure is fatal. Use it for mule-specific setup, e.g. `hook-as-mule = print:mule ready`.",
  "as-gateway":
    "Runs in each gateway process (http router, fastrouter, rawrouter, ...) right after it is forked and before that gateway drops to its own uid/gid, so it may still be privileged. A failure is fatal. Use it for gateway-only preparation such as a certificate directory.",
  "touch":
    "Not a start-up step: `hook-touch = <file> <action>:<args>` makes the master run the action whenever the file's modification time changes or the file appears or disappears. It needs the master process, and failures are ignored. Example: `hook-touch = /srv/app/flush print:cache flush requested`.",
};
