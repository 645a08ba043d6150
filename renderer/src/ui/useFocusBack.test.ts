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

  /** Opens the dialog from Send…, disables Send…, and closes it as a browser does then. */
  async function closeWhileDisabled() {
    send().focus();
    const dialog = el<HTMLDialogElement>('dialog');
    dialog.showModal();
    const cancel = el<HTMLButtonElement>('dialog button');
    cancel.focus();
    render(false);
    await act(async () => {
      dialog.close();
      // The focus cannot go back to a disabled button: it is nowhere.
      cancel.blur();
      dialog.dispatchEvent(new Event('close'));
    });
  }

  it('gives the focus back to the button once it is enabled again', async () => {
    await closeWhileDisabled();
    expect(document.activeElement).not.toBe(send());
    render(true);
    expect(document.activeElement).toBe(send());
  });

  it('leaves the focus where the person put it meanwhile', async () => {
    await closeWhileDisabled();
    el<HTMLInputElement>('input').focus();
    render(true);
    expect(document.activeElement).toBe(el('input'));
  });
});
