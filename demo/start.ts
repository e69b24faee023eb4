// `npm start`: the demo publisher (article pages, a listing with comment counts, a persona
// switcher) and Parley's API, widget and moderator dashboard, on one port.
import { parseServerEnv } from '../server/runtime/node';
import { buildWidget } from '../scripts/build-widget';
import { startDemo } from './server';

const env = parseServerEnv(process.env);
await buildWidget({ log: () => {} });
const demo = await startDemo(env);

console.log(`
  Parley demo: ${demo.origin}/
    article (news section):        ${demo.origin}/articles/city-budget
    article (newsletter section):  ${demo.origin}/newsletter/morning-briefing
    moderator dashboard:           ${demo.origin}/demo/moderate   (as Morgan, the moderator persona)
                                   ${demo.origin}/moderate?site=demo   (site API key: ${demo.secrets.apiKey})
    mailbox (e-mail Parley sent):  ${demo.origin}/demo/mailbox
  Switch persona with the bar at the top of each page. Ctrl+C to stop.
`);

const stop = () => void demo.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
