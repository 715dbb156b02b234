/**
 * The one error type of the domain. `code` says what went wrong in terms a caller can act on;
 * the HTTP layer maps codes to status codes in one table (src/http/errors.ts).
 */
export type ErrorCode =
  | 'validation'
  /** A request no page can take as it is (a NUL character, a malformed escape): 400. */
  | 'bad_request'
  | 'not_found'
  | 'unauthenticated'
  /** Signed in with one factor where the role needs two: the person is sent to prove the second. */
  | 'second_factor'
  | 'forbidden'
  | 'conflict'
  | 'rate_limited'
  | 'too_large'
  | 'csrf';

export interface FieldIssue {
  field: string;
  message: string;
}

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'Not allowed') => new AppError('forbidden', message);
