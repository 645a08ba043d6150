// `npm run bench`: every benchmark, with the figures printed; exits 1 when a target is missed.
import { benchCheck } from './check.bench';
import { benchSending } from './sending.bench';
import { benchServers } from './servers.bench';

const results = [benchCheck(), await benchServers(), await benchSending()];
process.exitCode = results.every(Boolean) ? 0 : 1;
