import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../../shared/contract';

/** The core's outgoing events, typed by the contract. Hosts forward them over IPC or SSE. */
export class CoreEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Every open browser tab or window is one listener; a till rarely has more than a few.
    this.emitter.setMaxListeners(50);
  }

  emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    this.emitter.emit(name, payload);
  }

  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }
}
