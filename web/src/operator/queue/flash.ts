// A message carried across one in-app navigation ("Hai lasciato lo sportello 2" shown on the desk
// list): the tiny router has no history state, and a query parameter would repeat it on reload.
let pending: string | undefined;

export function setFlash(message: string): void {
  pending = message;
}

/** The message left for the next page (read it in a state initialiser, then clearFlash in an effect). */
export function peekFlash(): string | undefined {
  return pending;
}

export function clearFlash(): void {
  pending = undefined;
}
