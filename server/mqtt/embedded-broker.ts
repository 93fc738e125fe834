// The embedded broker (aedes) as devices meet it: only configured devices log in (username = device id,
// password = token), each session under its own device id as client id, touching only its own topics, and every connection
// bounded in size and time by the connection guard. The server itself never logs in here: it publishes
// and subscribes in process (server-link.ts), so there is no server session a device could take over.
import { Aedes, type Client } from 'aedes';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { DeviceConfig } from '../config/schema';
import { sameToken } from '../auth/tokens';
import type { Log } from '../log';
import { clientIdFor, mayAccess } from './acl';
import { CONNECTION_LIMITS, GuardedConnection, type ConnectionLimits } from './connection-guard';

export interface EmbeddedBrokerOptions {
  base: string;
  /** Read at every login, so a live config change counts. */
  devices: () => readonly DeviceConfig[];
  log: Log;
  limits?: Partial<ConnectionLimits>;
  /** Connections not yet admitted at once; more are closed on accept (a flood cannot grow memory). */
  maxPending?: number;
}

/** What the broker keeps on each client it admitted. */
interface DeviceClient {
  device?: DeviceConfig;
  requestedId?: string;
}

const refusal = (returnCode: 2 | 4, message: string) => Object.assign(new Error(message), { returnCode });
const short = (s: unknown) => String(s).slice(0, 64);

export class EmbeddedBroker {
  private listener: Server | null = null;
  private pending = 0;
  private readonly open = new Set<GuardedConnection>();
  port: number | null = null;

  private constructor(
    readonly broker: Aedes,
    private readonly o: EmbeddedBrokerOptions,
    private readonly limits: ConnectionLimits,
  ) {}

  static async create(o: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
    const limits = { ...CONNECTION_LIMITS, ...o.limits };
    const broker = await Aedes.createBroker({ connectTimeout: limits.admitWithinMs });
    const eb = new EmbeddedBroker(broker, o, limits);
    eb.guardLogins();
    return eb;
  }

  private guardLogins(): void {
    const { broker, o } = this;
    const tagged = (c: Client | null) => c as unknown as DeviceClient | null;
    const remote = (c: Client) => (c.conn as unknown as GuardedConnection).remoteAddress;
    broker.preConnect = (client, packet, done) => {
      tagged(client)!.requestedId = packet.clientId;
      done(null, true);
    };
    broker.authenticate = (client, user, pass, done) => {
      const password = pass ? pass.toString('utf8') : '';
      const devices = o.devices();
      const d = devices.find((x) => x.id === user && 'token' in x);
      if (!d || !('token' in d) || !sameToken(password, d.token)) {
        o.log('mqtt: refused login', undefined, { user: short(user), remote: remote(client) });
        return done(refusal(4, 'bad username or password') as never, false);
      }
      const requested = tagged(client)!.requestedId ?? '';
      const id = clientIdFor(d, requested, devices);
      if (id === null) {
        o.log("mqtt: refused another device's client id", undefined, {
          device: d.id,
          clientId: short(requested),
          remote: remote(client),
        });
        return done(refusal(2, "another device's client id") as never, false);
      }
      // aedes registers sessions (and closes an older one of the same id) by client.id after this returns.
      (client as unknown as { id: string }).id = id;
      tagged(client)!.device = d;
      done(null, true);
    };
    broker.authorizePublish = (client, packet, done) => {
      const d = tagged(client)?.device;
      done(d && mayAccess(d, o.base, packet.topic, 'publish') ? null : new Error('not authorised'));
    };
    broker.authorizeSubscribe = (client, sub, done) => {
      const d = tagged(client)?.device;
      done(null, d && mayAccess(d, o.base, sub.topic, 'subscribe') ? sub : null);
    };
    broker.on('clientReady', (client) => (client.conn as unknown as GuardedConnection).admit());
  }

  /** Closes the sessions of devices whose token was revoked or whose settings changed (live settings). */
  dropStale(): number {
    const devices = this.o.devices();
    let n = 0;
    // aedes keeps its clients by id (not in its typings).
    const clients = (this.broker as unknown as { clients: Record<string, Client> }).clients;
    for (const client of Object.values(clients)) {
      const d = (client as unknown as DeviceClient).device;
      if (!d) continue;
      const now = devices.find((x) => x.id === d.id);
      if (now && JSON.stringify(now) === JSON.stringify(d)) continue;
      this.o.log('mqtt: device settings changed or token revoked: disconnected', undefined, { device: d.id });
      client.close();
      n++;
    }
    return n;
  }

  /**
   * Hands one accepted connection to the broker behind the connection guard. Every listener of this
   * broker (plain TCP here, TLS beside it) must accept through this, never through `broker.handle`.
   */
  readonly accept = (socket: Socket): void => {
    if (this.pending >= (this.o.maxPending ?? 1000)) return void socket.destroy();
    this.pending++;
    const conn = new GuardedConnection(socket, this.limits, (reason) =>
      this.o.log('mqtt: connection cut', undefined, { reason, remote: socket.remoteAddress }),
    );
    this.open.add(conn);
    let counted = true;
    const settle = () => {
      if (!counted) return;
      counted = false;
      this.pending--;
    };
    conn.once('admitted', settle);
    conn.once('close', () => {
      settle();
      this.open.delete(conn);
    });
    this.broker.handle(conn);
  };

  async listen(port: number, host: string): Promise<void> {
    const listener = createServer(this.accept);
    this.listener = listener;
    await new Promise<void>((resolve, reject) => {
      listener.once('error', reject);
      listener.listen(port, host, () => resolve());
    });
    this.port = (listener.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const l = this.listener;
    this.listener = null;
    // Stop accepting first; the broker then closes its clients, which lets the listener finish closing.
    const closed = l ? new Promise<void>((r) => l.close(() => r())) : Promise.resolve();
    await new Promise<void>((r) => this.broker.close(() => r()));
    for (const c of this.open) c.destroy(); // connections never admitted are not the broker's clients
    await closed;
  }
}
