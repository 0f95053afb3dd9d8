import type { DenyReason } from '../../../shared/access';
import type { ErrorBody } from '../../../shared/http/contract';

/**
 * A request the server refused. The message is the server's `error` (or "HTTP <status>" when
 * the answer has none); an access refusal also says why (`reason`) and, on 429, when to retry.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly reason?: DenyReason,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/** Reads a refused answer's JSON body (`ErrorBody`, docs/api.md) into an ApiError. */
export async function errorOf(res: Response): Promise<ApiError> {
  let body: Partial<Record<keyof ErrorBody, unknown>> = {};
  try {
    body = ((await res.json()) ?? {}) as typeof body;
  } catch {
    // Not JSON (a proxy's error page): the status is all there is.
  }
  const message = typeof body.error === 'string' ? body.error : `HTTP ${res.status}`;
  const reason = typeof body.reason === 'string' ? (body.reason as DenyReason) : undefined;
  const retryAfter = Number(res.headers.get('Retry-After') ?? body.retryAfter ?? 0);
  return new ApiError(message, res.status, reason, retryAfter > 0 ? retryAfter : undefined);
}
