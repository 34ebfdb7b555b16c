// A page loaded on first use: its code is a separate chunk, so a professional's
// browser never downloads the bureau's policy editor or the charts.
import { type ComponentType, lazy, Suspense } from 'react';
import { Loading } from 'react-admin';

export function lazyPage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  const Lazy = lazy(load);
  return function LazyPage(props: P) {
    return (
      <Suspense fallback={<Loading />}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}
