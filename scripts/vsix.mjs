// Reading a .vsix (a zip) without unzip: the entry list from the central directory, and one
// entry's bytes. Used by `npm run package` to print and check what it built, and by the specs.
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/** [{ name, size, method, compressedSize, offset }] in central-directory order. */
export function vsixEntries(file) {
  const zip = readFileSync(file);
  // The end record sits in the last 22 bytes plus a comment of at most 64 KiB.
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== END) end--;
  if (end < 0) throw new Error(`${file}: not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw new Error(`${file}: broken central directory`);
    const n = zip.readUInt16LE(at + 28), m = zip.readUInt16LE(at + 30), k = zip.readUInt16LE(at + 32);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + n),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      offset: zip.readUInt32LE(at + 42),
    });
    at += 46 + n + m + k;
  }
  return entries;
}

/** The bytes of entry `name`, or undefined when the .vsix has no such entry. */
export function vsixRead(file, name) {
  const entry = vsixEntries(file).find((e) => e.name === name);
  if (!entry) return undefined;
  const zip = readFileSync(file);
  const start = entry.offset + 30 + zip.readUInt16LE(entry.offset + 26) + zip.readUInt16LE(entry.offset + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  return entry.method === 0 ? Buffer.from(data) : inflateRawSync(data);
}
