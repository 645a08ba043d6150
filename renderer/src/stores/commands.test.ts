import { describe, expect, it } from 'vitest';
import { emit, on } from './commands';

describe('commands are events: carried out once, by those listening when given', () => {
  it('reaches each listener of its name, with its payload', () => {
    const seen: string[] = [];
    const stops = [
      on('showRow', (index) => seen.push(`a:${index}`)),
      on('showRow', (index) => seen.push(`b:${index}`)),
      on('export', () => seen.push('export')),
    ];
    expect(emit('showRow', 12)).toBe(2);
    expect(seen).toEqual(['a:12', 'b:12']);
    emit('export');
    emit('export');
    expect(seen).toEqual(['a:12', 'b:12', 'export', 'export']);
    for (const stop of stops) stop();
  });

  it('is dropped when no one listens, and not carried out by a later listener', () => {
    expect(emit('send')).toBe(0);
    let sent = 0;
    const stop = on('send', () => sent++);
    expect(sent).toBe(0);
    emit('send');
    expect(sent).toBe(1);
    stop();
    expect(emit('send')).toBe(0);
    expect(sent).toBe(1);
  });

  it('a listener that stops while the command runs does not keep the others from it', () => {
    const seen: string[] = [];
    const stopFirst = on('export', () => {
      seen.push('first');
      stopFirst();
    });
    const stopSecond = on('export', () => seen.push('second'));
    emit('export');
    emit('export');
    expect(seen).toEqual(['first', 'second', 'second']);
    stopSecond();
  });
});
