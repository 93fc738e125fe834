// Caller keypad (呼叫器) simulator: logs in as a window's keypad and sends the keys you press.
//   npm run keypad -- --window 1            (the demo hall's keypad-1 on the embedded broker)
// Keys: the console's letters (window-client/src/shortcuts.ts): n 叫号  r 重呼  k 过号  f 办结  h 挂起
// p 暂停 (again: 恢复)  q 退出. Without a terminal, one action per line (next, recall, skip, finish, hold,
// pause, resume).
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { hallTopics, KEYPAD_ACTIONS } from '../server/protocol/mqtt';
import { keypadKeys } from '../server/protocol/action-keys';
import { DEVICE_OPTIONS, connectDevice, resolveDevice } from './device-login';

// The console's letters, so a clerk who knows one knows the other (the keypad has no 开始办理: S is unused).
const KEYS = keypadKeys();
const LABEL: Record<string, string> = {
  next: '叫号',
  recall: '重呼',
  skip: '过号',
  finish: '办结',
  hold: '挂起',
  pause: '暂停',
  resume: '恢复',
};

const { values } = parseArgs({ options: DEVICE_OPTIONS });
const device = resolveDevice(
  'keypad',
  values,
  'usage: npm run keypad -- --window N [--config FILE] [--url mqtt://host:port]',
);
const { base, windowNo } = device;
const topics = hallTopics(base);
const { client, leave } = connectDevice(device, [topics.keypadResult(windowNo)], () =>
  console.log(`${device.id} → ${windowNo}号窗口 ready. ${keyHelp()} q 退出`),
);
client.on('message', (_t, p) => {
  try {
    const r = JSON.parse(p.toString()) as { ok: boolean; ticket?: string | null; error?: { message: string } };
    console.log(r.ok ? `✓ ${r.ticket ? `当前 ${r.ticket} 号` : '完成'}` : `✗ ${r.error?.message ?? '失败'}`);
  } catch {
    console.log('? unreadable result');
  }
});

function keyHelp(): string {
  return Object.entries(KEYS)
    .map(([k, a]) => `${k} ${a === 'pause' ? '暂停/恢复' : LABEL[a]}`)
    .join(' ');
}

/** P is 暂停 and, pressed again, 恢复 — as on the console. */
let paused = false;
function sendKey(action: (typeof KEYPAD_ACTIONS)[number]): void {
  if (action === 'pause' && paused) action = 'resume';
  if (action === 'pause' || action === 'resume') paused = action === 'pause';
  send(action);
}

function send(action: (typeof KEYPAD_ACTIONS)[number]): void {
  console.log(`→ ${LABEL[action]}`);
  client.publish(topics.keypadCommand(windowNo), JSON.stringify({ action, requestId: randomUUID() }), { qos: 1 });
}

const quit = () => void leave();

if (process.stdin.isTTY) {
  process.stdin.setRawMode(true);
  process.stdin.on('data', (d) => {
    const key = d.toString().toLowerCase();
    if (key === 'q' || key === '\u0003') return quit();
    const action = KEYS[key];
    if (action) sendKey(action);
  });
} else {
  createInterface({ input: process.stdin }).on('line', (line) => {
    const word = line.trim().toLowerCase();
    const action = (KEYPAD_ACTIONS as readonly string[]).includes(word)
      ? (word as (typeof KEYPAD_ACTIONS)[number])
      : KEYS[word];
    if (action) send(action);
    else if (word === 'quit' || word === 'q') quit();
  });
}
process.on('SIGTERM', quit);
