// Hardware evaluation pad (评价器) simulator: logs in as a window's pad, shows the prompt, and sends the
// visitor's answer. Type a score 1–5 (5 = 非常满意); for 1 or 2 add reason numbers and optional text:
//   5                  非常满意
//   2 1,3 排队太久      不满意, reasons 1 and 3 from the list, a comment
//   npm run pad -- --window 1            (the demo hall's pad-1 on the embedded broker)
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { hallTopics, padPromptPayload, type PadResultPayload } from '../server/protocol/mqtt';
import { loadConfigFile } from '../server/config/load';
import { DEMO_CONFIG } from '../server/paths';
import { DEVICE_OPTIONS, connectDevice, resolveDevice } from './device-login';

const LEVEL_BY_SCORE = ['', '非常不满意', '不满意', '基本满意', '满意', '非常满意'];

const { values } = parseArgs({ options: DEVICE_OPTIONS });
const device = resolveDevice(
  'pad',
  values,
  'usage: npm run pad -- --window N [--config FILE] [--url mqtt://host:port]',
);
const reasons = loadConfigFile(values.config ?? DEMO_CONFIG).evaluation.reasons;
const { base, windowNo } = device;
const topics = hallTopics(base);
let evaluationId: string | null = null;

const { client, leave } = connectDevice(device, [topics.padPrompt(windowNo), topics.padResult(windowNo)], () =>
  console.log(
    `${device.id} → ${windowNo}号窗口 ready. 评价: 5 非常满意 … 1 非常不满意; 原因: ${reasons.map((r, i) => `${i + 1} ${r}`).join('  ')}`,
  ),
);

client.on('message', (topic, payload) => {
  try {
    const json: unknown = JSON.parse(payload.toString('utf8'));
    if (topic === topics.padResult(windowNo)) {
      const r = json as PadResultPayload;
      return console.log(r.ok ? '✓ 感谢您的评价' : `✗ ${r.error?.message ?? '失败'}`);
    }
    const p = padPromptPayload.parse(json);
    evaluationId = p.state === 'evaluate' ? p.evaluationId : null;
    if (p.state === 'evaluate') console.log(`请评价：${p.ticket} ${p.service ?? ''}（${p.clerk?.name ?? ''}）`);
    else if (p.state === 'serving') console.log(`正在办理：${p.ticket} ${p.service ?? ''}`);
    else console.log(p.clerk ? `欢迎您 · ${p.clerk.name} 工号 ${p.clerk.id}` : '本窗口暂未开放');
  } catch {
    console.error(`malformed payload on ${topic} ignored`);
  }
});

createInterface({ input: process.stdin }).on('line', (line) => {
  const [scoreText, reasonText, ...rest] = line.trim().split(/\s+/);
  if (scoreText === 'q' || scoreText === 'quit') return leave();
  const score = Number(scoreText);
  if (!Number.isInteger(score) || score < 1 || score > 5) return console.log('请输入 1–5');
  if (!evaluationId) return console.log('现在没有待评价的服务');
  const picked = (reasonText ?? '')
    .split(',')
    .filter(Boolean)
    .map((n) => reasons[Number(n) - 1])
    .filter((r): r is string => !!r);
  console.log(`→ ${LEVEL_BY_SCORE[score]}${picked.length ? `（${picked.join('、')}）` : ''}`);
  const body = { evaluationId, score, reasons: picked, ...(rest.length ? { comment: rest.join(' ') } : {}) };
  client.publish(topics.padEvaluation(windowNo), JSON.stringify(body), { qos: 1 });
});
process.on('SIGINT', () => void leave());
process.on('SIGTERM', () => void leave());
