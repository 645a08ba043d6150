// @vitest-environment happy-dom
// The confirmation of a send closed at once (Escape) while Send… is disabled, its send still
// being prepared: the browser cannot give the focus back to a disabled button and leaves it
// nowhere; a keyboard user must find their place again. useFocusBack gives it back once it can.
import { act, createElement, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useFocusBack } from './useFocusBack';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Panel({ enabled }: { enabled: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useFocusBack(dialog, button, enabled);
  return createElement(
    'div',
    null,
    createElement('button', { ref: button, disabled: !enabled }, 'Send…'),
    createElement('dialog', { ref: dialog }, createElement('button', null, 'Cancel')),
    createElement('input', { 'aria-label': 'elsewhere' }),
  );
}

describe('useFocusBack', () => {
  let root: Root;
  const render = (enabled: boolean) => act(() => root.render(createElement(Panel, { enabled })));
  const el = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
  const send = () => el<HTMLButtonElement>('div > button');

  beforeEach(() => {
    root = createRoot(document.body.appendChild(document.createElement('div')));
    render(true);
  });
  afterEach(() => act(() => root.unmount()));

  /**
   * Opens the dialog from Send…, disables Send…, and closes the dialog as Chromium does: the
   * dialog is closed and the focus cannot go back to the disabled button, so it is left on the
   * page (or, until the next frame, on the closed dialog's button); the close event comes a task
   * later, and the send may have been prepared by then.
   */
  async function closeWhileDisabled(
    options: { focusLeftInDialog?: boolean; enabledBeforeCloseEvent?: boolean } = {},
  ) {
    send().focus();
    const dialog = el<HTMLDialogElement>('dialog');
    dialog.showModal();
    const cancel = el<HTMLButtonElement>('dialog button');
    cancel.focus();
    render(false);
    await act(async () => {
      dialog.removeAttribute('open');
      if (!options.focusLeftInDialog) cancel.blur();
    });
    if (options.enabledBeforeCloseEvent) render(true);
    await act(async () => {
      dialog.dispatchEvent(new Event('close'));
    });
  }

  it('gives the focus back to the button once it is enabled again', async () => {
    await closeWhileDisabled();
    expect(document.activeElement).not.toBe(send());
    render(true);
    expect(document.activeElement).toBe(send());
  });

  it('gives it back when the button was enabled before the close event came', async () => {
    await closeWhileDisabled({ enabledBeforeCloseEvent: true });
    expect(document.activeElement).toBe(send());
  });

  it('gives it back when the close event finds it still on the closed dialog', async () => {
    await closeWhileDisabled({ focusLeftInDialog: true });
    render(true);
    expect(document.activeElement).toBe(send());
    await closeWhileDisabled({ focusLeftInDialog: true, enabledBeforeCloseEvent: true });
    expect(document.activeElement).toBe(send());
  });

  it('leaves the focus where the person put it meanwhile', async () => {
    await closeWhileDisabled();
    el<HTMLInputElement>('input').focus();
    render(true);
    expect(document.activeElement).toBe(el('input'));
  });

  it('does not take the focus from the dialog opened again', async () => {
    await closeWhileDisabled({ focusLeftInDialog: true });
    el<HTMLDialogElement>('dialog').showModal();
    render(true);
    expect(document.activeElement).toBe(el('dialog button'));
  });

  it('owes nothing when the browser gave the focus back itself', async () => {
    send().focus();
    const dialog = el<HTMLDialogElement>('dialog');
    dialog.showModal();
    el<HTMLButtonElement>('dialog button').focus();
    await act(async () => {
      dialog.removeAttribute('open');
      send().focus();
      dialog.dispatchEvent(new Event('close'));
    });
    el<HTMLInputElement>('input').focus();
    render(false);
    render(true);
    expect(document.activeElement).toBe(el('input'));
  });
});
