import { createElement, lazy, type ComponentType, type FunctionComponent } from 'react';

/** A component whose code is fetched on first render; preload() fetches it ahead of time. */
type LazyComponent<P extends object> = FunctionComponent<P> & {
  preload(): Promise<ComponentType<P>>;
};

/**
 * React.lazy with a preload that pays off: React.lazy suspends at least once even when its module
 * is already here, and a suspended screen may wait up to 300 ms to be revealed (react#36569), so a
 * component that has arrived renders directly instead.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
): LazyComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    // A failed preload is forgotten: the render that needs the component fetches again and, if that
    // fails too, the error boundary says so.
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  };
  const Suspending = lazy(async () => ({ default: await preload() }));
  function Component(props: P) {
    return createElement(loaded ?? Suspending, props);
  }
  return Object.assign(Component, { preload });
}
