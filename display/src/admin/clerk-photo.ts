// 人员照片: one clerk's photo cell in the staff tab — the picture, 上传/更换 and 删除. The photo is sent at
// once (its own route, a new configuration version); the page then adopts that version (admin-app.ts).
// A photo over the server's limit is shrunk here first, as a hall's staff photos come from phones.
import { LitElement, css, html, nothing } from 'lit';
import { ApiError } from '../shared/device-api';
import type { AdminApi, PhotoAnswer } from './admin-api';
import { t } from './admin-i18n';

const MAX_BYTES = 1024 * 1024; // server/domain/photo.ts PHOTO_MAX_BYTES
const MAX_SIDE = 800;

/** A picture the browser can read, redrawn as a JPEG of at most 800 px a side; null if it cannot read it. */
async function shrink(file: Blob): Promise<Blob | null> {
  const bitmap = await createImageBitmap(file).catch(() => null);
  if (!bitmap) return null;
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return new Promise((done) => canvas.toBlob(done, 'image/jpeg', 0.85));
}

const base64 = async (b: Blob) => {
  const bytes = new Uint8Array(await b.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

/** Sent after a photo is saved or removed: the new version and the clerk's new photo address. */
export type PhotoChanged = CustomEvent<PhotoAnswer & { clerkId: string; removed: boolean }>;

export class ClerkPhoto extends LitElement {
  static override properties = {
    api: { attribute: false },
    clerkId: { attribute: false },
    url: { attribute: false },
    saved: { attribute: false },
    error: { state: true },
    busy: { state: true },
  };
  declare api: AdminApi;
  declare clerkId: string;
  declare url: string | undefined;
  /** False for a clerk not saved yet: the photo waits for the account. */
  declare saved: boolean;
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    this.error = '';
    this.busy = false;
    this.saved = true;
  }

  static override styles = css`
    :host {
      display: flex;
      align-items: center;
      gap: 6px;
      flex-wrap: wrap;
      font-size: 13px;
    }
    img,
    .none {
      width: 36px;
      height: 48px;
      object-fit: cover;
      border-radius: 4px;
      border: 1px solid #c8d1dc;
      background: #eef2f7;
    }
    button,
    label.button {
      font: inherit;
      padding: 2px 8px;
      border: 1px solid #b9c3cf;
      border-radius: 4px;
      background: #fff;
      cursor: pointer;
    }
    input[type='file'] {
      display: none;
    }
    .error {
      color: #c62828;
      flex-basis: 100%;
    }
    .muted {
      color: #889;
    }
  `;

  private async send(file: File): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      const body = file.size > MAX_BYTES ? ((await shrink(file)) ?? file) : file;
      this.changed(await this.api.setPhoto(this.clerkId, await base64(body)), false);
    } catch (e) {
      this.error = e instanceof ApiError ? e.message : String(e);
    } finally {
      this.busy = false;
    }
  }

  private async removePhoto(): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      this.changed(await this.api.removePhoto(this.clerkId), true);
    } catch (e) {
      this.error = e instanceof ApiError ? e.message : String(e);
    } finally {
      this.busy = false;
    }
  }

  private changed(a: PhotoAnswer, removed: boolean): void {
    const detail = { ...a, clerkId: this.clerkId, removed };
    this.dispatchEvent(new CustomEvent('photo-changed', { detail, bubbles: true, composed: true }));
  }

  override render() {
    if (!this.saved) return html`<span class="muted">${t('photoSaveFirst')}</span>`;
    return html`${
        this.url
          ? html`<img src=${this.url} alt=${t('photo')} data-testid="clerk-photo" />`
          : html`<span class="none" aria-hidden="true"></span>`
      }
      <label class="button" title=${t('photoHint')}>
        ${this.url ? t('changePhoto') : t('uploadPhoto')}
        <input
          type="file"
          accept="image/jpeg,image/png"
          ?disabled=${this.busy}
          aria-label=${t('uploadPhoto')}
          @change=${(e: Event) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            input.value = '';
            if (file) void this.send(file);
          }}
        />
      </label>
      ${
        this.url
          ? html`<button ?disabled=${this.busy} @click=${() => void this.removePhoto()}>${t('removePhoto')}</button>`
          : nothing
      }
      ${this.error ? html`<span class="error" role="alert">${this.error}</span>` : nothing}`;
  }
}

customElements.define('clerk-photo', ClerkPhoto);

declare global {
  interface HTMLElementTagNameMap {
    'clerk-photo': ClerkPhoto;
  }
  interface HTMLElementEventMap {
    'photo-changed': PhotoChanged;
  }
}
