// The reference receiver as a command:
//   npm run receiver -- --halls halls.json [--db receiver.sqlite | --pg postgres://user@host/db] [--port 9090]
//                       [--host 0.0.0.0] [--fail-every N]
// halls.json: { "halls": [ { "id": "demo-hall", "name": "示范市政务服务中心", "secret": "…" } ] }
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startReceiver } from './receiver/receiver';
import { PgReceiverStore, SqliteReceiverStore } from './receiver/storage';

const hallsFile = z.strictObject({
  halls: z
    .array(z.strictObject({ id: z.string().min(1), name: z.string().optional(), secret: z.string().min(16) }))
    .min(1),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      halls: { type: 'string' },
      db: { type: 'string', default: 'receiver.sqlite' },
      pg: { type: 'string' },
      port: { type: 'string', default: '9090' },
      host: { type: 'string', default: '127.0.0.1' },
      'fail-every': { type: 'string' },
    },
  });
  if (!values.halls) throw new Error('--halls FILE is required');
  const parsed = hallsFile.safeParse(JSON.parse(readFileSync(values.halls, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${values.halls}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const store = values.pg ? new PgReceiverStore(values.pg) : new SqliteReceiverStore(values.db);
  const r = await startReceiver(
    {
      halls: parsed.data.halls,
      store,
      failEvery: values['fail-every'] ? Number(values['fail-every']) : undefined,
      log: console.log,
    },
    Number(values.port),
    values.host,
  );
  console.log(`receiving hall events on ${r.url}/hall-events (${values.pg ? 'PostgreSQL' : values.db})`);
  const stop = () => void r.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
