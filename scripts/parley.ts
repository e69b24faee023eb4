// `parley <command> …` (the package's bin, built to dist/parley.js): the server and every
// command-line tool from an installed package, run by node with nothing compiled at start.
//   parley serve                         the API, widget files and dashboard (env: see README)
//   parley site put SITE.json [--new-api-key]
//   parley migrate | backup FILE | restore FILE
//   parley member data|erase --site ID --sub SUB
//   parley import disqus|wordpress|ndjson FILE --site ID [--dry-run] | export --site ID > site.ndjson
const TOOLS = ['site', 'migrate', 'backup', 'restore', 'member', 'import', 'export'] as const;

const [command, ...rest] = process.argv.slice(2);
// Paths resolved at run time, next to this file in dist/: the bundler leaves them alone.
const sibling = (path: string) => new URL(path, import.meta.url).href;
if (command === 'serve') {
  const { serveFromEnv } = (await import(sibling('./server.js'))) as { serveFromEnv(): Promise<void> };
  await serveFromEnv();
} else if ((TOOLS as readonly string[]).includes(command ?? '')) {
  // Each tool reads its own arguments from process.argv, as when run on its own.
  process.argv = [process.argv[0], sibling(`./cli/${command}.js`), ...rest];
  await import(sibling(`./cli/${command}.js`));
} else {
  console.error(`usage: parley <serve|${TOOLS.join('|')}> …`);
  process.exitCode = 2;
}
