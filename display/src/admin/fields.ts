// Form fields bound to a part of the draft configuration: each edit writes the value into the draft,
// re-renders the tab and tells the app (an `edit` event) that there are unsaved changes. A field the file
// leaves out shows its `fallback` (the value in force, e.g. the rule's default), and stays out until edited.
// Each field carries `data-key`: its key in the configuration.
import { html, type LitElement } from 'lit';

type Obj = Record<string, any>;

export function fields(host: LitElement) {
  const changed = () => {
    host.requestUpdate();
    host.dispatchEvent(new CustomEvent('edit', { bubbles: true, composed: true }));
  };
  const set = (o: Obj, k: string, v: unknown) => {
    if (v === undefined || v === '') delete o[k];
    else o[k] = v;
    changed();
  };
  return {
    changed,
    set,
    text: (o: Obj, k: string, label: string, attrs: { size?: number; placeholder?: string } = {}) =>
      html`<input
        aria-label=${label}
        title=${label}
        size=${attrs.size ?? 12}
        placeholder=${attrs.placeholder ?? ''}
        .value=${String(o[k] ?? '')}
        @change=${(e: Event) => set(o, k, (e.target as HTMLInputElement).value.trim())}
      />`,
    num: (
      o: Obj,
      k: string,
      label: string,
      attrs: { min?: number; max?: number; step?: number; fallback?: number } = {},
    ) =>
      html`<input
        type="number"
        aria-label=${label}
        data-key=${k}
        title=${label}
        class="num"
        min=${attrs.min ?? 0}
        max=${attrs.max ?? 100000}
        step=${attrs.step ?? 1}
        .value=${String(o[k] ?? attrs.fallback ?? '')}
        @change=${(e: Event) => {
          const v = (e.target as HTMLInputElement).value;
          set(o, k, v === '' ? undefined : Number(v));
        }}
      />`,
    time: (o: Obj, k: string, label: string) =>
      html`<input
        type="time"
        aria-label=${label}
        title=${label}
        .value=${String(o[k] ?? '')}
        @change=${(e: Event) => set(o, k, (e.target as HTMLInputElement).value)}
      />`,
    check: (o: Obj, k: string, label: string, fallback = false) =>
      html`<label class="check"
        ><input
          type="checkbox"
          data-key=${k}
          .checked=${(o[k] ?? fallback) === true}
          @change=${(e: Event) => set(o, k, (e.target as HTMLInputElement).checked)}
        />${label}</label
      >`,
    select: (o: Obj, k: string, label: string, options: [string, string][], fallback?: string) =>
      html`<select
        aria-label=${label}
        title=${label}
        data-key=${k}
        @change=${(e: Event) => set(o, k, (e.target as HTMLSelectElement).value)}
      >
        ${options.map(([v, l]) => html`<option value=${v} ?selected=${String(o[k] ?? fallback) === v}>${l}</option>`)}
      </select>`,
    /** A list of short strings, one a line. */
    lines: (o: Obj, k: string, label: string, rows = 4) =>
      html`<textarea
        aria-label=${label}
        rows=${rows}
        .value=${((o[k] as string[] | undefined) ?? []).join('\n')}
        @change=${(e: Event) =>
          set(
            o,
            k,
            (e.target as HTMLTextAreaElement).value
              .split('\n')
              .map((x) => x.trim())
              .filter(Boolean),
          )}
      ></textarea>`,
  };
}
