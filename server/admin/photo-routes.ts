// Clerks' photos (issue 21): the admin uploads a JPEG or PNG for a clerk (checked by its first bytes and its
// size: domain/photo.ts) or removes it; the picture is stored once by its hash and the clerk's `photoUrl`
// points at it, a new configuration version like any other change. The window screen, the pad and the
// pad's MQTT prompt show it from that address, which anyone in the hall may load (the screens show it).
import { z } from 'zod';
import { actorOf } from '../core/staff';
import type { HallCore } from '../core/hall-core';
import { HallError } from '../domain/errors';
import { FileReply, validate } from '../http/handler';
import { route, type RouteDef } from '../http/route-def';
import type { LiveSettings } from './live-settings';

/** base64 of the file (a JSON body, like every other: at most PHOTO_MAX_BYTES once decoded). */
const photoBody = z.strictObject({ image: z.string().min(1).max(1_500_000) });
const clerkIdParam = z.string().min(1).max(32);
const photoIdParam = z.string().regex(/^[0-9a-f]{40}$/);

function clerkOf(settings: LiveSettings, id: string): void {
  const clerks = settings.get().config.clerks as { id: string }[];
  if (!clerks.some((k) => k.id === id)) throw new HallError('NOT_FOUND', `没有工号为 ${id} 的人员`);
}

export function photoRoutes(core: HallCore, settings: LiveSettings): RouteDef[] {
  return [
    route({
      method: 'put',
      path: '/api/admin/clerks/:id/photo',
      summary:
        '人员照片: { image: base64 of a JPEG or PNG, at most 1 MB } → { version, photoUrl }; 400 not JPEG/PNG, 413 too large (admin)',
      access: 'admin',
      body: photoBody,
      act: async ({ principal, body: b, req }) => {
        const id = validate(clerkIdParam, req.params.id, 'path');
        clerkOf(settings, id);
        const data = Buffer.from(b.image, 'base64');
        const photo = core.run('storePhoto', { data }, actorOf(principal));
        const r = await settings.edit(actorOf(principal), `photo ${id}`, (c) => ({
          ...c,
          clerks: c.clerks.map((k) => (k.id === id ? { ...k, photoUrl: photo.url } : k)),
        }));
        return { version: r.version, photoUrl: photo.url };
      },
    }),
    route({
      method: 'delete',
      path: '/api/admin/clerks/:id/photo',
      summary: '删除人员照片: the clerk is shown without a photo again (admin)',
      access: 'admin',
      body: null,
      act: async ({ principal, req }) => {
        const id = validate(clerkIdParam, req.params.id, 'path');
        clerkOf(settings, id);
        const r = await settings.edit(actorOf(principal), `photo ${id} removed`, (c) => ({
          ...c,
          clerks: c.clerks.map((k) => {
            if (k.id !== id) return k;
            const { photoUrl: _gone, ...rest } = k;
            return rest;
          }),
        }));
        return { version: r.version, photoUrl: null };
      },
    }),
    route({
      method: 'get',
      path: '/api/photos/:id',
      summary: 'A clerk’s photo (image/jpeg or image/png) by the id in its address; the screens load it',
      access: 'public',
      body: null,
      act: ({ req }) => {
        const id = photoIdParam.safeParse(req.params.id);
        const photo = id.success ? core.query.photo(id.data) : null;
        if (!photo) throw new HallError('NOT_FOUND', '没有这张照片');
        return new FileReply(photo.type, photo.data);
      },
    }),
  ];
}
