// Seeded generator of realistic uWSGI ini text for the benchmarks: what a big deployment file looks
// like (an [uwsgi] section pulling in per-app sections with `ini = :name`, placeholders, config-logic
// blocks, hooks, comments, the occasional typo and `%` line join). Same seed, same text.

/** mulberry32: small, fast, good enough to pick words; deterministic across runs and machines. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Options weighted roughly by how often the corpus uses them, with value makers.
type ValueMaker = (pick: Picker, app: string) => string;
/** Options a section may set several times on purpose; the others are set at most once per section. */
const REPEATABLE = new Set(['env', 'static-map', 'route', 'attach-daemon']);
const OPTIONS: readonly [key: string, weight: number, value: ValueMaker][] = [
  ['master', 8, () => 'true'],
  ['processes', 7, (p) => String(p.int(1, 16))],
  ['socket', 7, (p, app) => p.chance(0.5) ? `/run/uwsgi/${app}.sock` : `127.0.0.1:${p.int(3000, 9999)}`],
  ['module', 6, (p, app) => `${app}.wsgi:${p.one(['application', 'app'])}`],
  ['chdir', 6, (_p, app) => `%(base)/${app}`],
  ['vacuum', 4, () => 'true'],
  ['chmod-socket', 4, (p) => p.one(['660', '664', '666'])],
  ['threads', 3, (p) => String(p.int(1, 8))],
  ['enable-threads', 3, () => 'true'],
  ['buffer-size', 2, () => '32768'],
  ['env', 3, (p, app) => `${p.one(['DJANGO_SETTINGS_MODULE', 'APP_ENV', 'LANG'])}=${app}.settings`],
  ['die-on-term', 2, () => 'true'],
  ['max-requests', 2, (p) => String(p.int(500, 5000))],
  ['pidfile', 2, (_p, app) => `/run/uwsgi/${app}.pid`],
  ['logto', 2, (_p, app) => `/var/log/uwsgi/%n-${app}.log`],
  ['harakiri', 2, (p) => String(p.int(20, 120))],
  ['static-map', 2, (_p, app) => `/static=%(base)/${app}/static`],
  ['home', 1, (_p, app) => `%(base)/${app}/venv`],
  ['http-socket', 1, (p) => `:${p.int(8000, 8999)}`],
  ['disable-logging', 1, () => 'true'],
  ['stats', 1, (p) => `127.0.0.1:${p.int(9100, 9199)}`],
  ['touch-reload', 1, (_p, app) => `%(base)/${app}/reload.txt`],
  ['lazy-apps', 1, () => 'true'],
  ['thunder-lock', 1, () => 'true'],
  ['reload-on-rss', 1, (p) => String(p.int(128, 1024))],
  ['cheaper', 1, (p) => String(p.int(1, 4))],
  ['attach-daemon', 1, (_p, app) => `%(base)/${app}/venv/bin/celery -A ${app} worker`],
  ['route', 1, () => '^/health$ return:200'],
  ['harakiri-verbose', 1, () => 'true'],
  ['memory-report', 1, () => 'true'],
];
const TYPOS: readonly [string, string][] = [
  ['vaccum', 'true'], ['proccesses', '4'], ['chmod_socket', '664'], ['enable-thread', 'true'], ['harakri', '30'], ['max-request', '1000'],
];
const HOOKS: readonly string[] = [
  'hook-asap = exec:mkdir -p /run/uwsgi',
  'hook-as-root = exec:iptables -A INPUT -p tcp --dport %(port) -j ACCEPT',
  'hook-pre-app = exec:./manage.py migrate --noinput',
  'exec-as-user = sh -c "echo started %(app)"',
  'hook-master-start = unix_signal:15 gracefully_kill_them_all',
  'hook-accepting1-once = write:/tmp/%(app).ready ok',
];
const COMMENTS: readonly string[] = [
  '# workers: keep this below the number of cores', '; the socket nginx talks to', '# TODO: move to the emperor',
  '; placeholders used below', '# keep logs out of the repo', ';; legacy settings, do not remove',
];

class Picker {
  constructor(readonly random: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  one<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }
}

const TOTAL_WEIGHT = OPTIONS.reduce((sum, [, weight]) => sum + weight, 0);

function weightedOption(pick: Picker, used: Set<string>): (typeof OPTIONS)[number] {
  for (let attempt = 0; attempt < 8; attempt++) {
    let roll = pick.random() * TOTAL_WEIGHT;
    for (const option of OPTIONS) {
      roll -= option[1];
      if (roll >= 0) continue;
      if (!used.has(option[0])) return option;
      break;
    }
  }
  return OPTIONS.find(([key]) => key === 'env')!;
}

