// A virtual ESC/POS network printer in the terminal: point a kiosk's printer entry at it and every ticket
// appears here as text, with an HTML preview of the paper roll. Type a condition to test the kiosk's
// messages: paper-out, paper-low, cover-open, error, off, ok.
//
//   npm run printer                       (listens on 127.0.0.1:9100, preview on http://127.0.0.1:9180)
//   npm run printer -- --host 0.0.0.0 --port 9100 --http 9180 --columns 32
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { renderDocText } from './escpos/document';
import { previewPage } from './escpos/preview';
import { VirtualPrinter } from './virtual-printer';

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '9100' },
    http: { type: 'string', default: '9180' },
    columns: { type: 'string', default: '48' },
  },
});
const port = Number(values.port);
const httpPort = Number(values.http);
const columns = Number(values.columns);
if (![port, httpPort, columns].every((n) => Number.isInteger(n) && n >= 0 && n <= 65535)) {
  console.error('usage: npm run printer -- [--host H] [--port 9100] [--http 9180] [--columns 48|32]');
  process.exit(2);
}

const CONDITIONS: Record<string, (p: VirtualPrinter) => void> = {
  ok: (p) => {
    p.online = true;
    p.set({ paperOut: false, paperNearEnd: false, coverOpen: false, error: false });
  },
  'paper-out': (p) => p.set({ paperOut: true }),
  'paper-low': (p) => p.set({ paperNearEnd: true }),
  'cover-open': (p) => p.set({ coverOpen: true }),
  error: (p) => p.set({ error: true }),
  off: (p) => (p.online = false),
};

const printer = new VirtualPrinter('printer');
printer.on('ticket', (r) => process.stdout.write(`\n${renderDocText(r.doc, columns)}\n`));
void printer.start(port, values.host).then((bound) => {
  console.log(`虚拟打印机 listening on ${values.host}:${bound}; preview http://${values.host}:${httpPort}/`);
  console.log(`type a condition and Enter: ${Object.keys(CONDITIONS).join(', ')}`);
});
const preview = createServer((_req, res) => {
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(previewPage('虚拟打印机', printer.printed.map((r) => r.doc).reverse(), 3));
});
preview.listen(httpPort, values.host);

createInterface({ input: process.stdin }).on('line', (line) => {
  const set = CONDITIONS[line.trim()];
  if (!set) return console.log(`unknown condition "${line.trim()}"; one of ${Object.keys(CONDITIONS).join(', ')}`);
  set(printer);
  console.log(`printer now: ${JSON.stringify({ online: printer.online, ...printer.condition })}`);
});
const stop = () => void printer.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
