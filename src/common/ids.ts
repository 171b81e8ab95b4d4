import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** Ids drawn from one fill of the random pool. */
const POOL_IDS = 256;
const pool = new Uint8Array(16 * POOL_IDS);
let drawn = POOL_IDS;
/** The last id's millisecond and counter: ids of one process only grow, as `uuid`'s own v7 keeps them. */
const last = { msecs: -Infinity, seq: 0 };

/**
 * Row ids are UUIDv7: time-ordered, so b-tree inserts stay local. `uuid`'s v7 asks WebCrypto for 16 bytes on every
 * call (≈ 3 % of the API's CPU on a staff list page that writes 20 access records, issue 17); these come from a pool
 * filled 256 ids at a time, with the same millisecond-and-counter rule as `uuid` (RFC 9562 §6.2, method 1).
 */
export function newId(): string {
  if (drawn === POOL_IDS) {
    randomFillSync(pool);
    drawn = 0;
  }
  const random = pool.subarray(16 * drawn, 16 * ++drawn);
  const now = Date.now();
  if (now > last.msecs) {
    // A new millisecond: the counter starts at a random 31-bit value, as in uuid's v7Sequence.
    last.msecs = now;
    last.seq = ((random[6] & 0x7f) << 24) | (random[7] << 16) | (random[8] << 8) | random[9];
  } else {
    // The same millisecond, or the clock went back: count on, and carry into the next millisecond on overflow.
    last.seq = (last.seq + 1) | 0;
    if (last.seq === 0) last.msecs++;
  }
  return uuidv7({ random, msecs: last.msecs, seq: last.seq });
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
