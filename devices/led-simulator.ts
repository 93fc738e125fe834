// LED strip simulator: logs in to the hall's MQTT broker as an LED device and shows, in the terminal,
// what the window's strip would show. For halls testing a controller gateway, and for demos.
//
//   npm run led -- --window 1                       (the demo hall's led-1 on the embedded broker)
//   npm run led -- --config hall.yaml --window 3 --url mqtt://192.168.1.10:1883
import { parseArgs } from 'node:util';
import { hallTopics, ledDisplayPayload, serverStatePayload, type LedDisplayPayload } from '../server/protocol/mqtt';
import { DEVICE_OPTIONS, connectDevice, resolveDevice } from './device-login';
import { frame } from './terminal-frame';

const { values } = parseArgs({ options: { ...DEVICE_OPTIONS, plain: { type: 'boolean' } } });

const device = resolveDevice(
  'led',
  values,
  'usage: npm run led -- --window N [--config FILE] [--url mqtt://host:port]',
);
const { base, windowNo } = device;
const topics = hallTopics(base);
const plain = values.plain || !process.stdout.isTTY;

let last: LedDisplayPayload | null = null;
let serverOnline = true;

function show(): void {
  const lines = last?.lines ?? ['……'];
  const status = `${device.id} · ${last ? `${last.state} · seq ${last.seq}` : '等待数据'}${serverOnline ? '' : ' · 服务器离线'}`;
  const out = frame(lines, 24, !plain) + `\n ${status}\n`;
  if (plain) process.stdout.write(out);
  else process.stdout.write(`\x1b[2J\x1b[H${out}`);
}

const { client, leave } = connectDevice(device, [topics.ledDisplay(windowNo), topics.serverState], show);
client.on('message', (topic, payload) => {
  try {
    const json: unknown = JSON.parse(payload.toString('utf8'));
    if (topic === topics.serverState) serverOnline = serverStatePayload.parse(json).state === 'online';
    else {
      const p = ledDisplayPayload.parse(json);
      if (last && p.seq <= last.seq) return; // stale: an older retained message
      last = p;
    }
    show();
  } catch {
    console.error(`malformed payload on ${topic} ignored`);
  }
});
process.on('SIGINT', () => void leave());
process.on('SIGTERM', () => void leave());
