import { v7 as uuidv7 } from 'uuid';

/** Row ids are UUIDv7: time-ordered, so b-tree inserts stay local. */
export function newId(): string {
  return uuidv7();
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
