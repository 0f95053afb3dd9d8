import type { IncomingMessage, ServerResponse } from 'node:http';

/** One HTTP request as the routes see it. */
export interface RouteRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The client's address (behind a trusted proxy: the forwarded one). */
  ip: string;
}

/** Answers the request, or resolves `false` to let the next route try. */
export type Handler = (r: RouteRequest) => Promise<boolean | void> | boolean | void;

/**
 * A row of the route table: an exact path, a path prefix or neither (matches
 * everything), optionally for one method. Features bring their own rows.
 */
export interface Route {
  method?: string;
  path?: string;
  prefix?: string;
  handle: Handler;
}

/** Tries the routes in order; false when none answered. */
export async function dispatch(routes: readonly Route[], r: RouteRequest): Promise<boolean> {
  const { pathname } = r.url;
  for (const route of routes) {
    if (route.method !== undefined && route.method !== r.req.method) continue;
    if (route.path !== undefined && route.path !== pathname) continue;
    if (route.prefix !== undefined && !pathname.startsWith(route.prefix)) continue;
    if ((await route.handle(r)) !== false) return true;
  }
  return false;
}
