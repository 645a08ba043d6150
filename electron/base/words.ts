/** `1 message`, `2,500 messages`: a count in the words the person reads. */
export function plural(count: number, word: string): string {
  return `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
}
