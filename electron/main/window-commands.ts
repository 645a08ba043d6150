/**
 * The commands for the window: the menu's, and the files the system asks the app to open. A
 * file to open is kept until the page listens (a file double-clicked in the file manager starts
 * the app before its page can hear about it); Export and Send are not: done later, on a page
 * the person has not seen yet, they would do something nobody asked for.
 */
import type { DesktopCommand } from '../../core/contract/desktop';

export class WindowCommands {
  private pending: DesktopCommand[] = [];
  private listening = false;

  /** `send` delivers a command to the page (webContents.send on the command channel). */
  constructor(private readonly send: (command: DesktopCommand) => void) {}

  push(command: DesktopCommand): void {
    if (this.listening) this.send(command);
    else if (command.command === 'open') this.pending.push(command);
  }

  /** The page listens from now on; it gets the commands kept so far as the answer. */
  listen(): DesktopCommand[] {
    this.listening = true;
    return this.pending.splice(0);
  }

  /** The page is loading anew or the window is gone: keep the files until it listens. */
  reset(): void {
    this.listening = false;
  }
}
