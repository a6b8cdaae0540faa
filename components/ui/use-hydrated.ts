import { useSyncExternalStore } from "react";

const unchanging = () => () => {};

/**
 * False on the server and while React hydrates the server's HTML, true from then on — and at once
 * on a client-side navigation, which has nothing to hydrate. A component can leave out of its
 * server HTML what only the browser needs to render, without a hydration mismatch.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    unchanging,
    () => true,
    () => false,
  );
}
