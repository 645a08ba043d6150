/** Core's problems in Danish, made from their code and values (see en/problems.ts). */
import type { Catalogue } from '../catalogue';

export const problems: Catalogue['problems'] = {
  'too-large': {
    cut: 'Filen er større end 30 MiB; udbyderen læser filer på op til 30 MiB ({{limit, number}} byte): del den op i filer med {{rows, number}} rækker.',
    bytes:
      'Filen fylder {{bytes, number}} byte; udbyderen læser filer på op til 30 MiB ({{limit, number}} byte): del den op i filer med {{rows, number}} rækker.',
  },
  'conflicting-modifiers': {
    default:
      'Filnavnet har både utf8 og cp1252: behold kun det af dem, der passer til filens tegnsæt.',
  },
  'bad-encoding': {
    decode:
      'Filen kan ikke læses som {{encoding}}-tekst: den første byte, der ikke er et tegn, er byte {{offset, number}}. Gem filen igen som CSV UTF-8.',
    'lone-surrogate':
      'Teksten har et ødelagt tegn, som ingen filkodning kan gemme: skriv det igen.',
    'not-cp1252':
      'Tegnet {{char}} kan ikke skrives i Windows-1252: vælg UTF-8 eller automatisk kodning.',
  },
  'empty-file': {
    default: 'Filen er tom: den skal have en række med kolonnenavne og mindst én besked.',
  },
  'tab-delimited': {
    default:
      'Filen er adskilt med tabulatorer, som udbyderen ikke tager imod: gem den som CSV (komma) eller som Excel "CSV (semikolonsepareret)", og giv den navnet .excel.ready.',
  },
  'bad-line-ending': {
    badLineEnding:
      'Rækken slutter med et vognretur-tegn (CR) uden linjeskift: afslut hver række med LF eller CR LF.',
  },
  'unclosed-quote': {
    unclosedQuote:
      'Et anførselstegn (") åbner feltet, men lukker det aldrig, så feltet fortsætter til slutningen af filen: luk det med et anførselstegn, og skriv hvert anførselstegn i feltet to gange ("").',
  },
  'stray-quote': {
    quoteInUnquoted:
      'Et anførselstegn (") står i et felt uden anførselstegn om: sæt anførselstegn om feltet, og skriv anførselstegnet to gange ("").',
    textAfterQuote:
      'Der står tekst efter det afsluttende anførselstegn: sæt anførselstegn om hele feltet, og skriv hvert anførselstegn i det to gange ("").',
  },
  'field-count': {
    default_one:
      'Rækken har {{count}} felt, men overskriften har {{header}}: se efter et manglende eller ekstra "{{delimiter}}", eller en besked med "{{delimiter}}" uden anførselstegn om.',
    default_other:
      'Rækken har {{count}} felter, men overskriften har {{header}}: se efter et manglende eller ekstra "{{delimiter}}", eller en besked med "{{delimiter}}" uden anførselstegn om.',
  },
  'missing-column': {
    blank:
      'Den første række er tom, men den skal navngive kolonnerne ({{accepted}}): "{{column}}" skal være med.',
    absent:
      'Overskriften har ingen kolonne "{{column}}", og den skal være med: den første række skal navngive kolonnerne ({{accepted}}).',
  },
  'unknown-column': {
    unknown: 'Ukendt kolonne {{name}}: de tilladte navne er {{accepted}}.',
    'no-name': 'En kolonne har intet navn: de tilladte navne er {{accepted}}.',
  },
  'duplicate-column': {
    default: 'Kolonnen "{{column}}" står mere end én gang i overskriften: behold én af dem.',
  },
  'no-rows': {
    'header-only': 'Filen har en overskrift, men ingen beskeder under den.',
    'no-messages': 'Der er ingen beskeder.',
  },
  'bad-msisdn': {
    missing: 'Telefonnummeret mangler.',
    scientific:
      'Telefonnummeret {{value}} står som videnskabelig notation, så Excel har allerede mistet de sidste cifre: formatér kolonnen som Tekst (eller Tal med 0 decimaler) i Excel, og skriv numrene igen.',
    prefix:
      'Telefonnummeret {{value}} skal være cifre alene med landekoden og uden "{{prefix}}" foran: skriv {{digits}}.',
    'not-digits':
      'Telefonnummeret {{value}} må kun have cifre (ingen mellemrum, bindestreger, "+" eller bogstaver): 8 til 15 cifre med landekoden, fx 4512345678.',
    'leading-zero':
      'Telefonnummeret {{value}} starter med 0: skriv det med landekoden og uden nuller foran, fx 4512345678.',
    length:
      'Telefonnummeret {{value}} har {{length}} cifre: det skal have 8 til 15 med landekoden, fx 4512345678.',
  },
  'empty-message': {
    default: 'Beskeden er tom.',
  },
  'message-too-long': {
    gsm7: 'Beskeden fylder {{parts}} SMS-dele ({{units}} tegn): den må højst have {{max}} almindelige tegn og {{maxParts}} dele.',
    ucs2: 'Beskeden fylder {{parts}} SMS-dele ({{units}} tegn): med specialtegn må den højst have {{max}} tegn og {{maxParts}} dele.',
  },
  'bad-sender': {
    digits: 'Afsenderen {{value}} har {{length}} cifre: en afsender af tal må højst have 15.',
    'too-long':
      'Afsenderen {{value}} er {{length}} tegn lang: en afsender af tekst må højst have 11 (eller brug op til 15 cifre).',
    'no-letter': 'Afsenderen {{value}} skal have mindst ét bogstav A-Z eller bestå af cifre alene.',
    characters:
      'Afsenderen {{value}} må kun bruge A-Z, a-z, 0-9, mellemrum og . - _ & + (ingen bogstaver som æ, ø, å).',
  },
  'bad-class': {
    default:
      'Klassen {{value}} kender udbyderen ikke: brug standard, premium eller secret (med små bogstaver), eller lad feltet stå tomt for standard.',
  },
  'mixed-class': {
    default:
      'Rækkens klasse er {{class}}, men række {{firstRow}} har {{firstClass}}: alle beskeder i en fil skal have samme klasse, så send dem som separate filer.',
  },
  'bad-userref': {
    default: 'Referencen er {{length}} tegn lang: den må højst have {{max}}.',
  },
  'internal-error': {
    default:
      'Udbyderen kunne ikke behandle filen efter {{attempts}} forsøg ({{cause}}); intet blev sendt. Upload den igen.',
  },
};

