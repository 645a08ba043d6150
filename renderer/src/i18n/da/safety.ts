/** The Danish words of sending safely (see en/safety.ts). */
import type { Catalogue } from '../catalogue';

export const confirm: Catalogue['confirm'] = {
  preparing: 'Gør beskederne klar…',
  cost: 'Anslået pris:',
  practice:
    'Øvelse: beskederne går til øveserveren på denne computer. Der bliver ikke sendt nogen SMS til nogen.',
  real: 'Disse beskeder går til rigtige telefoner. Når de er sendt, kan de ikke kaldes tilbage.',
  stillIn: 'Stadig med i forsendelsen: {{list}}.',
  warnings: {
    'not-mobile_one': '{{count, number}} nummer, der måske ikke kan modtage en SMS',
    'not-mobile_other': '{{count, number}} numre, der måske ikke kan modtage en SMS',
    duplicate_one: '{{count, number}} nummer, der står to gange i listen',
    duplicate_other: '{{count, number}} numre, der står to gange i listen',
    lookalikes_one: '{{count, number}} besked med specialtegn, der koster mere',
    lookalikes_other: '{{count, number}} beskeder med specialtegn, der koster mere',
    'unknown-placeholder_one': '{{count, number}} besked med et {navn}, der ikke er en kolonne',
    'unknown-placeholder_other': '{{count, number}} beskeder med et {navn}, der ikke er en kolonne',
  },
  resumes:
    'En tidligere forsendelse af disse beskeder blev afbrudt. Før der sendes, spørges udbyderen, hvad der nåede frem, og kun resten bliver sendt.',
  sendAgain_one: 'Send igen alligevel ({{count, number}} besked to gange)',
  sendAgain_other: 'Send igen alligevel ({{count, number}} beskeder to gange)',
  earlier: {
    all_one: 'Denne besked er sendt før.',
    all_other: 'Alle {{count, number}} beskeder er sendt før.',
    some_one: '{{count, number}} af disse beskeder er sendt før: samme tekst til samme numre.',
    some_other: '{{count, number}} af disse beskeder er sendt før: samme tekst til samme numre.',
    sent_one: '{{count, number}} besked sendt {{at}}, i {{files}}',
    sent_other: '{{count, number}} beskeder sendt {{at}}, i {{files}}',
    sending_one: '{{count, number}} besked bliver sendt lige nu (siden {{at}}), i {{files}}',
    sending_other: '{{count, number}} beskeder bliver sendt lige nu (siden {{at}}), i {{files}}',
    unknown_one:
      '{{count, number}} besked er måske sendt (det vides ikke, om den nåede frem) {{at}}, i {{files}}',
    unknown_other:
      '{{count, number}} beskeder er måske sendt (det vides ikke, om de nåede frem) {{at}}, i {{files}}',
    practice: '(øvelse)',
    againAll:
      'Sender du igen, får de samme personer dem en gang til. Er det ikke det, du vil, så annullér.',
    againSome:
      'Sender du igen, får de samme personer dem en gang til. Er det ikke det, du vil, så annullér, og udelad de rækker.',
  },
};

export const leaveOut: Catalogue['leaveOut'] = {
  heading: 'Rækker, der sendes',
  none: 'Alle rækker bliver sendt. Fjern fluebenet ved en række i listen nedenfor for at udelade den.',
  some_one: '{{count, number}} række er udeladt af forsendelsen.',
  some_other: '{{count, number}} rækker er udeladt af forsendelsen.',
  bulk: {
    cannotReceive_one: 'Udelad {{count, number}} række, der ikke kan modtage en SMS',
    cannotReceive_other: 'Udelad {{count, number}} rækker, der ikke kan modtage en SMS',
    repeated_one: 'Udelad {{count, number}} gentaget nummer',
    repeated_other: 'Udelad {{count, number}} gentagne numre',
    problem_one: 'Udelad {{count, number}} række med problemer',
    problem_other: 'Udelad {{count, number}} rækker med problemer',
  },
  putBack_one: 'Tag {{count, number}} række med igen',
  putBack_other: 'Tag alle {{count, number}} rækker med igen',
  save: 'Gem de udeladte rækker som regneark',
  file: {
    row: 'Række',
    number: 'Telefonnummer',
    message: 'Besked',
    why: 'Hvorfor den blev udeladt',
    found: '{{why}}: {{found}}',
    reasons: {
      byHand: 'Udeladt manuelt',
      cannotReceive: 'Kan ikke modtage en SMS',
      repeated: 'Gentaget nummer',
      problem: 'Udbyderen ville afvise den',
    },
  },
  saved_one: '{{name}} er gemt: {{count, number}} række med grunden til den.',
  saved_other: '{{name}} er gemt: {{count, number}} rækker med grunden til hver.',
};

