// npm run backup -- [--data DIR] [--config FILE] [--dir BACKUPS] [--keep N]
//   An online backup now (safe while the server runs), kept with the nightly ones.
// npm run restore -- [--data DIR] BACKUP.sqlite     (stop the server first)
//   Checks the backup, keeps the current database beside it, and puts the backup in its place; today's
//   numbers and upstream ids continue past anything issued after the backup (hall.sqlite.high-water.json).
// npm run restore -- --list [--data DIR]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupNow, listBackups, restoreBackup } from '../server/backup/backup';
import { loadConfigFile } from '../server/config/load';
import { DEMO_CONFIG } from '../server/paths';
import { openDatabase } from '../server/store/db';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string' },
    config: { type: 'string' },
    dir: { type: 'string' },
    keep: { type: 'string' },
    list: { type: 'boolean', default: false },
    restore: { type: 'boolean', default: false },
  },
});
const mode = values.restore ? 'restore' : 'backup';
const dataDir = path.resolve(values.data ?? process.env.HALL_DATA_DIR ?? 'data');
const config = loadConfigFile(values.config ?? process.env.HALL_CONFIG ?? DEMO_CONFIG);
const dir = path.resolve(values.dir ?? config.backup.dir ?? path.join(dataDir, 'backups'));

function fail(msg: string): never {
  console.error(msg);
  process.exit(1);
}

async function main(): Promise<void> {
  if (values.list) {
    for (const f of listBackups(dir)) console.log(f);
    return;
  }
  if (mode === 'backup') {
    const keep = values.keep === undefined ? config.backup.keep : Number(values.keep);
    if (!Number.isInteger(keep) || keep < 1) fail('--keep: a whole number ≥ 1');
    const db = openDatabase(dataDir);
    try {
      console.log(await backupNow(db, { dir, keep, timezone: config.hall.timezone }, Date.now()));
    } finally {
      db.close();
    }
    return;
  }
  const file = positionals[0] ?? fail('usage: npm run restore -- [--data DIR] BACKUP.sqlite   (or --list)');
  const { kept, marks } = restoreBackup(path.resolve(file), dataDir);
  console.log(`restored ${file} into ${dataDir}${kept ? `; the previous database is kept as ${kept}` : ''}`);
  // Numbers and upstream ids handed out after the backup are never handed out again.
  const today = Object.keys(marks.counters).sort().at(-1);
  const last = today ? Object.entries(marks.counters[today]!).map(([p, n]) => `${p}${String(n).padStart(3, '0')}`) : [];
  console.log(
    `restore generation ${marks.generation}; numbering continues after ${last.join(' ') || '(none issued)'}` +
      `${today ? ` (${today})` : ''}; upstream events after #${marks.sequences.outbox ?? 0}`,
  );
}

main().catch((e: unknown) => fail((e as Error).message));
