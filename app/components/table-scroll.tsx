import type { ReactNode } from "react";

/**
 * A wide table on a narrow screen scrolls inside its own box instead of pushing the page
 * sideways. The box can be reached and scrolled with the keyboard (WCAG 2.1.1, axe's
 * scrollable-region-focusable), so it is a named region.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling box must take focus to be scrolled by keyboard
    <div role="region" aria-label={label} tabIndex={0} className="relative max-w-full overflow-x-auto">
      {children}
    </div>
  );
}
