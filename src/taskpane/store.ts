/** A small observable state for the panes' controllers (read by React with useSyncExternalStore). */

export type Notice = { intent: 'success' | 'info' | 'warning'; text: string };
export type Failure = { title: string; message: string };

export type Store<T> = {
  get(): T;
  set(patch: Partial<T>): void;
  subscribe(listener: () => void): () => void;
};

export function createStore<T>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(patch) {
      state = { ...state, ...patch };
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
