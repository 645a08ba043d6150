// `npm run bench`: every benchmark, with the figures printed; exits 1 when a target is missed.
import { benchCheck } from './check.bench';
import { benchSending } from './sending.bench';
import { benchServers } from './servers.bench';
import { benchUi } from './ui.bench';

const results = [benchCheck(), await benchServers(), await benchSending(), await benchUi()];
process.exitCode = results.every(Boolean) ? 0 : 1;
