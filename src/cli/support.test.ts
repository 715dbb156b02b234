import { describe, expect, it } from 'vitest';
import { reminderDay } from './support.ts';

describe('klynge support remind: the day it runs for', () => {
  it('is today in Denmark unless --today names a day, and nothing for a malformed day', () => {
    // 23:30 UTC on 31 December is already 1 January in Denmark.
    expect(reminderDay(undefined, new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(reminderDay('2026-03-13', new Date('2026-12-31T23:30:00Z'))).toBe('2026-03-13');
    expect(reminderDay('2026-02-30', new Date())).toBeNull();
    expect(reminderDay('13-03-2026', new Date())).toBeNull();
  });
});
