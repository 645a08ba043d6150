/** The earlier sends of a send's messages, in one sentence, for a refusal and the command line. */
import type { EarlierSend, Standing } from '../../core/contract/api';
import type { Earlier } from './earlier-sends';

const STANDING: Record<Standing, string> = {
  sent: 'sent',
  sending: 'being sent now',
  unknown: 'of unknown outcome',
};

/** `2026-11-24 14:03`, local time: when the person did it. */
function when(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'at an unknown time';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function describeSend(send: EarlierSend): string {
  const names = send.batches.map((batch) => batch.uploadName);
  const shown =
    names.length > 2
      ? `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`
      : names.join(', ');
  const practice = send.practice ? ', practice' : '';
  return `${send.messages} ${STANDING[send.standing]} on ${when(send.at)} in ${shown}${practice}`;
}

/** `all 2 messages were sent before (2 sent on 2026-11-24 14:03 in list-7kx2m9q4ab.csv.ready).` */
export function describeEarlier(total: number, found: Earlier): string {
  const share =
    found.overlap >= total
      ? total === 1
        ? 'this message was'
        : `all ${total} messages were`
      : `${found.overlap} of these ${total} messages ${found.overlap === 1 ? 'was' : 'were'}`;
  const sends = found.earlier.slice(0, 3).map(describeSend);
  const more = found.earlier.length > 3 ? `; and ${found.earlier.length - 3} more sends` : '';
  return `${share} sent before or are on their way (${sends.join('; ')}${more}).`;
}
