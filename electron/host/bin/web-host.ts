import { reportStartupError, runWebHost } from '../web-host-cli';

runWebHost(process.argv.slice(2)).catch(reportStartupError);
