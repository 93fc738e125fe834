// Why a visitor was called, as a supervisor or clerk reads it (issue 24): the routing rule's terms in words,
// in the order the rule adds them up. Pure, so the wording is unit-tested (test/unit/call-reason-text.test.ts).
import type { CallReasonView } from '../../../server/protocol/views';

type Lang = 'zh' | 'en';

const num = (x: number) => String(Math.round(x * 100) / 100);

/** One line per reason; the last states the urgency the window compared. */
export function callReasonLines(r: CallReasonView, lang: Lang): string[] {
  const zh = lang === 'zh';
  const head = zh ? `${r.number}（${r.serviceName}）` : `${r.number} (${r.serviceName})`;
  if (r.how === 'special')
    return [zh ? `${head}：窗口特呼，由工作人员指定号码` : `${head}: called by number by the clerk`];
  if (r.how === 'callBack')
    return [zh ? `${head}：回呼，挂起后由本窗口叫回` : `${head}: called back after being held at this window`];
  const t = r.terms;
  const n = (k: string) => (typeof t[k] === 'number' ? (t[k] as number) : 0);
  const lines = [
    zh
      ? `${head}：叫号时已等候 ${r.waitedMin} 分钟，目标 ${r.targetWaitMin} 分钟`
      : `${head}: waited ${r.waitedMin} min when called; target ${r.targetWaitMin} min`,
  ];
  if (typeof t.targetRatio === 'number')
    lines.push(zh ? `等候/目标 ${num(n('targetRatio'))}` : `waited ÷ target ${num(n('targetRatio'))}`);
  if (typeof t.loadWeight === 'number' && Math.abs(n('loadWeight') - 1) > 0.005)
    lines.push(
      zh
        ? `事项负荷系数 ×${num(n('loadWeight'))}（高峰时每个可办窗口的负荷，相对全厅）`
        : `load factor ×${num(n('loadWeight'))} (the matter's peak load per window that may take it, against the hall's)`,
    );
  // At a matter the window only helps with, the boost is the helpers' rule (priorityWhenHelping or
  // priorityWhenOwnEmpty): say so, or the supervisor wonders why a helper passed its own line's order.
  const helped = n('level') > 1;
  if (n('priorityBoost') > 0)
    lines.push(
      zh
        ? `优先群众 +${num(n('priorityBoost'))}${helped ? '（兼办事项的优先群众：兼办窗口先办优先群众）' : ''}`
        : `priority visitor +${num(n('priorityBoost'))}${helped ? ' (of a helped matter: helpers serve priority visitors first)' : ''}`,
    );
  if (t.priorityFirst === true)
    lines.push(zh ? '优先群众排在本事项最前' : 'a priority visitor goes first in its matter');
  if (n('nearTarget') > 0)
    lines.push(zh ? `临近目标 +${num(n('nearTarget'))}` : `near its target +${num(n('nearTarget'))}`);
  if (typeof t.shortMatter === 'number' && Math.abs(n('shortMatter') - 1) > 0.005)
    lines.push(
      zh
        ? `办理时长系数 ×${num(n('shortMatter'))}（短事项先办，窗口能多办几位）`
        : `short-matter factor ×${num(n('shortMatter'))} (quick matters first: more visitors served)`,
    );
  if (typeof t.level === 'number')
    lines.push(
      n('level') <= 1
        ? zh
          ? '本窗口主办事项'
          : 'this window’s own matter'
        : zh
          ? `本窗口兼办（${n('level')}级）${n('levelPenalty') > 0 ? ` −${num(n('levelPenalty'))}` : ''}`
          : `a matter this window helps with (level ${n('level')})${n('levelPenalty') > 0 ? ` −${num(n('levelPenalty'))}` : ''}`,
    );
  if (t.bottleneck === true) lines.push(zh ? '瓶颈事项：不被兼办窗口推后' : 'a bottleneck matter: never deferred');
  if (n('rescue') > 0) lines.push(zh ? `超时救急 +${num(n('rescue'))}` : `rescue of a long wait +${num(n('rescue'))}`);
  if (typeof t.urgency === 'number')
    lines.push(
      zh
        ? `紧急度 ${num(n('urgency'))}：本窗口可叫的号码中最高`
        : `urgency ${num(n('urgency'))}: the highest of the tickets this window may call`,
    );
  return lines;
}
