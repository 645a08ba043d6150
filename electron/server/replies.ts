/**
 * What a client is told. ftp-srv answers every failed transfer 550 with the error's message; a
 * refusal that a client should read otherwise (552: storage exceeded, 426: transfer aborted)
 * says so here, and commands.ts gives its reply that code. And no reply ever shows a path of
 * the server's own: a message is cleared of them on the way out, whatever failed.
 */

/** A refusal or failure the client is told about; the message never shows a server path. */
export class FtpRefusal extends Error {
  constructor(
    message: string,
    /** The FTP reply code: 550 unless the refusal is of another kind. */
    readonly code = 550,
  ) {
    super(message);
  }
}

const coded = new WeakMap<object, Map<string, number>>();

/** `refusal` will reach `connection` as a 550 with its message: it is to have its own code. */
export function expectReply(connection: object, refusal: FtpRefusal): FtpRefusal {
  if (refusal.code === 550) return refusal;
  let codes = coded.get(connection);
  if (codes === undefined) coded.set(connection, (codes = new Map()));
  codes.set(refusal.message, refusal.code);
  return refusal;
}

/** The code to send for a reply ftp-srv is about to send. */
export function replyCode(connection: object, code: number, message: string): number {
  if (code < 400) return code;
  const codes = coded.get(connection);
  const own = codes?.get(message);
  if (own === undefined) return code;
  codes!.delete(message);
  return own;
}

/** `text` with every occurrence of the server's `paths` (and anything below them) taken out. */
export function withoutPaths(text: string, paths: readonly string[]): string {
  let out = text;
  for (const path of paths) {
    if (path.length < 2) continue;
    // The path and whatever path continues it, up to a quote, space or the end.
    const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`${escaped}[^\\s'"]*`, 'g'), '(a file of the server)');
  }
  return out;
}

/** What ftp-srv's connection replies with. */
interface Replying {
  reply(options: unknown, ...letters: unknown[]): Promise<unknown>;
}

/**
 * Every reply goes out without the server's paths in it, and with the code its refusal asks
 * for (expectReply), whichever of ftp-srv's commands sends it.
 */
export function guardReplies(connection: Replying, paths: readonly string[]): void {
  const send = connection.reply.bind(connection) as (
    options: unknown,
    ...letters: unknown[]
  ) => Promise<unknown>;
  const clean = (letter: unknown): unknown => {
    if (typeof letter === 'string') return withoutPaths(letter, paths);
    if (typeof letter === 'object' && letter !== null && 'message' in letter) {
      const { message } = letter as { message: unknown };
      if (typeof message === 'string') return { ...letter, message: withoutPaths(message, paths) };
    }
    return letter;
  };
  connection.reply = ((options: unknown, ...letters: unknown[]) => {
    const first = letters[0];
    const code =
      typeof options === 'number' && typeof first === 'string'
        ? replyCode(connection, options, first)
        : options;
    return send(code, ...letters.map(clean));
  }) as Replying['reply'];
}
