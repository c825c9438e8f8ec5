// Time-ordered UUIDs (version 7, RFC 9562): a millisecond timestamp, then random bits. Rows
// made in bulk get ids that sort in the order they were made, so their primary-key inserts land
// at the end of the index instead of on a random page (docs/decisions/011-oneroster-import.md).
import { randomBytes } from 'node:crypto';

let lastMs = 0;
let seq = 0;
let pool = Buffer.alloc(0);
let offset = 0;

function random10(): Buffer {
  if (offset + 10 > pool.length) {
    pool = randomBytes(10 * 4096);
    offset = 0;
  }
  const out = pool.subarray(offset, offset + 10);
  offset += 10;
  return out;
}

/** A UUIDv7; ids made in the same millisecond still increase (a 12-bit counter). */
export function timeOrderedId(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    seq = 0;
  } else if (++seq > 0xfff) {
    lastMs++;
    seq = 0;
  }
  const b = Buffer.alloc(16);
  b.writeUIntBE(lastMs, 0, 6);
  b[6] = 0x70 | (seq >> 8);
  b[7] = seq & 0xff;
  random10().copy(b, 8);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
