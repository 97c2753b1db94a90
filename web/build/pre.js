// pre.js: before plancheck's WebAssembly module starts (emcc --pre-js).
// Standard input, output and error are byte streams that pc.run (api.js)
// fills and empties for each run, and the environment is the command
// line's default one: English until --lang=vi, whatever language the
// browser reports (emscripten would take LANG from navigator.language).
Module['preRun'] = [function () {
  ENV['LANG'] = 'C.UTF-8';
  FS.init(function () { return Module['wbInput'](); },
          function (b) { Module['wbOutput'](1, b); },
          function (b) { Module['wbOutput'](2, b); });
}].concat(Module['preRun'] || []);