export const prices: Catalogue['prices'] = {
  heading: 'Priser',
  intro:
    'Hvad én SMS-del koster dig, så hver forsendelse viser sin pris, før den sendes. En besked med op til 160 almindelige tegn er én del.',
  currency: 'Valuta',
  perPart: 'Pris pr. SMS-del',
  country: 'Land',
  countryPerPart: 'Landets pris pr. SMS-del',
  remove: 'Fjern',
  removeWhat: ' landets pris',
  add: 'Tilføj en pris for et land',
  save: 'Gem priser',
  saved: 'Gemt: {{price}} pr. SMS-del.',
  badCurrency: 'Valutaen skrives med sin kode på tre bogstaver, som DKK, EUR eller SEK.',
  badPrice: 'Prisen pr. SMS-del er et tal, som {{example, number}}.',
  badCountryPrice: 'Hvert land skal have sin pris, et tal som {{example, number}}.',
};

export const connection: Catalogue['connection'] = {
  test: 'Test forbindelsen',
  testing: 'Tester…',
  loggingIn: 'Logger ind på hver server…',
  server: 'Server {{name}} ({{host}}:{{port}}): {{answer}}',
  answered: 'svarede på {{ms, number}} ms',
  encrypted: '; krypteret',
  notEncrypted: '; ikke krypteret',
  pinned: '; krypteret, certifikatets fingeraftryk {{fingerprint}}',
};

export const practice: Catalogue['practice'] = {
  badge: 'Øvelse: intet forlader denne computer',
  profileTag: 'Øvelse: intet forlader denne computer',
  tag: 'Øvelse',
  profileName: 'Øvelse på denne computer',
};

export const ownNumber: Catalogue['ownNumber'] = {
  form: 'Dit eget nummer',
  label: 'Dit eget mobilnummer',
  help: 'Hvor "Send en test til mig" først sender en besked, så du kan se den.',
  save: 'Gem mit nummer',
  saved: 'Gemt: {{number}}.',
  removed: 'Fjernet.',
  notMobile: 'Det er ikke et mobilnummer.',
  why: {
    missing: 'Telefonnummeret mangler.',
    type: '{{number}} er {{type}}: det kan ikke modtage en SMS.',
    'not-in-use': '{{number}} er ikke et nummer, der bruges i {{country}}: tjek det.',
    'not-a-number':
      '{{number}} er ikke et telefonnummer: skriv det med landekode, fx +45 12 34 56 78.',
  },
  types: {
    FIXED_LINE: 'et fastnetnummer',
    TOLL_FREE: 'et gratisnummer',
    PREMIUM_RATE: 'et overtakseret nummer',
    SHARED_COST: 'et nummer med delt betaling',
    VOIP: 'et internettelefonnummer',
    PAGER: 'et personsøgernummer',
    UAN: 'et firmas omstillingsnummer',
    VOICEMAIL: 'et telefonsvarernummer',
    PERSONAL_NUMBER: 'et personligt viderestillingsnummer',
    other: 'ikke et mobilnummer',
  },
  callingCode: 'landekode +{{code}}',
};

export const firstRun: Catalogue['firstRun'] = {
  heading: 'Velkommen til Sendsheet',
  question: 'Hvor skal dine beskeder hen? Du kan ændre det senere under Indstillinger.',
  practice: 'Øv dig på denne computer',
  practiceHelp:
    'Prøv det hele trygt: beskederne går til en øveserver på denne computer, og der bliver ikke sendt nogen SMS til nogen.',
  provider: 'Min konto hos udbyderen',
  providerHelp: 'Send rigtige SMS til rigtige telefoner med den konto, du betaler for.',
  noProfile: 'Der er ingen profil for en udbyder at sætte op.',
  account: 'Brugernavn og adgangskode til din konto hos {{name}} (fra udbyderens kontrolpanel).',
  back: 'Tilbage',
  test: 'Test forbindelsen',
  testing: 'Tester forbindelsen…',
  use: 'Brug min konto',
};
