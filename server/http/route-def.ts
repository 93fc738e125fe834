// One route of the HTTP table, typed: its access level decides the principal its action gets (http/access.ts)
// and its body schema the body. The table's files (routes.ts and the *-routes.ts beside it) import this leaf.
import type { Request } from 'express';
import type { z } from 'zod';
import type { WindowAction } from '../core/commands';
import type { Access, PrincipalOf } from './access';

/** A route as written: its action gets the principal its access admits and the body its schema gives. */
export interface RouteSpec<A extends Access, S extends z.ZodType | null> {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  access: A;
  /** A window command's action: decides what a keypad may do (policy.KEYPAD_ACTIONS). */
  action?: WindowAction;
  body: S;
  // A method, so that every typed route is also a RouteDef (the router hands it what its access and body give).
  act(ctx: { principal: PrincipalOf[A]; body: S extends z.ZodType ? z.output<S> : undefined; req: Request }): unknown;
}

/** The table's entries as the router, the OpenAPI document and the security test read them. */
export type RouteDef = RouteSpec<Access, z.ZodType | null>;

/** Types one route: `access` and `body` decide what its action gets. */
export function route<A extends Access, S extends z.ZodType | null>(r: RouteSpec<A, S>): RouteDef {
  return r;
}
