// The call chime (ding-dong) with Web Audio. Browsers keep audio locked until the first touch or key:
// the board unlocks it then, and until then skips the chime rather than waiting for it.
let ctx: AudioContext | null = null;

export function audioUnlocked(): boolean {
  return ctx?.state === 'running';
}

export function unlockAudioOnFirstGesture(onUnlock: () => void): void {
  const unlock = () => {
    ctx ??= new AudioContext();
    void ctx.resume().then(onUnlock);
    window.removeEventListener('pointerdown', unlock);
    window.removeEventListener('keydown', unlock);
  };
  window.addEventListener('pointerdown', unlock);
  window.addEventListener('keydown', unlock);
  try {
    ctx = new AudioContext();
    if (ctx.state === 'running') onUnlock();
  } catch {
    ctx = null;
  }
}

export async function chime(): Promise<void> {
  if (!ctx || ctx.state !== 'running') return;
  const tone = (freq: number, start: number, dur: number) => {
    const o = ctx!.createOscillator();
    const g = ctx!.createGain();
    o.frequency.value = freq;
    o.type = 'sine';
    g.gain.setValueAtTime(0.0001, ctx!.currentTime + start);
    g.gain.exponentialRampToValueAtTime(0.4, ctx!.currentTime + start + 0.02);
    g.gain.exponentialRampToValueAtTime(0.0001, ctx!.currentTime + start + dur);
    o.connect(g).connect(ctx!.destination);
    o.start(ctx!.currentTime + start);
    o.stop(ctx!.currentTime + start + dur);
  };
  tone(880, 0, 0.45);
  tone(660, 0.4, 0.6);
  await new Promise((r) => setTimeout(r, 1000));
}
