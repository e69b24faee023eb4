// embed.js: the tiny loader publishers paste next to <div id="parley-comments">. It reads
// data-* settings and loads the reader app (app.js) from the same place only when it runs.
import { boot } from './loader/boot';

boot(document);
