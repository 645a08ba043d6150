/** The Danish words of the parts issue 14 part a converted (see en/ui.ts). */
import type { Catalogue } from '../catalogue';

export const common: Catalogue['common'] = {
  details: 'Detaljer',
  cancel: 'Annullér',
};

export const language: Catalogue['language'] = {
  label: 'Language / Sprog',
  help: 'Sendsheet følger dit system, medmindre du vælger et sprog her.',
  system: 'Som systemet ({{language}})',
  en: 'English',
  da: 'Dansk',
};

export const icons: Catalogue['icons'] = {
  ok: 'OK',
  warning: 'Advarsel',
  problem: 'Problem',
  success: 'Godkendt',
  rejected: 'Afvist',
  uploading: 'Uploader',
  processing: 'Bliver behandlet',
  waiting: 'Venter',
  info: 'Bemærk',
};

export const open: Catalogue['open'] = {
  heading: '1. Åbn et regneark',
  intro:
    'Træk en fil ind et vilkårligt sted i vinduet, eller vælg en: Excel (.xlsx, .xls), OpenDocument (.ods), CSV eller tekst.',
  choose: 'Vælg en fil…',
  sample: {
    offer:
      'Har du ikke en liste ved hånden? Prøv Sendsheet med en eksempelliste på fem personer, på dansk og engelsk.',
    button: 'Åbn eksempellisten',
    fileName: 'eksempelliste.csv',
  },
  reading: 'Læser {{name}}…',
  loaded: '{{done, bytes}} af {{total, bytes}} indlæst',
  rowsRead_one: '{{count, number}} række læst indtil nu',
  rowsRead_other: '{{count, number}} rækker læst indtil nu',
  progress: 'Hvor langt læsningen af {{name}} er nået',
  limit: 'Læsningen stoppes, hvis den tager mere end {{seconds, number}} sekunder.',
  limitSoon_one: 'Læsningen stoppes om {{count, number}} sekund, hvis den ikke er færdig inden.',
  limitSoon_other:
    'Læsningen stoppes om {{count, number}} sekunder, hvis den ikke er færdig inden.',
  stop: 'Stop læsningen',
  stopped: 'Læsningen af {{name}} blev stoppet. Vælg en fil, når du er klar.',
  readSpreadsheet: '({{size, bytes}}) læst på {{seconds, seconds}}.',
  readText: '({{size, bytes}}, {{encoding}}, {{separator}}) læst på {{seconds, seconds}}.',
  separators: {
    comma: 'adskilt med komma',
    semicolon: 'adskilt med semikolon',
    tab: 'adskilt med tabulatorer',
  },
  notes_one: '{{count, number}} ting i filen er måske ikke som tiltænkt',
  notes_other: '{{count, number}} ting i filen er måske ikke som tiltænkt',
  noteRow: 'Række {{row}}: {{text}}',
  sheet: 'Ark',
  sheetOption_one: '{{name}} ({{count, number}} række)',
  sheetOption_other: '{{name}} ({{count, number}} rækker)',
  emptySheet: 'Arket “{{sheet}}” er tomt: vælg et andet ark ovenfor, eller åbn en anden fil.',
  headerOnly:
    'Arket “{{sheet}}” har kolonnenavne ({{columns, list}}), men ingen rækker under dem: tilføj en række for hver person, der skal have en besked, gem filen, og åbn den igen.',
};

