/* global WebAssembly, Buffer */
// eSpeak NG (GPL-3.0) in its own process: the Apache-2.0 server never loads it, it only reads the WAV
// this worker writes. One JSON request per stdin line, { id, text, voice }; one JSON answer per stdout
// line, { id, wav: base64 } or { id, error }. The WASM is compiled once and instantiated per request
// (eSpeak's command-line main runs once per instance).
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const dist = path.dirname(fileURLToPath(import.meta.resolve('espeak-ng')));
const { default: ESpeakNg } = await import('espeak-ng');
const wasm = await WebAssembly.compile(readFileSync(path.join(dist, 'espeak-ng.wasm')));

async function speak(text, voice) {
  const instance = await ESpeakNg({
    arguments: ['-v', voice, '-w', '/out.wav', text],
    print: () => {},
    printErr: () => {},
    instantiateWasm: (imports, done) => {
      const inst = new WebAssembly.Instance(wasm, imports);
      done(inst, wasm);
      return inst.exports;
    },
  });
  return Buffer.from(instance.FS.readFile('/out.wav'));
}

let chain = Promise.resolve();
createInterface({ input: process.stdin }).on('line', (line) => {
  chain = chain.then(async () => {
    let req;
    try {
      req = JSON.parse(line);
      const wav = await speak(String(req.text), typeof req.voice === 'string' ? req.voice : 'cmn');
      process.stdout.write(`${JSON.stringify({ id: req.id, wav: wav.toString('base64') })}\n`);
    } catch (e) {
      process.stdout.write(`${JSON.stringify({ id: req?.id ?? null, error: String(e?.message ?? e) })}\n`);
    }
  });
});
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
