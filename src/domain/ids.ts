/**
 * The shape PostgreSQL accepts for a uuid column (hex in 8-4-4-4-12 groups). Checking it before a
 * query turns a malformed id into "not found" instead of a database error (22P02).
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (id: string): boolean => UUID.test(id);
