/**
 * Commands for the part of the UI that carries them out: the desktop menu's Export and Send, and
 * bringing a preview row into view (from a rejection's cause). They are events, not state: each
 * is carried out once, by whoever listens when it is given. Given when no one listens (no file
 * is open), it is dropped, as the window drops a menu command while the page is not listening.
 */

export interface Commands {
  /** Export the messages, as the Export button does. */
  export: undefined;
  /** Ask to send the messages, as the Send… button does. */
  send: undefined;
  /** Bring the preview row of this index into view, and mark it. */
  showRow: number;
}

export type CommandName = keyof Commands;

export type CommandHandler<N extends CommandName> = (payload: Commands[N]) => void;

const handlers = new Map<CommandName, Set<CommandHandler<never>>>();

/** Calls `handler` with each `name` command from now on; the function returned stops it. */
export function on<N extends CommandName>(name: N, handler: CommandHandler<N>): () => void {
  let listening = handlers.get(name);
  if (listening === undefined) {
    listening = new Set();
    handlers.set(name, listening);
  }
  listening.add(handler);
  return () => {
    listening.delete(handler);
  };
}

/** Gives a command to those listening for it now; the number of them. */
export function emit<N extends CommandName>(
  name: N,
  ...payload: Commands[N] extends undefined ? [] : [Commands[N]]
): number {
  // A copy: a handler may stop listening, or start another, while it runs.
  const listening = [...(handlers.get(name) ?? [])] as CommandHandler<N>[];
  for (const handler of listening) handler(payload[0] as Commands[N]);
  return listening.length;
}
