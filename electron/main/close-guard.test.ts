// Issue 13: closing the window during an upload asks first.
import { describe, expect, it } from 'vitest';
import { closeQuestion } from './close-guard';

describe('closing the window while a batch uploads', () => {
  it('asks nothing when nothing uploads', () => {
    expect(closeQuestion([])).toBeNull();
  });

  it('names the file, says what closing does, and offers to keep sending first', () => {
    const question = closeQuestion([{ fileName: 'november.csv' }])!;
    expect(question.message).toBe('november.csv is still uploading.');
    expect(question.detail).toMatch(/nothing of it is sent/);
    expect(question.buttons).toEqual(['Keep sending', 'Close anyway']);
    expect(closeQuestion([{ fileName: 'a' }, { fileName: 'b' }])!.message).toBe(
      '2 files are still uploading.',
    );
  });
});
