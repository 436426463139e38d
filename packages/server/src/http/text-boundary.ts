// The one rule for text that crosses the HTTP boundary: every string in a body, query, path
// parameter or header (and every object key) is well-formed Unicode without NUL. PostgreSQL cannot
// store NUL in text, and it silently replaces a lone UTF-16 surrogate, so either would otherwise
// reach the database as a 500 or as stored text that differs from what was checked and audited.
import { type BadTextReason, ValidationError, badTextReason } from '@comity/core';
import type { FastifyRequest } from 'fastify';

export interface BadText {
  /** JSON pointer into the part, e.g. `/body/parties/0/name`; a key is pointed at by its object. */
  pointer: string;
  reason: BadTextReason;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * The first string (or key) in `value` that breaks the rule. Iterative, because a 1 MiB JSON body
 * may nest a few hundred thousand levels deep and must not overflow the stack.
 */
export function findBadText(value: unknown, root: string): BadText | undefined {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length) {
    const [v, pointer] = stack.pop() as [unknown, string];
    if (typeof v === 'string') {
      const reason = badTextReason(v);
      if (reason) return { pointer, reason };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${pointer}/${i}`]);
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [k, child] of Object.entries(v)) {
        const reason = badTextReason(k);
        const at = `${pointer}/${escapePointer(k)}`;
        if (reason) return { pointer: at, reason };
        stack.push([child, at]);
      }
    }
  }
  return undefined;
}

const WHAT: Record<BadTextReason, string> = {
  nul: 'a NUL character (U+0000)',
  lone_surrogate: 'a lone UTF-16 surrogate (not well-formed Unicode)',
};

/** The 400 that names the field; `problem.ts` turns it into problem+json. */
export function invalidText(bad: BadText): ValidationError {
  const field = bad.pointer.split('/').slice(1).join('.');
  return new ValidationError('invalid_text', `${field} contains ${WHAT[bad.reason]}; text must be well-formed Unicode without NUL.`, {
    pointer: bad.pointer,
    reason: bad.reason,
    errors: [{ path: field, message: `contains ${WHAT[bad.reason]}` }],
  });
}

/** For text a route decodes itself (a percent-encoded header, say): throws the same 400. */
export function assertWellFormedText(value: string, pointer: string): string {
  const reason = badTextReason(value);
  if (reason) throw invalidText({ pointer, reason });
  return value;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route checks its input's text itself (the federation inbox answers with its own reason codes). */
    ownTextCheck?: boolean;
  }
}

/** preValidation hook: runs after access control and before the route's schema. */
export async function textBoundaryHook(request: FastifyRequest): Promise<void> {
  if (request.routeOptions.config?.ownTextCheck) return;
  const bad =
    findBadText(request.params, '/params') ??
    findBadText(request.query, '/query') ??
    findBadText(request.headers, '/headers') ??
    findBadText(request.body, '/body');
  if (bad) throw invalidText(bad);
}
