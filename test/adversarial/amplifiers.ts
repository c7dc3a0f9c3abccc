// Small documents that make naive analysis explode (issue 13): placeholders that double at every
// level, a placeholder that references itself, sections that pull each other as a graph rather
// than a tree, and many small sections that each need their own model.

/** `a1 = %(a0)%(a0)`, `a2 = %(a1)%(a1)`, ...: each level doubles the expanded size. */
export function doublingChain(levels = 30, copies = 2): string {
  let text = '[uwsgi]\na0 = xxxxxxxx\n';
  for (let i = 1; i <= levels; i++) text += `a${i} = ${`%(a${i - 1})`.repeat(copies)}\n`;
  return `${text}socket = %(a${levels})\nchdir = %(a8)\nuid = %(a7)\n`;
}

/** Eight placeholders over nine levels: 8^8 copies of the bottom value at full depth. */
export function wideChain(): string {
  return doublingChain(9, 8);
}

/** `a = %(a)%(a)...`: no bottom at all, only the depth limit stops it. */
export function selfReference(copies = 8): string {
  return `[uwsgi]\na = ${'%(a)'.repeat(copies)}\nsocket = %(a)\nchdir = %(a)\n`;
}

/** Levels of `count` sections, each pulling every section of the next level with `ini = :name`. */
export function sectionFanOut(levels = 4, count = 16): string {
  const pulls = (level: number): string => Array.from({ length: count }, (_, i) => `ini=:${level}_${i}\n`).join('');
  let text = `[uwsgi]\n${pulls(1)}`;
  for (let level = 1; level <= levels; level++) {
    for (let i = 0; i < count; i++) text += `[${level}_${i}]\nv${level}=%(v${level + 1})\n${level < levels ? pulls(level + 1) : ''}`;
  }
  return text;
}

/** `count` sections that each pull all of them: every order of them is a path. */
export function mutualPulls(count = 16): string {
  const names = Array.from({ length: count }, (_, i) => `s${i}`);
  const pulls = names.map((name) => `ini=:${name}\n`).join('');
  return `[uwsgi]\n${pulls}${names.map((name) => `[${name}]\n${name}=%(${name})x\n${pulls}`).join('')}`;
}

/** Many small sections with a path each: document links build a model for every one. */
export function manySections(count = 20_000): string {
  let text = '[uwsgi]\nbase = /srv\n';
  for (let i = 0; i < count; i++) text += `[s${i}]\nchdir = %(base)/${i}\n`;
  return text;
}

/** Sections pulling the next one, `count` long, with a placeholder in each. */
export function sectionChain(count = 20_000): string {
  let text = '[uwsgi]\nini = :s0\n';
  for (let i = 0; i < count; i++) text += `[s${i}]\nv${i} = %(v${i + 1})/x\nchdir = %(v${i})\nini = :s${i + 1}\n`;
  return text;
}

/** `n1 = %(n0)`, `n2 = %(n1)`, ...: a chain of names far longer than the depth limit. */
export function nameChain(count = 20_000): string {
  let text = '[uwsgi]\nn0 = /srv\n';
  for (let i = 1; i <= count; i++) text += `n${i} = %(n${i - 1})\n`;
  return `${text}chdir = %(n${count})\n`;
}

export const AMPLIFIERS: readonly { name: string; text: string }[] = [
  { name: 'a doubling chain of 30 placeholders', text: doublingChain() },
  { name: 'a chain of 9 placeholders each used 8 times', text: wideChain() },
  { name: 'a placeholder that uses itself 8 times', text: selfReference() },
  { name: '4 levels of 16 sections, each pulling the next level', text: sectionFanOut() },
  { name: '16 sections that all pull each other', text: mutualPulls() },
  { name: '20,000 small sections with a path each', text: manySections() },
  { name: 'a chain of 20,000 sections', text: sectionChain() },
  { name: 'a chain of 20,000 placeholder names', text: nameChain() },
];
