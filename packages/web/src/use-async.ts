// Loads data for a page and re-loads when its inputs change; stale answers are dropped.
import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Loads again but keeps showing the current data meanwhile (live updates): no loading state. */
  refresh: () => void;
}

export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const generation = useRef(0);
  const quiet = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when to reload
  useEffect(() => {
    const mine = ++generation.current;
    const keep = quiet.current;
    quiet.current = false;
    if (!keep) {
      setLoading(true);
      setError(undefined);
    }
    load().then(
      (value) => {
        if (mine !== generation.current) return;
        setError(undefined);
        setData(value);
        setLoading(false);
      },
      (err: unknown) => {
        if (mine !== generation.current) return;
        setError(err);
        setLoading(false);
      },
    );
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const refresh = useCallback(() => {
    quiet.current = true;
    setTick((n) => n + 1);
  }, []);
  return { data, error, loading, reload, refresh };
}
