// A route's action gets the principal its access level admits and the body its schema gives: checked by the
// type checker (npm run typecheck runs this file through tsc) and, for the principal, at run time.
import type { Request } from 'express';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { authorizer } from '../../server/http/access';
import { route } from '../../server/http/routes';
import type { Principal } from '../../server/core/staff';
import * as body from '../../server/protocol/http';

type Staff = Principal & { kind: 'staff' };
const supervisor: Staff = {
  kind: 'staff',
  clerkId: 's1',
  name: '值班长',
  role: 'supervisor',
  windowNo: null,
  tokenDigest: 'x',
};
const req = { params: {} } as unknown as Request;

describe('typed routes', () => {
  it('an action gets its access level’s principal and its schema’s body', () => {
    const r = route({
      method: 'post',
      path: '/x',
      summary: 'x',
      access: 'supervisor',
      body: body.noticeBody,
      act: ({ principal, body: b }) => {
        expectTypeOf(principal).toEqualTypeOf<Staff>();
        expectTypeOf(b).toEqualTypeOf<{ text: string; zone?: string | null | undefined }>();
        return principal.clerkId + b.text;
      },
    });
    expect(r.act({ principal: supervisor, body: { text: '!' }, req })).toBe('s1!');
    route({
      method: 'get',
      path: '/y',
      summary: 'y',
      access: 'public',
      body: null,
      act: ({ principal, body: b }) => {
        expectTypeOf(principal).toEqualTypeOf<Principal | null>();
        expectTypeOf(b).toEqualTypeOf<undefined>();
      },
    });
    route({
      method: 'post',
      path: '/z',
      summary: 'z',
      access: 'pad',
      body: body.evaluationChoiceBody,
      act: ({ principal }) => expectTypeOf(principal).toEqualTypeOf<Principal & { kind: 'device' }>(),
    });
  });

  it('the access check returns the principal it admitted, and refuses the others', () => {
    expect(authorizer('supervisor')(supervisor, req)).toBe(supervisor);
    expect(authorizer('public')(null, req)).toBeNull();
    expect(() => authorizer('any')(null, req)).toThrow(expect.objectContaining({ code: 'UNAUTHORIZED' }));
    expect(() => authorizer('pad')(supervisor, req)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
