// A test hall for the back office: the usual small hall plus a guide desk clerk ("gd", role guide) and a
// virtual printer on loopback for the desk to print on, and evaluation pads at windows 2–4.
import { VirtualPrinter } from '../../devices/virtual-printer';
import type { HallServer, HallServerOptions } from '../../server/app';
import { parseConfig } from '../../server/config/load';
import { stringify } from 'yaml';
import { startTestHall, testConfigInput } from './hall';

/** Pads at windows 2–4 (window 1's is the usual PAD_TOKEN). */
export const padToken = (windowNo: number) => `test-pad${windowNo}-token-0000000001`;

export async function startBackofficeHall(
  opts: Partial<HallServerOptions> = {},
): Promise<{ server: HallServer & { dataDir: string }; printer: VirtualPrinter }> {
  const printer = new VirtualPrinter('printer-1');
  const port = await printer.start(0, '127.0.0.1');
  const input = testConfigInput(4);
  const hash = input.clerks![0]!.passwordHash;
  input.clerks = [...input.clerks!, { id: 'gd', name: '导服员', role: 'guide', passwordHash: hash }];
  input.devices = [
    ...input.devices!,
    { id: 'printer-1', kind: 'printer', kiosk: 'kiosk-1', host: '127.0.0.1', port },
    ...[2, 3, 4].map((no) => ({ id: `pad-${no}`, kind: 'pad' as const, window: no, token: padToken(no) })),
  ];
  const config = parseConfig(stringify(input), 'backoffice-test-config');
  const server = await startTestHall({ config, printerPollMs: 150, printerTimeoutMs: 1000, ...opts });
  return { server, printer };
}