export const read: Catalogue['read'] = {
  'too-large':
    '{{name}} er større end {{limit, bytes}}, mere end Sendsheet læser: del den op i mindre filer.',
  'too-slow':
    'Det tog mere end {{seconds, number}} sekunder at læse {{name}}, så læsningen blev stoppet. Gem den igen som CSV, eller del den op.',
  empty: '{{name}} er tom: der er intet i den at sende. Åbn den fil, der indeholder din liste.',
  'not-spreadsheet':
    '{{name}} er {{what}}, ikke et regneark: åbn den Excel-, OpenDocument- eller CSV-fil, der indeholder din liste.',
  password:
    '{{name}} er beskyttet med en adgangskode, som Sendsheet ikke kan åbne: gem en kopi uden adgangskode, og åbn den.',
  unsupported:
    '{{name}} er ikke en fil, Sendsheet kan læse: åbn en Excel- (.xlsx, .xls), OpenDocument- (.ods), CSV- eller tekstfil.',
  'not-text':
    '{{name}} kunne ikke læses som tekst, så det er måske ikke en CSV-fil: åbn den i Excel eller LibreOffice, og gem den som CSV UTF-8.',
  damaged:
    '{{name}} kunne ikke læses som et regneark, så den er måske beskadiget: åbn den i Excel eller LibreOffice, og gem den igen, eller gem den som CSV.',
  'too-many-cells':
    '{{name}} har mere end {{limit, number}} celler, mere end Sendsheet læser: del den op i mindre filer.',
  'too-large-for-memory':
    '{{name}} er for stor til den hukommelse, denne computer giver Sendsheet: del den op i mindre filer, eller luk andre programmer og faner i browseren, og prøv igen.',
  'no-sheets':
    '{{name}} har ingen ark: åbn den i Excel eller LibreOffice, og se efter, at den indeholder din liste.',
  'reader-stopped': '{{name}} kunne ikke læses: læseren stoppede.',
  'reader-error':
    '{{name}} kunne ikke læses: læseren stoppede med en fejl. Prøv igen, eller gem filen som CSV.',
  outdated: 'Sendsheet blev opdateret, mens siden var åben: genindlæs siden, og åbn så filen igen.',
  'not-opened': '{{name}} kunne ikke åbnes: se efter, at den stadig findes, og prøv igen.',
  types: {
    png: 'et billede (PNG)',
    jpeg: 'et billede (JPEG)',
    gif: 'et billede (GIF)',
    bmp: 'et billede (BMP)',
    webp: 'et billede (WebP)',
    tiff: 'et billede (TIFF)',
    pdf: 'et PDF-dokument',
    word: 'et Word-dokument',
    powerpoint: 'en PowerPoint-præsentation',
    'opendocument-text': 'et OpenDocument-tekstdokument',
    'opendocument-presentation': 'en OpenDocument-præsentation',
    zip: 'et zip-arkiv',
    office: 'et Office-dokument af en anden slags',
    rtf: 'et RTF-dokument',
  },
  signature: 'Filen begynder med byte {{bytes}}.',
};

export const mapping: Catalogue['mapping'] = {
  heading: '2. Hvilken kolonne er hvad?',
  intro: 'Sendsheet har gættet ud fra kolonnernes navne og indhold. Ret det, der er forkert.',
  fields: {
    msisdn: 'Telefonnummer',
    message: 'Besked',
    sender: 'Afsender',
    userref: 'Reference',
    class: 'Klasse',
  },
  help: {
    msisdn: 'I enhver form: +45 12 34 56 78, 0045… eller uden landekode (se Indstillinger).',
    sender: 'Valgfri: det navn eller nummer, SMS’en kommer fra.',
    userref: 'Valgfri: din egen reference til hver besked.',
    class: 'Valgfri: standard, premium eller secret.',
  },
  chooseColumn: '— vælg en kolonne —',
  none: '— ingen —',
  fromColumn: 'Fra en kolonne',
  write: 'Skriv en besked (brug {Kolonne} til hver persons egen værdi)',
  messageColumn: 'Kolonne med beskeden',
  messageText: 'Beskedens tekst',
  columns: 'Kolonner, du kan bruge: {{columns}}',
  unknown: 'Ingen kolonne hedder {{names, or}}: tjek stavningen.',
};

