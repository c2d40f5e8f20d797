// A component whose code is fetched the first time it renders (its own chunk): dialogs and pages that the first
// screen does not show stay out of the bundle the tab starts with.
import { Suspense, lazy } from "react";
import type { ComponentType, ReactNode } from "react";

/** `load` resolves to the component (a named export); until its chunk is there, `fallback` shows (nothing by default). */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ReactNode = null): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  function LazyComponent(props: P) {
    return (
      <Suspense fallback={fallback}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyComponent;
}
