/** The Danish words of a batch sent (see en/batches.ts). */
import type { Catalogue } from '../catalogue';

export const batch: Catalogue['batch'] = {
  label: 'Forsendelse {{name}}',
  from: '{{spreadsheet}}, fil {{file}}',
  figures_one: '{{count, number}} besked, {{parts, number}} SMS-dele',
  figures_other: '{{count, number}} beskeder, {{parts, number}} SMS-dele',
  uploadName: 'Navn på serveren:',
  server: 'server',
  uploading: 'Uploader',
  percent: '{{percent, number}} %',
  states: {
    uploading: 'Uploader',
    ready: 'Uploadet, venter på udbyderen',
    processing: 'Udbyderen tjekker filen',
    success: 'Godkendt: beskederne er på vej',
    rejected: 'Afvist: intet blev sendt',
    failed: 'Ikke sendt',
    'timed-out': 'Sendt, men udbyderen har ikke svaret endnu',
    vanished: 'Filen forsvandt fra serveren, før den var færdig: spørg udbyderen, hvad der skete',
  },
  outcomes: {
    uploading: 'Uploader',
    ready: 'Venter på udbyderen',
    processing: 'Bliver tjekket',
    success: 'Godkendt',
    rejected: 'Afvist',
    failed: 'Ikke sendt',
    'timed-out': 'Intet svar endnu',
    vanished: 'Væk fra serveren',
  },
  serverText: 'Det skrev udbyderens server sidst i filen:',
  cause_one: 'Udbyderen fandt {{count, number}} problem kl. {{at}}. Ret det, og send igen:',
  cause_other: 'Udbyderen fandt {{count, number}} problemer kl. {{at}}. Ret dem, og send igen:',
  rowOfFile: 'Række {{row}} i filen',
  row: 'Række {{row}}',
  column: ' ({{column}})',
  problem: ': {{text}}',
  more_one: '…og {{count, number}} mere',
  more_other: '…og {{count, number}} flere',
  sent: 'Sendte forsendelser',
};

export const exported: Catalogue['exported'] = {
  otherClient:
    'Sådan sender du en fil med et andet FTP-program: upload den med dette navn, og omdøb den så på serveren ved at tilføje .ready til sidst.',
};

export const history: Catalogue['history'] = {
  heading: 'Historik',
  empty: 'Der er ikke sendt noget endnu.',
  columns: {
    sent: 'Sendt',
    file: 'Regneark og fil',
    messages: 'Beskeder',
    parts: 'Dele',
    outcome: 'Resultat',
    details: 'Detaljer',
  },
  details: 'Detaljer',
  hide: 'Skjul',
  of: ' for {{name}}',
  clear: 'Ryd historikken',
  confirmClear: 'Ryd historikken for færdige forsendelser? Filerne på serveren bliver ikke rørt.',
};
