// Where the keyboard goes when the thing it was on disappears (a form closed, a confirmation
// cancelled): back to the control that opened it, found after React has drawn the page again.
export function focusLater(selector: string): void {
  window.requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}
