// The moderator dashboard's page: a shell that loads its own bundle (readers never fetch it).
import type { Context } from 'hono';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parley — moderation</title>
<style>html,body{margin:0;height:100%;background:Canvas;color:CanvasText;font-family:system-ui,sans-serif}</style>
</head><body><div id="parley-moderate"></div><script type="module" src="/moderate.js"></script></body></html>`;

export function dashboardPage(c: Context) {
  c.header('Cache-Control', 'no-cache');
  c.header('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");
  return c.html(PAGE);
}
