import {
  eventContract,
  eventNames,
  invokeContract,
  type EventName,
  type EventPayload,
  type InvokeName,
  type InvokeRequest,
  type InvokeResponse,
} from '../../shared/contract';
import { resultSchema, type Result } from '../../shared/result';
import { i18n } from '../i18n';
import type { HostBridge } from './host-bridge';

/**
 * Long enough for the core to make its own bounded retries towards Vipps, short enough that a hung
 * core does not leave the cashier staring at "Sending…" forever.
 */
const INVOKE_TIMEOUT_MS = 30_000;
/** EventSource gives up for good on a non-200 answer (e.g. the web host restarting); we do not. */
const RECONNECT_MIN_MS = 1_000;
const RECONNECT_MAX_MS = 15_000;

type Listener = (payload: unknown) => void;

/** KassaBridge over the web host that served this page: POST /api/invoke/<name> and SSE /api/events. */
export function createHttpBridge(): HostBridge {
  const resultSchemas = new Map<InvokeName, ReturnType<typeof resultSchema>>();
  const listeners = new Map<EventName, Set<Listener>>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  // Assume connected until told otherwise, so start-up does not flash a "lost contact" notice.
  let connected = true;
  let reconnectDelay = RECONNECT_MIN_MS;

  function setConnected(next: boolean) {
    if (next === connected) return;
    connected = next;
    for (const listener of connectionListeners) listener(next);
  }

  function dispatch(name: EventName, data: string) {
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      console.warn(`Ignoring ${name} event: not JSON`);
      return;
    }
    const parsed = eventContract[name].safeParse(json);
    if (!parsed.success) {
      console.warn(`Ignoring ${name} event that does not match the contract`, parsed.error);
      return;
    }
    for (const listener of listeners.get(name) ?? []) listener(parsed.data);
  }

  function connect() {
    const source = new EventSource('/api/events');
    for (const name of eventNames) {
      source.addEventListener(name, (event) => dispatch(name, (event as MessageEvent<string>).data));
    }
    source.addEventListener('open', () => {
      reconnectDelay = RECONNECT_MIN_MS;
      setConnected(true);
    });
    source.addEventListener('error', () => {
      setConnected(false);
      // While CONNECTING the browser retries by itself; CLOSED means it has given up.
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        setTimeout(connect, reconnectDelay);
        reconnectDelay = Math.min(reconnectDelay * 2, RECONNECT_MAX_MS);
      }
    });
  }

  connect();

  function schemaFor(name: InvokeName) {
    let schema = resultSchemas.get(name);
    if (!schema) {
      schema = resultSchema(invokeContract[name].response);
      resultSchemas.set(name, schema);
    }
    return schema;
  }

  return {
    async invoke<N extends InvokeName>(name: N, request: InvokeRequest<N>): Promise<Result<InvokeResponse<N>>> {
      let body: unknown;
      try {
        const response = await fetch(`/api/invoke/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(request),
          signal: AbortSignal.timeout(INVOKE_TIMEOUT_MS),
        });
        // Without the session cookie nothing else can work: say how to get one.
        if (response.status === 401) return { ok: false, error: { code: 'INTERNAL', message: i18n.t('bridge.notSignedIn'), reason: 'BROWSER_NOT_SIGNED_IN' } };
        // A window signed in as the customer display asked for a till call.
        if (response.status === 403) return { ok: false, error: { code: 'INTERNAL', message: i18n.t('bridge.displayOnly'), reason: 'DISPLAY_ONLY' } };
        // Errors come back as a Result with a 4xx/5xx status, so the status itself is not checked.
        body = await response.json();
      } catch {
        return { ok: false, error: { code: 'NO_ANSWER', message: i18n.t('bridge.notAnswering'), reason: 'CORE_NOT_ANSWERING' } };
      }
      const parsed = schemaFor(name).safeParse(body);
      if (!parsed.success) {
        console.error(`Answer to ${name} does not match the contract`, parsed.error);
        return { ok: false, error: { code: 'INTERNAL', message: i18n.t('bridge.unexpectedAnswer'), reason: 'CORE_UNEXPECTED_ANSWER' } };
      }
      return parsed.data as Result<InvokeResponse<N>>;
    },

    on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      const wrapped = listener as Listener;
      set.add(wrapped);
      return () => void set.delete(wrapped);
    },

    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return () => void connectionListeners.delete(listener);
    },

    async customerDisplayAddress() {
      try {
        const response = await fetch('/api/display-link', { method: 'POST', signal: AbortSignal.timeout(INVOKE_TIMEOUT_MS) });
        if (!response.ok) return null;
        const { path } = (await response.json()) as { path?: unknown };
        return typeof path === 'string' ? new URL(path, window.location.origin).href : null;
      } catch {
        return null;
      }
    },
  };
}
