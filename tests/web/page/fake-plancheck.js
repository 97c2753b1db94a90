// fake-plancheck.js: a stand-in for build/web/plancheck.js, for
// developing the page before the WebAssembly module exists. It has the
// module's JS API (createPlancheck: FS, run, lsp) and hands every call to
// the test harness (tests/web/page/run exposes __fakeWrite, __fakeRun
// and __fakeLsp), which runs the native ./plancheck on a directory that
// stands for /work. Its calls return promises; the page awaits them.
// The page is never shipped with this file: only the harness bundles it.
globalThis.createPlancheck = async function createPlancheck() {
  let pending = Promise.resolve();
  const pc = {
    lspArgs: ['-I', '/work'],
    FS: {
      writeFile(path, data) {
        const bytes = typeof data === 'string' ? null : Array.from(data);
        pending = pending.then(() => globalThis.__fakeWrite(path, bytes ? null : data, bytes));
      },
      unlink(path) { pending = pending.then(() => globalThis.__fakeWrite(path, null, null, false, true)); },
      chdir() { /* the harness runs plancheck in the directory standing for /work */ },
      mkdir(path) { pending = pending.then(() => globalThis.__fakeWrite(path, null, null, true)); },
    },
    async run(argv, stdin) { await pending; return globalThis.__fakeRun(argv, stdin || ''); },
    async lsp(message) { await pending; return globalThis.__fakeLsp(pc.lspArgs, message); },
  };
  return pc;
};
