// Where the roster files come from: a folder, a .zip file, or an uploaded zip in memory. A zip
// is read through its central directory and each entry is streamed, never unpacked whole, with
// limits that stop a zip bomb before it costs memory or disk.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

export interface RosterSource {
  /** The folder's or file's name, for reports. */
  name: string;
  /** File names (no folders), as found. */
  files: string[];
  open(file: string): Promise<Readable>;
  close(): Promise<void>;
}

export const SOURCE_LIMITS = {
  /** Entries in a zip. */
  maxEntries: 500,
  /** Bytes of one file, uncompressed. */
  maxFileBytes: 2 * 1024 ** 3,
  /** Bytes of all files, uncompressed. */
  maxTotalBytes: 8 * 1024 ** 3,
  /** Uncompressed ÷ compressed size of a large entry; CSV compresses 5–20×, bombs 1000×. */
  maxRatio: 200,
};

/** The files cannot be read at all (not a zip, too large, unreadable). */
export class RosterSourceError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(reason);
  }
}

export async function openRosterSource(path: string): Promise<RosterSource> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new RosterSourceError(basename(path), `"${path}" does not exist`);
  }
  if (info.isDirectory()) return folderSource(path);
  return zipSource(basename(path), (opts, cb) => yauzl.open(path, opts, cb));
}

export function rosterSourceFromBuffer(name: string, bytes: Buffer): Promise<RosterSource> {
  return zipSource(name, (opts, cb) => yauzl.fromBuffer(bytes, opts, cb));
}

async function folderSource(dir: string): Promise<RosterSource> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => e.name);
  return {
    name: basename(dir),
    files,
    open: async (file) => createReadStream(join(dir, file)),
    close: async () => {},
  };
}

type Opener = (opts: yauzl.Options, cb: (err: Error | null, zip: yauzl.ZipFile) => void) => void;

async function zipSource(name: string, openZip: Opener): Promise<RosterSource> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    openZip({ lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, z) =>
      err
        ? reject(
            new RosterSourceError(name, `the file is not a readable zip archive (${err.message})`),
          )
        : resolve(z),
    ),
  );
  const entries = new Map<string, yauzl.Entry>();
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (err: Error) =>
        reject(new RosterSourceError(name, `the zip archive is damaged (${err.message})`)),
      );
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        try {
          const file = entry.fileName;
          const base = file.split('/').at(-1) ?? '';
          const skip = file.endsWith('/') || file.startsWith('__MACOSX/') || base.startsWith('.');
          if (!skip) {
            if (entries.size >= SOURCE_LIMITS.maxEntries)
              throw new RosterSourceError(
                name,
                `the zip holds more than ${SOURCE_LIMITS.maxEntries} files`,
              );
            if (entries.has(base))
              throw new RosterSourceError(
                base,
                `the zip holds two files named "${base}" (in different folders)`,
              );
            const size = entry.uncompressedSize;
            if (size > SOURCE_LIMITS.maxFileBytes)
              throw new RosterSourceError(
                base,
                `the file is larger than ${SOURCE_LIMITS.maxFileBytes} bytes uncompressed`,
              );
            if (
              size > 1024 ** 2 &&
              size / Math.max(1, entry.compressedSize) > SOURCE_LIMITS.maxRatio
            )
              throw new RosterSourceError(
                base,
                `the file expands ${Math.round(size / Math.max(1, entry.compressedSize))} times when unpacked, which a CSV file never does (a zip bomb?)`,
              );
            total += size;
            if (total > SOURCE_LIMITS.maxTotalBytes)
              throw new RosterSourceError(
                name,
                `the zip's files add up to more than ${SOURCE_LIMITS.maxTotalBytes} bytes uncompressed`,
              );
            entries.set(base, entry);
          }
          zip.readEntry();
        } catch (err) {
          reject(err);
        }
      });
      zip.readEntry();
    });
  } catch (err) {
    zip.close();
    throw err;
  }
  return {
    name,
    files: [...entries.keys()],
    open: (file) =>
      new Promise<Readable>((resolve, reject) => {
        const entry = entries.get(file);
        if (!entry) return reject(new RosterSourceError(file, 'not in the zip'));
        zip.openReadStream(entry, (err, stream) =>
          err
            ? reject(new RosterSourceError(file, `cannot be read from the zip (${err.message})`))
            : resolve(stream),
        );
      }),
    close: async () => zip.close(),
  };
}
