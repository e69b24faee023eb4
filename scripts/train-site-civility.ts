// `npm run civility:train -- --site ID [--activate] [--sample SHARE]`
//
// Trains a civility model for one site: the shared labelled data plus the site's own moderators'
// standing decisions (rejected as a personal attack or as fear-stoking, approved after a hold).
// The candidate is stored in the site's database beside the active model with both models'
// figures on the shared held-out split and on the site's most recent decisions, which it was not
// trained on. With --activate it becomes the model the site's rules run, on every runtime, but
// only when it is no worse than the active one on every figure; the switch is audited and can be
// undone. --sample trains on that share of the shared data (quicker, for trying it out).
import { createLibsqlStore } from '../server/store/libsql';
import { DatabaseEnv, openLibsql } from '../server/runtime/libsql-client';
import { loadModel } from '../server/moderation/civility/index';
import { newId } from '../server/services/ids';
import { nodeOutbound } from '../server/runtime/node-outbound';
import type { ServiceDeps } from '../server/services/deps';
import { activeCivilityModel } from '../server/services/moderation/civility-model';
import { activateCivilityModel } from '../server/services/moderation/activate-civility-model';
import { SITE_OWNER } from '../server/services/moderation/moderator';
import { buildModel } from './civility/build-model';
import { loadCorpus } from './civility/corpus';
import { fnv1a } from './civility/data';
import { figuresOf, worseOn, type ModelFigures } from './civility/compare-models';
import { siteData } from './civility/site-decisions';

const DECISIONS_READ = 50_000;

function argsOf(argv: string[]) {
  const value = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const site = value('--site');
  const sample = value('--sample') === undefined ? 1 : Number(value('--sample'));
  if (!site || !(sample > 0 && sample <= 1)) {
    console.error('Usage: npm run civility:train -- --site ID [--activate] [--sample SHARE (0–1]]');
    process.exit(2);
  }
  return { site, sample, activate: argv.includes('--activate') };
}

const row = (name: string, f: ModelFigures) =>
  `${name.padEnd(28)} ${String(f.sharedAttackAuc).padStart(9)} ${String(f.sharedCivilFpr).padStart(11)} ${String(f.siteRecall).padStart(13)} ${String(f.siteFalseHolds).padStart(14)}`;

async function main() {
  const args = argsOf(process.argv.slice(2));
  const client = await openLibsql(DatabaseEnv.parse(process.env));
  try {
    const store = createLibsqlStore(client);
    const deps: ServiceDeps = { store, now: Date.now, newId, ipSalt: newId(), outbound: nodeOutbound, privateNetworkAllowed: true };
    const site = await store.getSite(args.site);
    if (!site) throw new Error(`No site ${args.site} in ${process.env.LIBSQL_URL ?? 'the default database'}`);

    const { training, recent } = siteData(await store.listModeratorDecisions(site.id, DECISIONS_READ));
    console.log(`${site.id}: ${training.length} moderator decisions to learn from, ${recent.length} recent ones to judge by`);
    const corpus = loadCorpus().filter((r) => args.sample === 1 || fnv1a('sample:' + r.text) % 1000 < args.sample * 1000);
    const started = Date.now();
    const file = buildModel([...corpus, ...training], { permissiveOnly: false, log: (l) => console.log(`  ${l}`) });
    const name = `${site.id}-${new Date(deps.now()).toISOString().slice(0, 10)}`;
    file.name = name;
    const candidate = loadModel(file);
    console.log(`trained in ${((Date.now() - started) / 1000).toFixed(0)} s`);

    // Both judged at the thresholds the site's rules run.
    const civility = site.settings.moderation.rules.civility;
    const thresholds = { attack: civility.attackThreshold, fearAnger: civility.fearAngerThreshold };
    const heldout = corpus.filter((r) => r.split === 'heldout');
    const active = await activeCivilityModel(deps, site);
    const mine = figuresOf(candidate, heldout, recent, thresholds);
    const theirs = figuresOf(active, heldout, recent, thresholds);
    const worse = worseOn(mine, theirs);

    const id = newId();
    await store.saveCivilityModel({
      id,
      siteId: site.id,
      name,
      createdAt: deps.now(),
      figures: { ...file.figures, thresholds: { attack: file.attackThreshold, fearAnger: file.fearAngerThreshold }, candidate: mine, activeWhenTrained: theirs, worseOn: worse },
      model: JSON.stringify(file),
    });
    console.log(`\n${''.padEnd(28)} ${'attack AUC'.padStart(9)} ${'civil flagged'.padStart(11)} ${'recent caught'.padStart(13)} ${'approvals held'.padStart(14)}`);
    console.log(row(`candidate ${name}`, mine));
    console.log(row(`active ${active.file.name}`, theirs));
    console.log(`\nStored candidate ${id}.`);
    if (worse.length) console.log(`It is worse than the active model on: ${worse.join('; ')}.`);
    if (!args.activate) {
      console.log(worse.length ? 'Not activated.' : 'No worse than the active model: run again with --activate to use it.');
      return;
    }
    if (worse.length) {
      console.log('Not activated.');
      process.exitCode = 3;
      return;
    }
    const action = await activateCivilityModel(deps, site, SITE_OWNER, id);
    console.log(`Activated ${name} (${id}) for ${site.id}: ${action.summary}. Undo it from the audit log (action ${action.id}).`);
  } finally {
    client.close();
  }
}

await main();
