// The appointment file the back office imports: CSV with a Chinese or English heading or none, services by
// name or id, local times given the hall's offset, ISO times kept, quoted cells; JSON as the API takes it;
// a bad line named by its number.
import { describe, expect, it } from 'vitest';
import { FileProblem, readAppointmentFile, zoneOffset } from '../../display/src/backoffice/appointment-file';

const services = [
  { id: 'general', name: '综合受理' },
  { id: 'tax', name: '税务' },
];
const read = (text: string) => readAppointmentFile(text, services, 'Asia/Shanghai');

describe('readAppointmentFile', () => {
  it('reads a CSV with a Chinese heading, a byte-order mark and CRLF; names kept for the server to mask', () => {
    const csv =
      '\uFEFF预约号,事项,日期,开始,结束,姓名\r\nYY1,综合受理,2026-11-23,9:00,09:30,张三丰\r\nYY2,tax,2026/11/23,10:00,10:30,\r\n';
    expect(read(csv)).toEqual([
      {
        code: 'YY1',
        serviceId: 'general',
        slotStart: '2026-11-23T09:00:00+08:00',
        slotEnd: '2026-11-23T09:30:00+08:00',
        nameMasked: '张三丰',
      },
      { code: 'YY2', serviceId: 'tax', slotStart: '2026-11-23T10:00:00+08:00', slotEnd: '2026-11-23T10:30:00+08:00' },
    ]);
  });

  it('an English heading in another order, quoted cells, ISO times as given; or no heading at all', () => {
    const csv = 'name,start,end,code,service\n"Li, Si",2026-11-23T09:00:00+08:00,2026-11-23T09:30:00+08:00,YY3,税务';
    expect(read(csv)).toEqual([
      {
        code: 'YY3',
        serviceId: 'tax',
        slotStart: '2026-11-23T09:00:00+08:00',
        slotEnd: '2026-11-23T09:30:00+08:00',
        nameMasked: 'Li, Si',
      },
    ]);
    expect(read('YY4,general,2026-11-23,14:00,14:20')[0]).toMatchObject({
      code: 'YY4',
      slotStart: '2026-11-23T14:00:00+08:00',
    });
  });

  it('takes the API’s JSON as it is', () => {
    const list = [
      { code: 'J1', serviceId: 'tax', slotStart: '2026-11-23T09:00:00+08:00', slotEnd: '2026-11-23T09:30:00+08:00' },
    ];
    expect(read(JSON.stringify({ appointments: list }))).toEqual(list);
    expect(read(JSON.stringify(list))).toEqual(list);
  });

  it('names the bad line', () => {
    expect(() => read('预约号,事项,日期,开始,结束\nYY1,户籍,2026-11-23,9:00,9:30')).toThrow(
      new FileProblem('第 2 行：没有“户籍”这个事项'),
    );
    expect(() => read('YY1,tax,23.11.2026,9:00,9:30')).toThrow(/第 1 行：日期或时间格式不对/);
    expect(() => read('YY1,tax')).toThrow('第 1 行：缺少预约号、事项或时段');
    expect(() => read('{"appointments": 1}')).toThrow('JSON 中没有 appointments 列表');
    expect(() => read('{oops')).toThrow('文件不是有效的 JSON');
  });

  it('a zone’s offset, half hours and summer time included', () => {
    expect(zoneOffset('2026-11-23', '09:00', 'Asia/Shanghai')).toBe('+08:00');
    expect(zoneOffset('2026-07-01', '09:00', 'Asia/Kolkata')).toBe('+05:30');
    expect(zoneOffset('2026-07-01', '09:00', 'Europe/Berlin')).toBe('+02:00');
    expect(zoneOffset('2026-01-01', '09:00', 'UTC')).toBe('+00:00');
  });
});
