/** Error codes the CLI and UI know how to explain. */
export type ErrorCode =
  | 'BAD_INPUT'
  | 'UNKNOWN_LAB'
  | 'LAB_FILE'
  | 'PORT_TAKEN'
  | 'DOCKER_UNREACHABLE'
  | 'DOCKER_LOST'
  | 'IMAGE_MISSING'
  | 'NO_RUNTIME'
  | 'REDIS_BIN_MISSING'
  | 'NEEDS_DOCKER'
  | 'LEFTOVERS'
  | 'NAME_CONFLICT'
  | 'TIMEOUT'
  | 'NODE_FAILED'
  | 'CHECK_FAILED'
  | 'INTERNAL';

/** An error a user can act on: a one-line message, an optional one-line hint, and the cause. */
export class RedisLabError extends Error {
  readonly code: ErrorCode;
  readonly hint?: string;

  constructor(code: ErrorCode, message: string, options: {hint?: string; cause?: unknown} = {}) {
    super(message, {cause: options.cause});
    this.name = 'RedisLabError';
    this.code = code;
    this.hint = options.hint;
  }
}

export function isRedisLabError(error: unknown): error is RedisLabError {
  return error instanceof RedisLabError;
}

/** The message of anything thrown, on one line. */
export function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.trim();
}
