// The kiosk's words, Chinese first. The language is the kiosk's own, switched in the page and set back to
// the hall's default for each new visitor (a shared screen must not greet the next person in English).
import { translator, type Lang } from '../shared/i18n';

const dict = {
  title: { zh: '自助取号', en: 'Take a number' },
  pick: { zh: '请选择您要办理的事项', en: 'Choose what you came for' },
  waiting: { zh: '等候 {n} 人', en: '{n} waiting' },
  estimate: { zh: '约 {min} 分钟', en: '≈ {min} min' },
  nobody: { zh: '当前暂无窗口办理', en: 'No window is serving this now' },
  full: { zh: '今日号已取完', en: 'No more numbers today' },
  closed: { zh: '暂停取号', en: 'Not issuing now' },
  checkIn: { zh: '预约签到', en: 'Appointment check-in' },
  checkInHint: { zh: '请输入预约码（短信中的字母和数字）', en: 'Enter your appointment code (from the text message)' },
  checkInGo: { zh: '签到取号', en: 'Check in' },
  back: { zh: '返回', en: 'Back' },
  priority: { zh: '优先服务（请如实选择，工作人员将核验）', en: 'Priority service (staff will check)' },
  none: { zh: '无', en: 'None' },
  p_elderly: { zh: '老年人', en: 'Elderly' },
  p_disabled: { zh: '残疾人', en: 'Disabled' },
  p_military: { zh: '军人', en: 'Military' },
  p_pregnant: { zh: '孕妇', en: 'Pregnant' },
  p_green: { zh: '绿色通道', en: 'Green channel' },
  priorityGiven: { zh: '{kind}优先（请向窗口出示证件）', en: 'Priority: {kind} (show proof at the window)' },
  idLabel: { zh: '身份证号（选填，可刷身份证）', en: 'ID card number (optional, or swipe your ID card)' },
  take: { zh: '取号', en: 'Take a number' },
  yourNumber: { zh: '您的号码', en: 'Your number' },
  ahead: { zh: '前方还有 {n} 人', en: '{n} ahead of you' },
  waitMin: { zh: '预计等候约 {min} 分钟', en: 'Estimated wait about {min} min' },
  scan: { zh: '微信扫码，随时查看排队进度', en: 'Scan to follow your place on your phone' },
  printed: { zh: '请取走您的号票', en: 'Please take your ticket' },
  notPrinted: {
    zh: '号票未能打印（{reason}）。您的号码已有效，请记下号码或扫码',
    en: 'The ticket could not be printed ({reason}). Your number is valid: note it or scan the code',
  },
  reprint: { zh: '重新打印', en: 'Print again' },
  done: { zh: '完成', en: 'Done' },
  returning: { zh: '{s} 秒后返回首页', en: 'Back to start in {s} s' },
  printerWarn: {
    zh: '{reason}：号码将显示在屏幕上，请扫码或拍照留存',
    en: '{reason}: your number will be shown on screen; scan or take a photo',
  },
  offline: { zh: '网络连接中断，正在自动重连…', en: 'Connection lost, reconnecting…' },
  noToken: {
    zh: '此取号机尚未设置：请在地址后加上 ?token=设备令牌',
    en: 'Not set up: add ?token=DEVICE_TOKEN to the address',
  },
  ok: { zh: '知道了', en: 'OK' },
  busy: { zh: '正在取号…', en: 'Issuing…' },
  appointment: { zh: '预约 {from}–{to}', en: 'Appointment {from}–{to}' },
  // Never the number: anyone at the kiosk who knows an ID number would learn who is in the hall.
  e_ALREADY_HOLDING: {
    zh: '该身份证号已取过本事项的号，请勿重复取号；如需查询请咨询导服台',
    en: 'This ID number already holds a ticket for this service; the help desk can look it up',
  },
  e_DAILY_CAP_REACHED: {
    zh: '今日本事项的号已取完，请明天再来或咨询导服台',
    en: 'No more numbers today for this service',
  },
  e_SERVICE_CLOSED: { zh: '本事项当前暂停取号', en: 'This service is not issuing numbers now' },
  e_HALL_CLOSED: { zh: '今日已停止取号，请下个工作日再来', en: 'The hall has stopped issuing numbers today' },
  e_APPOINTMENT_TOO_EARLY: { zh: '还未到签到时间', en: 'Too early to check in' },
  e_APPOINTMENT_TOO_LATE: { zh: '预约时段已过，请重新预约或取普通号', en: 'Your appointment has passed' },
  e_APPOINTMENT_USED: { zh: '该预约码已签到', en: 'This appointment has already checked in' },
  e_NOT_FOUND: { zh: '预约码不存在，请核对', en: 'No such appointment code' },
  e_VALIDATION: { zh: '输入有误，请核对', en: 'Please check what you entered' },
  e_NETWORK: { zh: '网络异常，请稍后再试或咨询导服台', en: 'Network problem, please try again' },
  printer_paper_out: { zh: '打印机缺纸', en: 'Printer out of paper' },
  printer_cover_open: { zh: '打印机盖未关', en: 'Printer cover open' },
  printer_error: { zh: '打印机故障', en: 'Printer error' },
  printer_offline: { zh: '打印机离线', en: 'Printer offline' },
  printer_paper_near_end: { zh: '打印纸即将用完', en: 'Paper low' },
  printer_ok: { zh: '正常', en: 'OK' },
};

/** The hall's default language: every visitor starts in it. */
export const DEFAULT_LANG: Lang = 'zh';
let lang: Lang = DEFAULT_LANG;
const translators = { zh: translator(dict, 'zh'), en: translator(dict, 'en') };

export const kioskLang = (): Lang => lang;
export function setKioskLang(l: Lang): void {
  lang = l;
}
export const t = (key: Key, vars?: Record<string, string | number>): string => translators[lang](key, vars);
export type Key = keyof typeof dict;
export const isKey = (k: string): k is Key => k in dict;
