import { describe, expect, it } from 'vitest';
import { fillTemplate, hasPlaceholders, parseTemplate } from './template';

const header = ['Phone', 'Name', 'Code'];

describe('message templates (issue 5, flow 2)', () => {
  it('fills each row: Hi {Name}, your code is {Code}', () => {
    const template = parseTemplate('Hi {Name}, your code is {Code}', header);
    expect(template.unknown).toEqual([]);
    expect(fillTemplate(template, ['45', 'Søren', '1234'])).toBe('Hi Søren, your code is 1234');
    expect(fillTemplate(template, ['45', '', ''])).toBe('Hi , your code is ');
  });

  it('fills from a row given by column, as the preview reads a sheet', () => {
    const template = parseTemplate('Hi {Name}, your code is {Code}', header);
    const asked: number[] = [];
    const cell = (column: number) => {
      asked.push(column);
      return ['45', 'Søren', '1234'][column]!;
    };
    expect(fillTemplate(template, cell)).toBe('Hi Søren, your code is 1234');
    expect(asked).toEqual([1, 2]);
  });

  it('matches names ignoring case and spaces around them', () => {
    const template = parseTemplate('{ name }/{CODE}', header);
    expect(fillTemplate(template, ['45', 'Ann', '7'])).toBe('Ann/7');
  });

  it('reports unknown placeholders once each, and leaves them as typed', () => {
    const template = parseTemplate('Hi {Nmae} {Nmae} {Date}', header);
    expect(template.unknown).toEqual(['Nmae', 'Date']);
    expect(fillTemplate(template, ['45', 'Ann', '7'])).toBe('Hi {Nmae} {Nmae} {Date}');
  });

  it('writes braces doubled as braces, and keeps an unclosed brace as text', () => {
    const template = parseTemplate('{{Name}} is {Name} {oops', header);
    expect(template.unknown).toEqual([]);
    expect(fillTemplate(template, ['45', 'Ann', '7'])).toBe('{Name} is Ann {oops');
  });

  it('tells a plain message from a template', () => {
    expect(hasPlaceholders(parseTemplate('Sale today!', header))).toBe(false);
    expect(hasPlaceholders(parseTemplate('Hi {Name}', header))).toBe(true);
    expect(hasPlaceholders(parseTemplate('Hi {Whom}', header))).toBe(true);
  });
});
