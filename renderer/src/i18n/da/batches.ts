/** The Danish words of a batch sent (see en/batches.ts). */
import type { Catalogue } from '../catalogue';

export const batch: Catalogue['batch'] = {
  label: 'Forsendelse {{name}}',
  from: '{{spreadsheet}}, fil {{file}}',
  figures_one: '{{count, number}} besked, {{parts, number}} SMS-dele',
  figures_other: '{{count, number}} beskeder, {{parts, number}} SMS-dele',
  uploadName: 'navn på serveren:',
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

export const send: Catalogue['send'] = {
  heading: '5. Eksportér eller send',
  updating: 'Opdaterer beskederne efter den tekst, der skrives…',
  nothing: 'Der er ingen beskeder at sende endnu: vælg kolonnerne med telefonnummer og besked.',
  blocked_one:
    '{{count, number}} besked har problemer, som udbyderen ville afvise. Ret dem i regnearket, og åbn det igen, eller vælg andre kolonner: rækken er markeret som et problem i listen nedenfor.',
  blocked_other:
    '{{count, number}} beskeder har problemer, som udbyderen ville afvise. Ret dem i regnearket, og åbn det igen, eller vælg andre kolonner: rækkerne er markeret som problemer i listen nedenfor.',
  export_one: 'Eksportér fil',
  export_other: 'Eksportér filer',
  with: 'Send med',
  noPassword: '{{name}} (ingen adgangskode endnu)',
  send: 'Send…',
  working: 'Arbejder…',
  saved_one: 'Gemte {{count, number}} fil:',
  saved_other: 'Gemte {{count, number}} filer:',
  downloaded_one: 'Hentede {{count, number}} fil:',
  downloaded_other: 'Hentede {{count, number}} filer:',
  file_one: '{{count, number}} besked, {{size, bytes}}, {{encoding}}; uploadnavn',
  file_other: '{{count, number}} beskeder, {{size, bytes}}, {{encoding}}; uploadnavn',
  row: 'Række {{row}}: {{text}}',
  confirm: 'Send disse beskeder?',
  confirmWhat:
    '<b>{{recipients}}</b>, <b>{{parts}}</b>, med profilen <b>{{profile}}</b> ({{servers}}).',
  recipients_one: '{{count, number}} modtager',
  recipients_other: '{{count, number}} modtagere',
  parts_one: '{{count, number}} SMS-del',
  parts_other: '{{count, number}} SMS-dele',
  final: 'Sendte beskeder kan ikke kaldes tilbage.',
  cancel: 'Annullér',
  sendNow_one: 'Send {{count, number}} besked',
  sendNow_other: 'Send {{count, number}} beskeder',
};
