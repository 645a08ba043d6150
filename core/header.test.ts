import { describe, expect, it } from 'vitest';
import { readHeader, tabDelimitedProblem } from './header';

const codes = (fields: string[], delimiter: ',' | ';' = ',') =>
  readHeader(fields, delimiter).problems.map((p) => `${p.code}:${p.column}`);

describe('SPEC 5: the header row names the columns', () => {
  it('accepts the known names in any order', () => {
    const { header, problems } = readHeader(
      ['userref', 'message', 'class', 'msisdn', 'sender'],
      ',',
    );
    expect(problems).toEqual([]);
    expect(header.index).toEqual({ userref: 0, message: 1, class: 2, msisdn: 3, sender: 4 });
  });

  it('requires msisdn and message: missing-column', () => {
    expect(codes(['msisdn'])).toEqual(['missing-column:message']);
    expect(codes(['sender'])).toEqual(['missing-column:msisdn', 'missing-column:message']);
  });

  it('matches exactly, case-sensitive: anything else is unknown-column listing the accepted names', () => {
    const { problems } = readHeader(['MSISDN', 'message', ' msisdn'], ',');
    expect(problems.map((p) => p.code)).toEqual([
      'unknown-column',
      'unknown-column',
      'missing-column',
    ]);
    expect(problems[0]!.message).toContain('msisdn, message, sender, class, userref');
    expect(problems[0]!.message).toContain('case-sensitive');
    expect(problems[1]!.message).toContain('Remove the spaces');
    expect(problems[0]!.row).toBe(1);
  });

  it('a name twice is duplicate-column, reported once', () => {
    expect(codes(['msisdn', 'message', 'msisdn', 'msisdn'])).toEqual(['duplicate-column:msisdn']);
  });

  it('an empty name is an unknown column with a plain explanation', () => {
    const { problems } = readHeader(['msisdn', '', 'message'], ',');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^A column has no name/);
  });

  it('a blank first row is the header, not a skipped row', () => {
    const { problems } = readHeader([''], ',');
    expect(problems.map((p) => p.code)).toEqual(['missing-column', 'missing-column']);
    expect(problems[0]!.message).toContain('The first row is blank');
  });

  it('hints at the Excel format when a comma file has a semicolon header, and back', () => {
    const [comma] = readHeader(['msisdn;message'], ',').problems;
    expect(comma!.message).toContain('.excel.ready');
    const [semicolon] = readHeader(['msisdn,message'], ';').problems;
    expect(semicolon!.message).toContain('leave .excel out');
  });
});

describe('SPEC 4: a header with a tab and no delimiter is tab-delimited', () => {
  it('finds it', () => {
    expect(tabDelimitedProblem(['msisdn\tmessage'])?.code).toBe('tab-delimited');
  });
  it('a tab in a header that has delimiters is just an unknown name', () => {
    expect(tabDelimitedProblem(['msisdn', 'mess\tage'])).toBeNull();
    expect(tabDelimitedProblem(['msisdn'])).toBeNull();
  });
});