export const counter: Catalogue['counter'] = {
  label: 'Beskedens længde',
  encoding: {
    gsm7: 'Almindelige tegn',
    ucs2: 'Specialtegn: der er plads til færre i hver SMS',
  },
  characters_one: '{{count, number}} tegn',
  characters_other: '{{count, number}} tegn',
  parts_one: '{{count, number}} SMS-del',
  parts_other: '{{count, number}} SMS-dele',
  perPart: 'op til {{count, number}} tegn i hver del',
  tooLong: 'For lang: en besked må højst have {{max, number}} tegn.',
  forcing_one: 'Dette tegn gør den til en besked med specialtegn:',
  forcing_other: 'Disse tegn gør den til en besked med specialtegn:',
  forcingTitle: '{{code}} gør dette til en besked med specialtegn',
  example: 'Talt for den første række (række {{row}}); rækker med længere værdier fylder mere.',
  empty: 'Skriv beskeden for at se, hvor mange tegn og SMS-dele den fylder.',
};

export const campaign: Catalogue['campaign'] = {
  heading: '3. Indstillinger for denne kampagne',
  sender: 'Afsender',
  senderPlaceholder: 'Din kontos standard',
  senderHelp: 'Hvor afsender-kolonnen er tom. Op til 11 bogstaver eller 15 cifre.',
  class: 'Klasse',
  classes: { standard: 'Standard', premium: 'Premium', secret: 'Hemmelig' },
  encoding: 'Filens tegnsæt',
  encodings: {
    auto: 'Automatisk (anbefalet)',
    utf8: 'Altid UTF-8',
    cp1252: 'Altid Windows-1252',
  },
  format: 'Filformat',
  formats: { excel: 'Excel (semikolon)', standard: 'Standard-CSV (komma)' },
  rowsPerFile: 'Beskeder pr. fil',
  rowsHelp: 'Udbyderen anbefaler {{rows, number}}.',
};

export const app: Catalogue['app'] = {
  name: 'Sendsheet',
  nav: 'Hovedmenu',
  screens: {
    send: 'Send et regneark',
    history: 'Historik',
    inspect: 'Undersøg en fil',
    settings: 'Indstillinger',
  },
  drop: 'Slip filen for at åbne den',
};

export const settings: Catalogue['settings'] = {
  heading: 'Indstillinger',
  country: 'Standardland',
  countryOption: '{{name}} (+{{code}})',
  countryHelp: 'Til numre, der er skrevet uden landekode.',
  sender: 'Standardafsender',
  profiles: 'Serverprofiler',
  profile: 'Profil {{name}}',
  server: 'Server {{name}}: {{host}}:{{port}} ({{security}})',
  encrypted: 'krypteret',
  encryptedPinned: 'krypteret, certifikat fastlåst',
  notEncrypted: 'ikke krypteret',
  user: 'Brugernavn',
  password: 'Adgangskode',
  passwordSet: 'angivet',
  passwordInKeychain: 'Gemt krypteret i systemets nøglering.',
  passwordForThisRun:
    'Adgangskoden huskes kun, til Sendsheet lukkes: angiv den igen, når Sendsheet starter igen.',
  passwordNotSet: 'ikke angivet',
  save: 'Gem {{name}}',
  saved: 'Gemt.',
  practiceHelp: 'Øvelse sender ikke noget til nogen: beskederne bliver på denne computer.',
};

export const progress = {
  building_one: 'Gør listen med {{count, number}} række klar…',
  building_other: 'Gør listen med {{count, number}} rækker klar…',
  writing: 'Skriver filerne: {{percent, number}} % færdigt',
  preparing_one: 'Gør {{count, number}} besked klar til afsendelse…',
  preparing_other: 'Gør {{count, number}} beskeder klar til afsendelse…',
  uploading: 'Uploader fil {{file, number}} af {{files, number}}',
  uploadingPercent: 'Uploader fil {{file, number}} af {{files, number}}: {{percent, number}} %',
  processing: 'Udbyderen kontrollerer filerne: {{done, number}} af {{files, number}} færdige',
};
