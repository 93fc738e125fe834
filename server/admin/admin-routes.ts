// The admin's routes (DESIGN.md §6 "Admin"): every one for role `admin` only; supervisors, clerks and
// devices are refused (403) before the body is read.
import { stringify } from 'yaml';
import { z } from 'zod';
import { actorOf } from '../core/staff';
import { FileReply } from '../http/handler';
import { route, type RouteDef } from '../http/route-def';
import type { LiveSettings } from './live-settings';

const saveBody = z.strictObject({
  version: z.number().int().min(0),
  /** The whole configuration in the file's shape, secrets left out (kept) or write-only (password). */
  config: z.record(z.string(), z.unknown()),
});

const restoreBody = z.strictObject({ version: z.number().int().min(1) });

export function adminRoutes(settings: LiveSettings): RouteDef[] {
  return [
    route({
      method: 'get',
      path: '/api/admin/config',
      summary: '配置: the hall configuration in the file’s shape, without secrets, and its version (admin)',
      access: 'admin',
      body: null,
      act: () => settings.get(),
    }),
    route({
      method: 'put',
      path: '/api/admin/config',
      summary:
        '保存配置: validated with the file’s schema (400 with the path), applied live; a stale version is 409 (admin)',
      access: 'admin',
      body: saveBody,
      act: ({ principal, body: b }) => settings.save(b.version, b.config, actorOf(principal)),
    }),
    route({
      method: 'get',
      path: '/api/admin/config/history',
      summary: '配置历史: every saved version, who saved it and when (admin)',
      access: 'admin',
      body: null,
      act: () => settings.history(),
    }),
    route({
      method: 'post',
      path: '/api/admin/config/restore',
      summary: '恢复: return to a saved version (itself a new version; revoked device tokens stay revoked) (admin)',
      access: 'admin',
      body: restoreBody,
      act: ({ principal, body: b }) => settings.restore(b.version, actorOf(principal)),
    }),
    route({
      method: 'get',
      path: '/api/admin/config.yaml',
      summary: '导出: the running configuration as readable YAML, without secrets (admin)',
      access: 'admin',
      body: null,
      act: () => {
        const { version, config } = settings.get();
        const head = `# 大厅配置 第 ${version} 版（不含密钥：设备令牌、密码散列与上级平台密钥已省去）\n`;
        return new FileReply('text/yaml; charset=utf-8', head + stringify(config), `hall-config-v${version}.yaml`);
      },
    }),
  ];
}
