/**
 * How instances that serve the same board tell each other about changes.
 * Updates are published only after they are durably stored, so a receiving
 * instance relays them without storing them again.
 */
/** `control`: JSON events about a board that every instance must act on (e.g. links rotated). */
export type BusKind = 'update' | 'awareness' | 'control';

export type BusHandler = (kind: BusKind, payload: Uint8Array) => void;

export interface BoardBus {
  /** Fire-and-forget; while the bus is down, messages are dropped (reconciled later from storage). */
  publish(boardId: string, kind: BusKind, payload: Uint8Array): void;
  /** Resolves once messages for the board will be delivered to `handler`. */
  subscribe(boardId: string, handler: BusHandler): Promise<void>;
  unsubscribe(boardId: string): Promise<void>;
  /** True while connected. */
  readonly healthy: boolean;
  /** Called after the bus comes back from an outage: rooms re-read storage to catch up. */
  onRecovered(listener: () => void): void;
  close(): Promise<void>;
}