/** One app section: 15 to 60 lines of options, comments, blocks and hooks. */
function appSection(pick: Picker, app: string, out: string[]): void {
  out.push(`[${app}]`);
  out.push(`app = ${app}`);
  out.push(`port = ${pick.int(8000, 8999)}`);
  const length = pick.int(12, 55);
  const used = new Set<string>();
  for (let i = 0; i < length; i++) {
    const roll = pick.random();
    if (roll < 0.1) out.push(pick.one(COMMENTS));
    else if (roll < 0.14) out.push('');
    else if (roll < 0.18) out.push(pick.one(HOOKS));
    else if (roll < 0.2) {
      out.push(`if-env = ${pick.one(['DEBUG', 'STAGING', 'LISTEN_IPV6'])}`);
      out.push(`py-autoreload = ${pick.int(1, 3)}`);
      out.push(`env = DEBUG_${app.toUpperCase().replace(/-/g, '_')}=1`);
      out.push('endif =');
      i += 3;
    } else if (roll < 0.215) {
      out.push(`for = ${pick.one(['static media', 'a b c', 'uploads tmp'])}`);
      out.push(`static-map = /%(_)=%(base)/${app}/%(_)`);
      out.push('endfor =');
      i += 2;
    } else if (roll < 0.225) {
      const [key, value] = pick.one(TYPOS);
      out.push(`${key} = ${value}`);
    } else if (roll < 0.23) {
      out.push(`set-placeholder = ${app}_tmp=/tmp/${app}`);
    } else if (roll < 0.235) {
      // A value continued on the next physical line with a magic `%`.
      out.push(`attach-daemon = %(base)/${app}/bin/worker --queue default %`);
      out.push('  --concurrency 4');
      i++;
    } else if (roll < 0.24) {
      out.push(`socket = %(missing_${pick.int(1, 9)})/${app}.sock`);
    } else {
      const [key, , value] = weightedOption(pick, used);
      if (!REPEATABLE.has(key)) used.add(key);
      out.push(`${key}${pick.chance(0.8) ? ' = ' : pick.one(['=', '   = ', ' =  '])}${value(pick, app)}`);
    }
  }
  out.push('');
}

export interface GenerateOptions {
  seed?: number;
  /** Line terminator; LF by default. */
  eol?: '\n' | '\r\n';
}

/** Exactly `lines` lines of uWSGI ini text (each terminated), deterministic for a seed. */
export function generateIni(lines: number, options: GenerateOptions = {}): string {
  const pick = new Picker(seededRandom(options.seed ?? 42));
  const out: string[] = [
    '# generated by test/bench/generate.ts',
    '[uwsgi]',
    'base = /srv/apps',
    'strict = false',
    'master = true',
    'processes = %(cores)',
    'cores = 4',
    'uid = www-data',
    'gid = www-data',
    'plugins = python3,http',
    'declare-option2 = app-socket=socket=/run/uwsgi/$1.sock',
    '',
  ];
  const apps: string[] = [];
  let index = 0;
  // Each app section is pulled into [uwsgi] from a loader line; sections are written after.
  const body: string[] = [];
  const loaders: string[] = [];
  while (out.length + loaders.length + body.length < lines) {
    const app = `app-${++index}`;
    apps.push(app);
    // Some sections belong to other uses of the file (`--ini file.ini:dev-N`) and are not applied.
    if (pick.chance(0.8)) loaders.push(`ini = :${app}`);
    appSection(pick, app, body);
  }
  const all = [...out, ...loaders, '', ...body];
  all.length = lines;
  for (let i = 0; i < all.length; i++) if (all[i] === undefined) all[i] = '';
  const eol = options.eol ?? '\n';
  return all.join(eol) + eol;
}

// `npx tsx test/bench/generate.ts 1000 [seed]` prints a file, to look at what the bench reads.
if (require.main === module) {
  const count = Number(process.argv[2] ?? 1000);
  const seed = Number(process.argv[3] ?? 42);
  process.stdout.write(generateIni(count, { seed }));
}

/**
 * Small documents built to amplify (issue 13's reproducers): placeholders that each double the
 * previous one, a placeholder that references itself four times, and sixteen sections that each
 * pull all the others. Each is a few hundred bytes that would expand to gigabytes unbounded.
 */
export function hostileIni(index: number): string {
  const kinds = [
    Array.from({ length: 24 }, (_, k) => `a${k + 1} = %(a${k})%(a${k})`).join('\n'),
    'x = %(x)%(x)%(x)%(x)\nchdir = %(x)',
    Array.from({ length: 16 }, (_, k) => `[s${k}]\n${Array.from({ length: 16 }, (_, j) => `ini = :s${(k + j + 1) % 16}`).join('\n')}`).join('\n'),
  ];
  return `[uwsgi]\nmaster = true\ndocument${index} = 1\na0 = xyzxyzxyz\nchdir = %(a24)\n${kinds[index % kinds.length]}\n`;
}
