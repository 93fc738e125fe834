// A clerk's photo goes into the database by its content's hash; the admin's change of the clerk's photo
// address is then an ordinary configuration change (admin/live-settings.ts), in the history with who and
// when, without the picture itself.
import { createHash } from 'node:crypto';
import { checkPhoto } from '../domain/photo';
import type { Ctx } from './state';

/** Where a stored photo is served (http/photo-routes.ts); the id is the content's hash, so never stale. */
export const photoUrl = (id: string) => `/api/photos/${id}`;

export function storePhoto(ctx: Ctx, a: { data: Buffer }): { id: string; url: string } {
  const type = checkPhoto(a.data);
  const id = createHash('sha256').update(a.data).digest('hex').slice(0, 40);
  ctx.state.photos.put(id, { type, data: a.data }, ctx.now);
  return { id, url: photoUrl(id) };
}
