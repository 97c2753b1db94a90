#!/usr/bin/env node
// build.js: bundles the page into ONE self-contained file.
//
//   node web/build.js [--main-thread] [PLANCHECK_JS [OUT_HTML]]
//   (defaults: build/web/plancheck.js, build/web/plancheck.html)
//
// esbuild bundles web/src/main.js with CodeMirror and the plan
// language's colouring (read from the generated TextMate grammar); the
// result, web/style.css and PLANCHECK_JS (the checker, wasm inlined:
// emscripten's SINGLE_FILE) are inlined into web/index.html. Nothing is
// left to fetch: the page works from file:// with no network.
'use strict';
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const here = __dirname;
const root = path.dirname(here);
// --main-thread: the checker runs in the page itself, not in a worker
// (the test's fake of the module needs the page's own globals).
const args = process.argv.slice(2).filter((a) => a !== '--main-thread');
const mainThread = process.argv.includes('--main-thread');
const jsPath = args[0] || path.join(root, 'build', 'web', 'plancheck.js');
const outPath = args[1] || path.join(root, 'build', 'web', 'plancheck.html');

// A </script> inside inlined code would end the element early.
function inlineSafe(js) { return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--'); }

function main() {
  if (!fs.existsSync(jsPath)) {
    console.error(`web/build.js: ${jsPath} is missing: build it first (make web)`);
    process.exit(2);
  }
  const bundle = esbuild.buildSync({
    entryPoints: [path.join(here, 'src', 'main.js')],
    bundle: true, minify: true, write: false, format: 'iife', target: 'es2020',
    charset: 'utf8', legalComments: 'none', logLevel: 'warning',
  });
  const page = bundle.outputFiles[0].text;
  const checker = fs.readFileSync(jsPath, 'utf8');
  const css = fs.readFileSync(path.join(here, 'style.css'), 'utf8');
  let html = fs.readFileSync(path.join(here, 'index.html'), 'utf8');
  // Function replacers: '$' in the inlined code is not a pattern.
  html = html.replace('/*STYLE*/', () => css)
    // The checker as text for a worker (the page stays free while it
    // checks), or as a script of the page with --main-thread.
    .replace('<script>/*PLANCHECK*/</script>', () => (mainThread ? '<script>' : '<script type="text/plain" id="plancheck-src">')
      + inlineSafe(checker) + '</script>')
    .replace('<script>/*PAGE*/</script>', () => '<script>' + inlineSafe(page) + '</script>');
  fs.mkdirSync(path.dirname(outPath), { recursive: true });
  const tmp = outPath + '.tmp';
  fs.writeFileSync(tmp, html);
  fs.renameSync(tmp, outPath);   // atomic: never a half-written page
  const bytes = (s) => Buffer.byteLength(s, "utf8");
  console.log(`${path.relative(process.cwd(), outPath)}: ${bytes(html)} bytes (page ${bytes(page)}, checker ${bytes(checker)})`);
}

main();
