// Domain errors carry a stable `code`; only the server maps codes to HTTP status and the CLI to exit codes.
export class DomainError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/** Input that parsed but makes no sense for the domain (an unknown State, a weak password). */
export class ValidationError extends DomainError {}
/** The record does not exist, or exists in another organisation (the caller must not learn which). */
export class NotFoundError extends DomainError {}
/** The caller is known but lacks the permission. */
export class ForbiddenError extends DomainError {}
/** The caller is not (or no longer) authenticated. */
export class UnauthenticatedError extends DomainError {}
/** The change conflicts with the current state (duplicate, stale version, illegal transition). */
export class ConflictError extends DomainError {}
/** The content is larger than this node accepts (HTTP 413); nothing of it was kept. */
export class TooLargeError extends DomainError {}
