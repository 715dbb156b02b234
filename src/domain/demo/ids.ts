import { createHash } from 'node:crypto';
import { completeCvr } from '../reference/identifiers.ts';
import type { Random } from './random.ts';

// A fixed namespace so demo ids are the same in every database: links in e2e tests and docs stay valid.
const DEMO_NAMESPACE = Buffer.from('6f1c2a4e9b7d4c3a8e5f0a1b2c3d4e5f', 'hex');

/** A name-based UUID (version 5, RFC 9562) for a demo row, e.g. demoUuid('organisation:clean'). */
export function demoUuid(name: string): string {
  const bytes = createHash('sha1').update(DEMO_NAMESPACE).update(name).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Hands out invented, valid (mod-11) CVR numbers, each at most once, so organisations, knowledge
 * institutions and companies never share a CVR.
 */
export function createCvrAllocator(random: Random): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const cvr = completeCvr(String(random.int(1_000_000, 9_999_999)));
      if (cvr !== null && !used.has(cvr)) {
        used.add(cvr);
        return cvr;
      }
    }
  };
}
