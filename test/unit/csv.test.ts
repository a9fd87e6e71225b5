import { describe, expect, it } from 'vitest';
import { BOM, csvCell, toCsv } from '../../electron/core/reports/csv';
import { minorUnitsToDecimal } from '../../shared/money';

describe('CSV for spreadsheets', () => {
  it('starts with a UTF-8 byte-order mark and ends lines with CRLF', () => {
    const csv = toCsv(['a', 'b'], [['Kåre', 'Ødegård']]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv).toBe(`${BOM}a,b\r\nKåre,Ødegård\r\n`);
  });

  it('quotes cells with commas, quotes, line breaks or edge spaces, doubling inner quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvCell('+47 912')).toBe("'+47 912");
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe("\"'\rx\"");
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
  });

  it('leaves a plain decimal number, even a negative one, a number', () => {
    expect(csvCell('-50.00')).toBe('-50.00');
    expect(csvCell(minorUnitsToDecimal(-5))).toBe('-0.05');
    expect(csvCell('-5e3')).toBe("'-5e3");
  });

  it('writes amounts in major units from integers, never through a float', () => {
    expect(minorUnitsToDecimal(49700)).toBe('497.00');
    expect(minorUnitsToDecimal(1)).toBe('0.01');
    expect(minorUnitsToDecimal(900719925474099)).toBe('9007199254740.99');
    expect(toCsv(['amount', 'currency'], [[minorUnitsToDecimal(123456789), 'NOK']])).toBe(`${BOM}amount,currency\r\n1234567.89,NOK\r\n`);
  });
});
