// The body of GET /api/health: the hall, its database, and every adapter's own report, including how the
// lifecycle left each adapter (running, failed at start, stopped).
import { statfsSync } from 'node:fs';
import type { HallContext } from '../adapters/context';
import type { AdapterStatus } from '../adapters/lifecycle';
import type { NightlyBackup } from '../backup/backup';
import type { MqttBridge } from '../mqtt/bridge';
import type { TicketPrinting } from '../printing/ticket-printing';
import type { Realtime } from '../realtime/realtime';
import type { Upstream } from '../upstream/upstream';

/** Free space where the database lives (null where the platform cannot tell). */
function freeMb(dir: string): number | null {
  try {
    const s = statfsSync(dir);
    return Math.floor((s.bavail * s.bsize) / 2 ** 20);
  } catch {
    return null;
  }
}

export interface HealthParts {
  /** Whether the database is open (the composition root holds the handle; adapters never do). */
  databaseOpen: () => boolean;
  backups: NightlyBackup;
  mqtt: MqttBridge;
  realtime: Realtime;
  printing: TicketPrinting;
  upstream: Upstream;
  adapters: () => AdapterStatus[];
}

export function healthReport(ctx: HallContext, p: HealthParts): () => Record<string, unknown> {
  const { core, config } = ctx;
  return () => ({
    ok: true,
    hall: config.hall.id,
    day: core.today(),
    time: new Date(core.clock()).toISOString(),
    database: {
      ok: p.databaseOpen() && !core.storageFull,
      events: core.query.logCount(),
      storageFull: core.storageFull,
      freeMb: freeMb(ctx.dataDir),
    },
    backup: config.backup.disabled ? { disabled: true } : p.backups.status(),
    mqtt: p.mqtt.status(),
    realtime: { clients: p.realtime.io.engine.clientsCount },
    printers: p.printing.list().map((x) => ({ id: x.id, state: x.state, lastSeen: x.lastSeen })),
    upstream: (({ pending, oldestAt, lastSentAt, parked }) => ({
      pending,
      oldestAt,
      lastSentAt,
      parked: parked !== null,
    }))(p.upstream.status()),
    adapters: p.adapters(),
  });
}
