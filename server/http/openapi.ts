// The OpenAPI document, generated from the route table and the same zod schemas that validate requests.
import { z } from 'zod';
import type { RouteDef } from './route-def';

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
};

const ACCESS_TEXT: Record<RouteDef['access'], string> = {
  public: 'No token needed.',
  any: 'Any staff or device token.',
  staff: 'A staff (clerk, supervisor, admin, guide) token.',
  supervisor: 'A supervisor or admin token.',
  admin: 'An admin token (role admin); supervisors, clerks and devices get 403.',

  guide: 'A guide desk (role guide), supervisor or admin token.',
  issuer: 'A kiosk device token or a staff token.',
  booking: "The booking system's device token (kind booking) or a supervisor or admin token.",
  pad: "The evaluation pad's device token; it may rate only its own window's visits.",
  window:
    "The clerk logged in at this window, a supervisor, or this window's keypad. Send `Idempotency-Key` to make a retry safe.",
};

export function openApiDocument(routes: readonly RouteDef[], title: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const p = r.path.replace(/:(\w+)/g, '{$1}');
    const params = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: m[1] === 'no' ? 'integer' : 'string' },
    }));
    if (r.access === 'window')
      params.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } } as never);
    (paths[p] ??= {})[r.method] = {
      summary: r.summary,
      description: ACCESS_TEXT[r.access],
      security: r.access === 'public' ? [] : [{ bearer: [] }],
      parameters: params,
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': { schema: z.toJSONSchema(r.body, { io: 'input', unrepresentable: 'any' }) },
              },
            },
          }
        : {}),
      responses: {
        '200': { description: 'OK' },
        ...(r.method === 'post' && r.path === '/api/tickets' ? { '201': { description: 'Ticket issued' } } : {}),
        '4XX': {
          description: 'Refused: `{ error: { code, message } }`',
          content: { 'application/json': { schema: errorSchema } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: `${title} — hall API`,
      version: '1',
      description: 'Queue management and call display (DESIGN.md §6).',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
