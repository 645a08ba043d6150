/**
 * The list a person can try Sendsheet with before they have their own: five people, messages
 * in Danish and English, numbers written in several ways, one message long enough for two SMS
 * parts and two with characters that have plain look-alikes. The numbers are Ofcom's range for
 * drama (+44 7700 900000-900999), which reaches no one.
 */
const ROWS = [
  ['Telefon', 'Navn', 'Besked'],
  ['+44 7700 900123', 'Mette', 'Hej Mette, din ordre er klar til afhentning i butikken i dag.'],
  [
    '0044 7700 900456',
    'Lars',
    'Hej Lars! Vi har åbent til kl. 20 hele ugen – kig forbi og få en kop kaffe.',
  ],
  ['447700900789', 'Emma', 'Hi Emma, your order is ready to collect at our shop today until 6 pm.'],
  [
    '+44 7700 900321',
    'Oliver',
    'Hi Oliver, it’s your birthday month: show this SMS at the till for 10% off anything in the shop, all month long. See you soon!',
  ],
  ['+44 7700 900654', 'Sofie', 'Hej Sofie, tak for dit køb. Vi glæder os til at se dig igen.'],
];

/** The sample as a CSV file of UTF-8, separated by semicolons as Danish Excel saves it. */
export function sampleList(fileName: string): File {
  const text = ROWS.map((row) => row.join(';')).join('\r\n') + '\r\n';
  return new File([new TextEncoder().encode(text)], fileName, { type: 'text/csv' });
}