export const columnHints: Catalogue['columnHints'] = {
  semicolons:
    'Overskriften er adskilt med semikolon: giv filen navnet .excel.ready for Excel-format.',
  commas: 'Overskriften er adskilt med komma: udelad .excel i navnet for standardformatet.',
  case: 'Der skelnes mellem store og små bogstaver: skriv "{{suggestion}}".',
  spaces: 'Fjern mellemrummene omkring "{{suggestion}}".',
};

export const problemNames: Catalogue['problemNames'] = {
  'too-large': 'filen er for stor',
  'conflicting-modifiers': 'modstridende tilføjelser i navnet',
  'bad-encoding': 'ulæselige tegn',
  'empty-file': 'tom fil',
  'tab-delimited': 'adskilt med tabulatorer',
  'bad-line-ending': 'forkert linjeskift',
  'unclosed-quote': 'anførselstegn lukkes ikke',
  'stray-quote': 'løst anførselstegn',
  'field-count': 'forkert antal felter',
  'missing-column': 'manglende kolonne',
  'unknown-column': 'ukendt kolonne',
  'duplicate-column': 'gentaget kolonne',
  'no-rows': 'ingen beskeder',
  'bad-msisdn': 'forkert telefonnummer',
  'empty-message': 'tom besked',
  'message-too-long': 'for lang besked',
  'bad-sender': 'forkert afsender',
  'bad-class': 'forkert klasse',
  'mixed-class': 'blandede klasser',
  'bad-userref': 'for lang reference',
  'internal-error': 'fejl hos udbyderen',
};
