/** The Danish sentences made on the Node side (see en/said.ts). */
import type { Catalogue } from '../catalogue';

export const said: Catalogue['said'] = {
  reason: {
    'refused-connection': 'afviste forbindelsen',
    'reset-connection': 'afbrød forbindelsen',
    'closed-connection': 'lukkede forbindelsen',
    'no-answer-in-time': 'svarede ikke i tide',
    'no-route': 'kan ikke nås fra denne computer',
    'network-down': 'kan ikke nås: netværket er nede',
    'host-unknown': 'blev ikke fundet: tjek serverens adresse',
    'stopped-answering': 'holdt op med at svare',
    'lost-connection': 'mistede forbindelsen',
    'closed-by-server': 'lukkede forbindelsen (travl eller ved at lukke ned)',
    'login-refused': 'godtog ikke brugernavnet eller adgangskoden',
    answered: 'afviste forespørgslen',
    certificate: 'viste et sikkerhedscertifikat, der ikke er godkendt',
    'no-encryption': 'tilbyder ikke en krypteret forbindelse',
    'needs-encryption': 'tager kun imod krypterede forbindelser',
    'fingerprint-not-sha256': 'har et godkendt fingeraftryk i profilen, som ikke er gyldigt',
    'certificate-not-pinned': 'viste et andet sikkerhedscertifikat end det godkendte',
    'no-answer-within': 'svarede ikke inden for {{ms}}',
    when: '{{reason}} under {{step}}',
  },
  step: {
    listing: 'visningen af dens filer',
    uploading: 'upload af filen',
    'checking-size': 'tjekket af den uploadede fil',
    renaming: 'afleveringen af filen',
  },
  server: {
    failed: 'server {{server}} {{reason}}',
  },
  note: {
    failover: 'Server {{left}} {{reason}}; bruger server {{using}} i stedet.',
    'attempt-failed': 'Server {{server}} {{reason}}.',
    'trying-other': 'Server {{server}} {{reason}}; prøver server {{next}} nu.',
    'trying-again':
      'Server {{server}} {{reason}}; prøver igen om {{wait}}, kl. {{at}} (giver op kl. {{giveUpAt}}).',
    'retry-asking-first': 'Prøver igen: spørger først serverne.',
    'handed-over':
      'Du bad om at annullere, efter at filen var afleveret til udbyderen: den kunne ikke længere annulleres.',
    'history-unsaved': 'Historikken kunne ikke gemmes: forsendelsen mangler måske i Historik.',
    sentences: '{{sentences}}',
  },
  connect: {
    'no-password': 'Profilen “{{profile}}” har ingen adgangskode endnu.',
    stopped: 'Stoppet.',
    'login-failed': 'Kunne ikke logge ind: {{failures}}.',
    failed: 'Kunne ikke forbinde: {{failures}}.',
    unreachable: 'Ingen af serverne kunne nås på {{ms}}: {{failures}}.',
  },
  deliver: {
    'stopped-maybe-sent':
      'Stoppet under afsendelsen: filen er måske nået frem til udbyderen, måske ikke. Tjek igen for at finde ud af det.',
    'stopped-before': 'Stoppet, før noget blev sendt.',
    'left-while-renaming':
      'Filen forsvandt fra serveren, mens den blev afleveret, og den er der ikke nu: den kan være behandlet. Tjek de sendte beskeder, før du sender dem igen.',
    'upload-failed_one': 'Uploaden mislykkedes {{count, number}} gang; intet blev sendt.',
    'upload-failed_other': 'Uploaden mislykkedes {{count, number}} gange; intet blev sendt.',
    refused: '{{failures}}. Intet blev sendt.',
    'refused-not-renamed': '{{failures}}. Filen blev ikke afleveret: intet blev sendt.',
  },
  send: {
    'nothing-sent': 'Intet blev sendt: {{why}}',
    'not-sent': 'Ikke sendt: {{why}}',
    'confirmation-too-old':
      'Intet blev sendt: denne bekræftelse er for gammel. Tryk på Send igen for at se den på ny.',
    'messages-have-problems_one': 'Intet blev sendt: beskederne har {{count, number}} problem.',
    'messages-have-problems_other': 'Intet blev sendt: beskederne har {{count, number}} problemer.',
    'would-reject_one': 'udbyderen ville afvise {{file}} ({{count, number}} problem).',
    'would-reject_other': 'udbyderen ville afvise {{file}} ({{count, number}} problemer).',
    'sent-before_one':
      '{{count, number}} af disse {{total, number}} beskeder er sendt før eller er på vej.',
    'sent-before_other':
      '{{count, number}} af disse {{total, number}} beskeder er sendt før eller er på vej.',
    'history-unsaved':
      'Historikken kunne ikke gemmes, og uden den kunne Sendsheet ikke senere se, om beskederne blev sendt.',
    'file-too-large': '{{file}} er større end {{limit}}: ikke sendt.',
    'too-large-for-memory_one':
      'Intet blev sendt: denne computer giver ikke Sendsheet hukommelse nok til at gøre {{count, number}} besked klar til afsendelse. Del regnearket op i mindre filer, eller luk andre programmer og faner i browseren, og prøv igen.',
    'too-large-for-memory_other':
      'Intet blev sendt: denne computer giver ikke Sendsheet hukommelse nok til at gøre {{count, number}} beskeder klar til afsendelse. Del regnearket op i mindre filer, eller luk andre programmer og faner i browseren, og prøv igen.',
  },
  export: {
    'folder-not-allowed':
      'Sendsheet gemmer kun i sin egen mappe til eksport eller i en mappe, du har valgt i gem-vinduet, ikke i {{folder}}.',
    'messages-have-problems_one':
      'Intet blev eksporteret: beskederne har {{count, number}} problem.',
    'messages-have-problems_other':
      'Intet blev eksporteret: beskederne har {{count, number}} problemer.',
    'cannot-write': 'Filerne kunne ikke gemmes i {{folder}}.',
    'too-large-for-memory_one':
      'Intet blev eksporteret: denne computer giver ikke Sendsheet hukommelse nok til at skrive {{count, number}} besked. Del regnearket op i mindre filer, eller luk andre programmer og faner i browseren, og prøv igen.',
    'too-large-for-memory_other':
      'Intet blev eksporteret: denne computer giver ikke Sendsheet hukommelse nok til at skrive {{count, number}} beskeder. Del regnearket op i mindre filer, eller luk andre programmer og faner i browseren, og prøv igen.',
  },
  profile: {
    unknown: 'Der er ingen profil ved navn “{{profile}}”.',
    'no-password': 'Profilen “{{profile}}” har ingen adgangskode endnu.',
  },
  settings: {
    'not-saved': 'Indstillingerne kunne ikke gemmes.',
  },
  batch: {
    unknown: 'Forsendelsen findes ikke i Historik.',
    'profile-unknown': 'Forsendelsens profil “{{profile}}” kendes ikke.',
    'name-unknown': 'Forsendelsen er ikke lavet af denne app: dens fil hedder {{uploadName}}.',
    'internal-error': 'Der gik noget galt i selve Sendsheet.',
    'not-known-whether-sent':
      'Det vides ikke, om forsendelsen nåede frem til udbyderen: {{why}} Tjek igen spørger serverne igen og sender den kun, hvis den ikke er der.',
    'file-not-kept':
      'Ikke sendt, og filen gemmes ikke længere på denne computer: send listen igen.',
    'cancelled-nothing-sent':
      'Annulleret, før filen blev afleveret til udbyderen: intet blev sendt.',
    interrupted: 'Uploaden blev afbrudt, før filen nåede frem til udbyderen.',
    'not-sent-retry': '{{why}} Intet blev sendt; Prøv igen sender den.',
    'interrupted-by-stop':
      'Sendsheet stoppede, mens forsendelsen blev uploadet, før filen nåede frem til udbyderen.',
    'gone-from-servers':
      'Filen er ikke længere på serverne: den kan være behandlet og så fjernet af nogen. Den sendes ikke igen.',
    'could-not-list': 'Serverne kunne ikke vise deres filer: {{failures}}.',
    'showed-nothing':
      'Server {{server}} viste ingen fil fra den, men det alene beviser ikke, at den ikke blev sendt.',
    'showed-nothing-both':
      'Server {{first}} og server {{second}} viste ingen fil fra den, men det alene beviser ikke, at den ikke blev sendt.',
  },
  retry: {
    'not-now': 'En forsendelse med status “{{state}}” kan ikke prøves igen.',
    elsewhere: 'En anden Sendsheet sender denne forsendelse lige nu.',
    impossible: 'Forsendelsen kan ikke prøves igen.',
  },
  cancel: {
    'too-late': 'Filen er ved at blive afleveret til udbyderen: den kan ikke længere annulleres.',
    elsewhere:
      'En anden Sendsheet (appen eller kommandolinjen) sender denne forsendelse: annullér den der.',
    'handed-over': 'Udbyderen har allerede filen: derfra kan den ikke annulleres.',
    nothing: 'Den bliver ikke sendt: der er intet at annullere.',
  },
  follow: {
    still:
      'Holdt op med at følge forsendelsen: den stod stadig som “{{state}}”, da tiden til at følge den løb ud.',
    'stopped-because': 'Holdt op med at følge forsendelsen: {{why}}',
    'no-server':
      'Holdt op med at følge forsendelsen: ingen af serverne svarede, så den bliver måske stadig behandlet (sidst set som “{{state}}”; {{failures}}).',
    vanished_one:
      'Filen er ikke længere på serveren ({{count, number}} kig over {{ms}}): nogen har slettet eller omdøbt den.',
    vanished_other:
      'Filen er ikke længere på serveren ({{count, number}} kig over {{ms}}): nogen har slettet eller omdøbt den.',
    'cause-not-downloaded': 'Den afviste fil kunne ikke hentes: serveren {{reason}}.',
    'no-cause': 'Den afviste fil siger ikke hvorfor.',
    'cause-unread':
      'Udbyderens begrundelse er ikke skrevet, som Sendsheet læser den: slutningen af den afviste fil følger her, som serveren skrev den.',
  },
  test: {
    'server-answered_one':
      'server {{server}} svarede på {{ms}} ({{count, number}} fil i din kontos mappe)',
    'server-answered_other':
      'server {{server}} svarede på {{ms}} ({{count, number}} filer i din kontos mappe)',
    connected: 'Forbundet: logget ind som {{user}}; {{answered}}.',
    'one-server':
      'Forbundet, men kun til én server: {{answered}}; {{failures}}. Du kan stadig sende, gennem den server, der svarer.',
    'login-refused':
      'Ikke forbundet: brugernavnet eller adgangskoden blev ikke godtaget ({{failures}}).',
    'not-connected': 'Ikke forbundet: {{failures}}.',
    'no-password': 'Ikke testet: profilen “{{profile}}” har ingen adgangskode endnu.',
  },
  app: {
    'not-answering': 'Sendsheet svarer ikke: tjek, at programmet stadig kører, og prøv igen.',
    refused: 'Sendsheet kunne ikke gøre dette. Genindlæs siden, og prøv igen.',
    failed:
      'Der gik noget galt i Sendsheet. Prøv igen; sker det igen, så fortæl support, hvad du gjorde.',
  },
};
