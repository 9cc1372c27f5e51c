/** One CSV record with the line it starts on (1-based). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** Records of a CSV text, or the line of an unterminated quoted field. */
export type CsvParse =
  { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

/**
 * Splits CSV text into records (RFC 4180): commas between fields, `"` around fields holding
 * commas, quotes or line breaks, `""` for a quote inside one; blank lines are skipped.
 */
export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0].trim() === ''))
      records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      quoteLine = line;
      field = '';
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
  }
  if (quoted) return { ok: false, line: quoteLine, message: 'a quoted field is never closed' };
  if (field !== '' || fields.length > 0) endRecord();
  return { ok: true, records };
}
