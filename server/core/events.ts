// The hall core's typed event bus. Events are emitted only after their transaction commits; a failing
// listener (an adapter whose device is down) is logged and never blocks a command.
import type { AlertView, SessionEndedEvent } from '../protocol/socket';
import type { AdapterEvents } from './adapter-events';
import type { CallView, EvaluationView, FollowUpView, ServiceView, TicketView, WindowView } from '../protocol/views';

export type TicketAction =
  | 'issued'
  | 'called'
  | 'recalled'
  | 'started'
  | 'finished'
  | 'no_show'
  | 'held'
  | 'called_back'
  | 'transferred'
  | 'requeued'
  | 'cancelled'
  | 'expired'
  | 'reprioritised';

/** The core's events, and the adapters' own (adapter-events.ts) on the same bus. */
export interface HallEvents extends AdapterEvents {
  'ticket.changed': { ticket: TicketView; action: TicketAction; windowNo: number | null };
  call: CallView;
  'window.changed': { window: WindowView };
  'queues.changed': { services: ServiceView[] };
  /** A board notice set for one zone, or for the whole hall (zone null). */
  'notice.changed': { zone: string | null; text: string };
  /** An evaluation prompted, answered or timed out (未评价). */
  'evaluation.changed': { evaluation: EvaluationView };
  'followup.changed': { followUp: FollowUpView };
  /** Something supervisors must see (the dashboard lists and sounds it). */
  alert: AlertView;
  /** Clerk sessions ended (core/sessions.ts): their sockets are closed. Digests only, never tokens. */
  'session.ended': { digests: string[]; reason: SessionEndedEvent['reason'] };
  /** The hall's configuration changed while it runs (live settings): adapters re-read what they show. */
  'config.changed': { version: number; changed: string[] };
}

export type HallEventName = keyof HallEvents;
export type HallEvent = { [K in HallEventName]: { type: K; payload: HallEvents[K] } }[HallEventName];

type Listener<K extends HallEventName> = (payload: HallEvents[K]) => void;

export class EventBus {
  private readonly listeners = new Map<HallEventName, Set<Listener<HallEventName>>>();

  constructor(private readonly log: (msg: string, err: unknown) => void = (m, e) => console.error(m, e)) {}

  on<K extends HallEventName>(type: K, fn: Listener<K>): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(fn as Listener<HallEventName>);
    return () => set.delete(fn as Listener<HallEventName>);
  }

  emit(event: HallEvent): void {
    for (const fn of this.listeners.get(event.type) ?? []) {
      try {
        fn(event.payload);
      } catch (err) {
        this.log(`listener for ${event.type} failed`, err);
      }
    }
  }
}
