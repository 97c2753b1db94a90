# plancheck: build, test and run. `make run` checks the Tuy Phước plan;
# `make test` builds everything (normal and sanitizer builds) and runs every
# test. Generated files go to build/ and are never edited.

CC       ?= cc
# libzip and libxml2 read Word documents (src/docx.c: the zip archive and
# its XML parts). jansson reads and writes the language server's JSON-RPC
# messages (src/lsp_rpc.c): a parser that validates UTF-8 and rejects what
# is not JSON, which the server meets from any client.
PKGS     := libutf8proc lua5.4 libzip libxml-2.0 jansson
WARN     := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS   ?= -O2 -g
ALL_CFLAGS = $(WARN) $(CPPFLAGS) $(CFLAGS) -D_XOPEN_SOURCE=700 -Isrc -Ibuild \
             $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# Lua is linked from its static archive, which liblua5.4-dev ships: a rule
# calls the C API for every field it reads, and a call into the shared
# library goes through the PLT into position-independent code (5-8 % of a
# national run with the rules; docs/BENCHMARKS.md). The shared library
# serves when the archive is missing.
LUA_LIBDIR := $(shell pkg-config --variable=libdir lua5.4 2>/dev/null)
LUA_LIBS := $(if $(wildcard $(LUA_LIBDIR)/liblua5.4.a),$(LUA_LIBDIR)/liblua5.4.a -ldl,$(shell pkg-config --libs lua5.4 2>/dev/null))
LDLIBS   := $(shell pkg-config --libs libutf8proc libzip libxml-2.0 jansson 2>/dev/null) $(LUA_LIBS) -lm
RE2C     := re2c
RE2CFLAGS := -W -Werror --utf8 --no-generation-date --no-version
LEMON    := lemon

# Debian packages the build needs, by the command or library that needs them.
# gettext compiles the Vietnamese catalogue po/vi.po; libzip-dev and
# libxml2-dev read Word documents (import); libjansson-dev is the language
# server's JSON (lsp).
DEB_PKGS := re2c lemon pkg-config libutf8proc-dev liblua5.4-dev gettext gcc make libzip-dev libxml2-dev libjansson-dev
# ... and the readers `make test` checks the report formats with (JSON
# Schema, iCalendar, Graphviz): independent of plancheck's own writers; a
# real browser that renders the HTML report (tests/run, section html; `make
# screenshot`) with a font that has every Vietnamese letter.
# valgrind runs every command over the real plans (tests/valgrind/run);
# clang's libFuzzer runs the fuzz targets (tests/fuzz/run). pdftotext
# (poppler-utils) reads PDFs for import; pandoc and python3-reportlab make
# the Word and PDF documents of tests/import-sources/run. vim runs the Vim
# files; node (with npm: NodeSource's nodejs has it, Debian's needs the
# package npm as well) the VS Code grammar and extension (tests/editors/run)
# and Microsoft's SARIF Multitool, which validates the SARIF logs
# (tests/sarif/run; npm installs it).
DEB_TEST_PKGS := python3 python3-jsonschema python3-icalendar graphviz chromium fonts-dejavu-core valgrind time \
                 clang libclang-rt-14-dev poppler-utils pandoc python3-reportlab python3-docx \
                 vim nodejs
# ... and what `make bench` compares and measures with: TaskJuggler, and GNU
# time for wall time and peak memory (docs/BENCHMARKS.md).
DEB_BENCH_PKGS := tj3 time
# ... and what `make web` builds the WebAssembly module with: emscripten, and
# dpkg-source (dpkg-dev) to unpack the Debian sources of Lua, utf8proc,
# jansson, zlib, libzip and libxml2 it compiles (web/build/debsrc.sh). `make test` builds and tests
# the module when emcc is installed (`make deps` installs it).
DEB_WEB_PKGS := emscripten dpkg-dev

# src/webapi.c is the WebAssembly build's entry (`make web`), not the program's.
WEB_API  := src/webapi.c
SRC      := $(filter-out $(WEB_API),$(wildcard src/*.c))
GEN      := build/lexer.c build/phrase.c build/gram.c build/stdlib_data.c
STDLIB   := $(sort $(wildcard stdlib/*.plan stdlib/*.lua))
OBJ      := $(patsubst src/%.c,build/%.o,$(SRC)) $(GEN:.c=.o)
LIBOBJ   := $(filter-out build/main.o,$(OBJ))
UNIT_SRC := $(wildcard tests/unit/*.c)

# The Vietnamese messages (src/lang.h): po/vi.po compiled where the
# program looks for it, beside itself in the build tree; LOCALEDIR is where
# an installed program finds it.
PREFIX    ?= /usr/local
LOCALEDIR ?= $(PREFIX)/share/locale
MO       := build/locale/vi/LC_MESSAGES/plancheck.mo
ALL_CFLAGS += -DLOCALEDIR='"$(LOCALEDIR)"'
# lang.c, the one user of LOCALEDIR, is rebuilt when it changes (a
# `make install PREFIX=...` after a plain `make`): build/localedir holds it.
build/lang.o: build/localedir
build/localedir: FORCE
	@mkdir -p build
	@echo '$(LOCALEDIR)' | cmp -s - $@ || echo '$(LOCALEDIR)' > $@
FORCE:

ASAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

.PHONY: npm-deps all run test check-deps check-test-deps deps asan clean unit screenshot bench oom-sweep pot update-po
all: check-deps plancheck $(MO)

plancheck: $(OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(LDLIBS)

build/unit: $(LIBOBJ) $(UNIT_SRC) tests/unit/unit.h
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $(UNIT_SRC) $(LIBOBJ) $(LDLIBS)

build/%.o: src/%.c | build/gram.h check-deps
	@mkdir -p build
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

build/%.o: build/%.c | build/gram.h check-deps
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

build/lexer.c: grammar/lexer.re | build/gram.h check-deps
	@mkdir -p build
	$(RE2C) $(RE2CFLAGS) -o $@ $<

build/phrase.c: grammar/phrase.re | check-deps
	@mkdir -p build
	$(RE2C) $(RE2CFLAGS) --tags -o $@ $<

# lemon writes gram.c and gram.h beside its input: copy the grammar into
# build/ first. A grammar with conflicts fails the build.
# lemon leaves an unchanged gram.h untouched: touch both so make sees them new.
build/gram.c build/gram.h &: grammar/gram.y | check-deps
	@mkdir -p build
	cp grammar/gram.y build/gram.y
	$(LEMON) -q -s build/gram.y > build/lemon.log 2>&1 || { cat build/lemon.log; exit 1; }
	@if grep -q "parsing conflict" build/lemon.log; then cat build/lemon.log; rm -f build/gram.c; exit 1; fi
	touch build/gram.c build/gram.h

build/stdlib_data.c: $(STDLIB) tools/embed.sh
	@mkdir -p build
	sh tools/embed.sh $@ $(STDLIB)

# Every text a user reads is marked _("...") or N_("...") in C and
# _("...") in the standard Lua scripts; the template is extracted from
# them, and `make update-po` merges it into po/vi.po (tests/i18n/run fails
# on a message left untranslated or fuzzy).
POT_C    := $(sort $(SRC) $(WEB_API) $(wildcard src/*.h) grammar/lexer.re grammar/phrase.re grammar/gram.y)
POT_LUA  := $(sort $(wildcard stdlib/*.lua))
pot: build/plancheck.pot
build/plancheck.pot: $(POT_C) $(POT_LUA) tools/pot.sh | check-deps
	@mkdir -p build
	sh tools/pot.sh $@

update-po: build/plancheck.pot
	msgmerge --quiet --update --backup=none --no-fuzzy-matching --no-wrap po/vi.po $<
	msgattrib --no-obsolete --no-wrap -o po/vi.po po/vi.po

# po/part-*.po: translations being written in parallel, folded into
# po/vi.po when they land (tools/catalogue.sh joins them).
$(MO): po/vi.po $(wildcard po/part-*.po) tools/catalogue.sh | check-deps
	@mkdir -p $(dir $@)
	sh tools/catalogue.sh build/vi.po
	msgfmt --check -o $@ build/vi.po

# imread: the lines the Word and PDF readers give (tests/import-sources/).
build/imread: $(LIBOBJ) tests/import-sources/imread.c
	$(CC) $(ALL_CFLAGS) -o $@ tests/import-sources/imread.c $(LIBOBJ) $(LDLIBS)

build-asan/imread: $(filter-out src/main.c,$(SRC)) $(GEN) tests/import-sources/imread.c $(wildcard src/*.h)
	@mkdir -p build-asan
	$(CC) $(WARN) $(ASAN_FLAGS) -D_XOPEN_SOURCE=700 -Isrc -Ibuild -DLOCALEDIR='"$(LOCALEDIR)"' \
	  $(shell pkg-config --cflags $(PKGS) 2>/dev/null) -o $@ $(filter-out src/main.c,$(SRC)) $(GEN) tests/import-sources/imread.c $(LDLIBS)

# The sanitizer build lives in its own directory so both can coexist.
asan: build-asan/plancheck build-asan/unit

build-asan/plancheck: $(SRC) $(GEN) $(wildcard src/*.h) | $(MO)
	@mkdir -p build-asan
	$(CC) $(WARN) $(ASAN_FLAGS) -D_XOPEN_SOURCE=700 -Isrc -Ibuild -DLOCALEDIR='"$(LOCALEDIR)"' \
	  $(shell pkg-config --cflags $(PKGS) 2>/dev/null) -o $@ $(SRC) $(GEN) $(LDLIBS)

build-asan/unit: $(filter-out src/main.c,$(SRC)) $(GEN) $(UNIT_SRC) $(wildcard src/*.h)
	@mkdir -p build-asan
	$(CC) $(WARN) $(ASAN_FLAGS) -D_XOPEN_SOURCE=700 -Isrc -Ibuild -Itests/unit \
	  $(shell pkg-config --cflags $(PKGS) 2>/dev/null) -o $@ $(filter-out src/main.c,$(SRC)) $(GEN) $(UNIT_SRC) $(LDLIBS)

test: check-test-deps plancheck $(MO) build/unit build-asan/plancheck build-asan/unit build/failmalloc.so \
      build/imread build-asan/imread
	bash tests/run

# The allocation-failure shim (LD_PRELOAD) of tests/oom/run.
build/failmalloc.so: tests/oom/failmalloc.c
	@mkdir -p build
	$(CC) -std=c11 -Wall -Wextra -Werror -O2 -shared -fPIC -o $@ $< -ldl

# The allocation-failure sweep alone: every allocation of every command of
# tests/oom/run made to fail in turn (make test runs it too; about 2.5
# minutes on two busy cores).
oom-sweep: check-deps plancheck build/failmalloc.so
	bash tests/oom/run

# The phone-size picture of the Tuy Phước HTML report in docs/.
screenshot: check-deps plancheck
	bash tests/html/screenshot.sh docs/tuyphuoc-report.png
	SHOTS=1 node tests/web/page/run ./plancheck

# Exit status 1 means findings: that is the answer, not a failed build.
run: check-deps plancheck $(MO)
	./plancheck plans/tuyphuoc.plan || [ $$? -eq 1 ]

# The Debian packages the build needs (and `make test` the tests need):
# installed when missing if run as root, else the build stops and names
# them (tools/deps.sh).
check-deps:
	@sh tools/deps.sh "the build" $(DEB_PKGS)

check-test-deps:
	@sh tools/deps.sh "make test" $(DEB_PKGS) $(DEB_TEST_PKGS)

deps:
	@if [ "$$(id -u)" != 0 ]; then echo "error: 'make deps' installs Debian packages and must run as root"; exit 2; fi
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(DEB_PKGS) $(DEB_TEST_PKGS) $(DEB_BENCH_PKGS) $(DEB_WEB_PKGS)
	@# npm: Debian's nodejs comes without it, NodeSource's (and no package npm then) with it.
	command -v npm >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends npm

# The npm packages of the editor tests and of the SARIF validator, as their
# package-lock.json files lock them (npm ci installs exactly those).
NPM_DIRS := editors/vscode tests/sarif web
test: npm-deps
npm-deps: $(NPM_DIRS:%=%/node_modules/.package-lock.json)
%/node_modules/.package-lock.json: %/package-lock.json
	@command -v npm >/dev/null || { echo "make test: npm is missing: install the Debian package npm (or run 'make deps' as root)" >&2; exit 2; }
	cd $* && npm ci --no-audit --no-fund

# The benchmarks of docs/BENCHMARKS.md: makes the synthetic cascades in
# bench/data/ (once), verifies them and rewrites the measured section.
bench: check-deps plancheck
	@command -v tj3 >/dev/null || echo "note: tj3 not found (Debian package 'tj3'): no TaskJuggler comparison"
	@test -x /usr/bin/time || { echo "error: /usr/bin/time not found: install the Debian package 'time' (or run 'make deps' as root)"; exit 2; }
	bench/run

# ---- installing (make install, make uninstall, make deb) ----
# `make install [PREFIX=/usr/local] [DESTDIR=]`: the program; its
# Vietnamese catalogue, where the program finds it beside itself
# (BIN/../share/locale; else the LOCALEDIR it was built with); the manual
# pages plancheck(1) and plancheck-language(5), English and Vietnamese;
# the standard library as files to read (the program keeps its built-in
# copy; --stdlib PREFIX/share/plancheck/stdlib reads these); the Vim files
# of editors/vim where Vim looks (share/vim/vimfiles, in Debian's
# runtimepath) and the TextMate grammar and language configuration of
# editors/vscode in share/plancheck/editors (the .vsix is `npm run
# package`'s, not install's); README.md, docs/ and editors/README.md in
# share/doc/plancheck. `make uninstall` removes the same files.
#
# What `make install` needs besides the build: pandoc writes the manual
# pages from man/*.md (DEB_TEST_PKGS has it too). debhelper, dpkg-dev and
# lintian build and check the Debian package (Rules-Requires-Root: no,
# so no fakeroot); debootstrap makes the clean Debian that tests/deb/run
# installs it on.
DEB_INSTALL_PKGS := pandoc
DEB_TEST_PKGS    += debhelper dpkg-dev lintian debootstrap
VERSION    := $(shell sed -n 's/^\#define PLANCHECK_VERSION "\(.*\)"$$/\1/p' $(SRC) $(wildcard src/*.h) | head -n 1)
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share
MANDIR     ?= $(DATADIR)/man
VIMDIR     ?= $(DATADIR)/vim/vimfiles
PKGDATADIR ?= $(DATADIR)/plancheck
DOCDIR     ?= $(DATADIR)/doc/plancheck

# The manual pages are written in Markdown (man/NAME.S.md, man/vi/NAME.S.md)
# and made into roff by pandoc: a page is then edited like the rest of
# the documentation, a command added by adding its section, and
# build/man/[vi/]NAME.S is installed as MANDIR/[vi/]manS/NAME.S.
# Hyphenation is off: groff's patterns are English, and would break
# Vietnamese syllables anywhere.
MAN_MD     := $(sort $(wildcard man/*.md man/vi/*.md))
MAN_PAGES  := $(MAN_MD:man/%.md=build/man/%)
man_dest    = $(DESTDIR)$(MANDIR)/$(patsubst ./,,$(dir $(1:build/man/%=%)))man$(subst .,,$(suffix $(1)))/$(notdir $(1))
VIM_FILES  := $(sort $(shell find editors/vim -type f \( -name '*.vim' -o -path '*/doc/*.txt' \) 2>/dev/null))
DOC_FILES  := README.md $(sort $(wildcard docs/*.md docs/vi/*.md docs/*.schema.json editors/README.md))
EDITOR_FILES := $(sort $(wildcard editors/vscode/language-configuration.json editors/vscode/syntaxes/*.tmLanguage.json))

man: $(MAN_PAGES)
build/man/%: man/%.md | check-install-deps
	@mkdir -p $(dir $@)
	pandoc --standalone --from markdown --to man -M hyphenate=false -M footer='plancheck $(VERSION)' -o $@ $<

install: all man
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LOCALEDIR)/vi/LC_MESSAGES $(DESTDIR)$(PKGDATADIR)/stdlib
	install -m 755 plancheck $(DESTDIR)$(BINDIR)/plancheck
	install -m 644 $(MO) $(DESTDIR)$(LOCALEDIR)/vi/LC_MESSAGES/plancheck.mo
	install -m 644 $(STDLIB) $(DESTDIR)$(PKGDATADIR)/stdlib/
	$(foreach p,$(MAN_PAGES),install -D -m 644 $(p) $(call man_dest,$(p))$(nl))
	$(foreach f,$(VIM_FILES),install -D -m 644 $(f) $(DESTDIR)$(VIMDIR)/$(f:editors/vim/%=%)$(nl))
	$(foreach f,$(EDITOR_FILES),install -D -m 644 $(f) $(DESTDIR)$(PKGDATADIR)/$(f)$(nl))
	$(foreach f,$(DOC_FILES),install -D -m 644 $(f) $(DESTDIR)$(DOCDIR)/$(f)$(nl))

# The files install wrote, and plancheck's own directories; the shared
# directories (bin, man/man1, vimfiles/syntax...) stay, as they may have
# been there before.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/plancheck $(DESTDIR)$(LOCALEDIR)/vi/LC_MESSAGES/plancheck.mo
	rm -f $(foreach p,$(MAN_PAGES),$(call man_dest,$(p)))
	rm -f $(VIM_FILES:editors/vim/%=$(DESTDIR)$(VIMDIR)/%)
	rm -rf $(DESTDIR)$(PKGDATADIR) $(DESTDIR)$(DOCDIR)

# One command per line in a $(foreach) recipe.
define nl


endef

check-install-deps:
	@sh tools/deps.sh "make install" $(DEB_INSTALL_PKGS)

# `make deb`: the Debian package (debian/, debhelper), built from a copy
# of the source tree (the files git knows, as they are in the working
# tree) in build/deb/src, so that dpkg-buildpackage writes nothing beside
# the repository; the .deb, the source package and lintian's report
# (build/deb/lintian.txt) land in build/deb/. An error or a warning from
# lintian fails the target (the few tags overridden say why in
# debian/*lintian-overrides).
DEB_ARCH := $(shell dpkg --print-architecture 2>/dev/null)
DEB_FILE := build/deb/plancheck_$(VERSION)_$(DEB_ARCH).deb
deb: $(DEB_FILE)
$(DEB_FILE): $(SRC) $(wildcard src/*.h grammar/* stdlib/* po/*.po man/*.md man/vi/*.md debian/* debian/*/*) \
             $(VIM_FILES) $(EDITOR_FILES) $(DOC_FILES) Makefile tools/deb.sh | check-deb-deps
	sh tools/deb.sh $(VERSION) $(DEB_ARCH)

check-deb-deps:
	@sh tools/deps.sh "make deb" debhelper dpkg-dev lintian $(DEB_PKGS) $(DEB_INSTALL_PKGS)

.PHONY: man install uninstall deb check-install-deps check-deb-deps FORCE
# ---- end of installing ----

# ---- fuzzing (tests/fuzz/README.md) ----
# Each target of tests/fuzz/ is linked twice: with libFuzzer (clang's
# -fsanitize=fuzzer; build/fuzz/TARGET) and with replay.c under the normal
# compiler's sanitizers (build/fuzz/replay-TARGET), which replays the
# regression inputs where clang is missing. `make fuzz FUZZ_SECONDS=N` runs
# every target for N seconds, FUZZ_JOBS at once; `make test` runs a smoke
# run of each and replays tests/fuzz/regress/ (tests/fuzz/run).
FUZZ_TARGETS := lex-parse check phrase progress lua docx import session fmt
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 600
FUZZ_JOBS    ?= $(shell nproc 2>/dev/null || echo 1)
FUZZ_LIB     := $(filter-out src/main.c,$(SRC)) $(GEN)
FUZZ_COMMON  := tests/fuzz/fuzz.c
FUZZ_CFLAGS   = $(WARN) -D_XOPEN_SOURCE=700 -Isrc -Ibuild -Itests/fuzz -DFZ_ROOT='"$(CURDIR)"' \
                $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
FUZZ_LF      := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
# One object directory per compiler: lf (clang, libFuzzer coverage) and rp
# (the normal compiler, ASan+UBSan for replay).
fuzz_objs = $(patsubst %.c,build/fuzz/$(1)/%.o,$(notdir $(FUZZ_LIB) $(FUZZ_COMMON)))

.PHONY: fuzz fuzz-build fuzz-replay fuzz-deps fuzz-test-build
fuzz-build: fuzz-deps $(FUZZ_TARGETS:%=build/fuzz/%) fuzz-replay
fuzz-replay: check-deps $(FUZZ_TARGETS:%=build/fuzz/replay-%)

# `make test` replays the regression inputs in any case, and smoke-runs the
# targets when clang can build them (else tests/fuzz/run says why not).
test: fuzz-test-build
fuzz-test-build: fuzz-replay
	@if $(MAKE) -s fuzz-deps >/dev/null 2>&1; then $(MAKE) $(FUZZ_TARGETS:%=build/fuzz/%); \
	 else $(MAKE) -s --no-print-directory fuzz-deps 2>/dev/null || true; fi

fuzz: fuzz-build
	bash tests/fuzz/run --campaign $(FUZZ_SECONDS) --jobs $(FUZZ_JOBS)

fuzz-deps:
	@command -v $(FUZZ_CC) >/dev/null || { echo "error: $(FUZZ_CC) not found: install the Debian packages 'clang' and 'libclang-rt-14-dev' (or run 'make deps' as root)"; exit 2; }
	@echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return d && n ? 0 : 0; }' | \
	  $(FUZZ_CC) -fsanitize=fuzzer -x c -o /dev/null - 2>/dev/null || { echo "error: $(FUZZ_CC) cannot link libFuzzer: install the Debian package 'libclang-rt-14-dev' (or run 'make deps' as root)"; exit 2; }

build/fuzz/%: build/fuzz/lf/t-%.o $(call fuzz_objs,lf)
	$(FUZZ_CC) $(FUZZ_LF) -fsanitize=fuzzer -o $@ $^ $(LDLIBS)

build/fuzz/replay-%: build/fuzz/rp/t-%.o build/fuzz/rp/replay.o $(call fuzz_objs,rp)
	$(CC) $(ASAN_FLAGS) -o $@ $^ $(LDLIBS)

FUZZ_COMPILE_lf = $(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_LF) -fsanitize=fuzzer-no-link
FUZZ_COMPILE_rp = $(CC) $(FUZZ_CFLAGS) $(ASAN_FLAGS)
# The objects of one directory: a target (t-NAME.o), the library, fuzz.c.
define fuzz_objects
build/fuzz/$(1)/t-%.o: tests/fuzz/%.c | build/gram.h
	@mkdir -p $$(@D)
	$$(FUZZ_COMPILE_$(1)) -MMD -MP -c -o $$@ $$<
build/fuzz/$(1)/%.o: src/%.c | build/gram.h
	@mkdir -p $$(@D)
	$$(FUZZ_COMPILE_$(1)) -MMD -MP -c -o $$@ $$<
build/fuzz/$(1)/%.o: build/%.c | build/gram.h
	@mkdir -p $$(@D)
	$$(FUZZ_COMPILE_$(1)) -MMD -MP -c -o $$@ $$<
build/fuzz/$(1)/%.o: tests/fuzz/%.c | build/gram.h
	@mkdir -p $$(@D)
	$$(FUZZ_COMPILE_$(1)) -MMD -MP -c -o $$@ $$<
endef
$(foreach d,lf rp,$(eval $(call fuzz_objects,$(d))))

.PRECIOUS: build/fuzz/lf/%.o build/fuzz/rp/%.o build/fuzz/lf/t-%.o build/fuzz/rp/t-%.o
-include $(wildcard build/fuzz/*/*.d)
# ---- end of fuzzing ----

# ---- web: the checker compiled to WebAssembly (`make web`) ----
# build/web/plancheck.js: one file (the wasm inlined) that loads in a page,
# a worker and node, the JS API of web/build/api.js (pc.run, pc.lsp, pc.FS).
# The same C sources through Debian's emscripten, with Lua, utf8proc and
# jansson compiled from their Debian source packages, fetched at build time
# (web/build/debsrc.sh); so are zlib, libzip and libxml2, for Word
# documents (web/build/doclibs.sh). PDFs need pdftotext, a program: the
# page imports their pasted text (src/webapi.c). The Vietnamese catalogue
# is embedded, and lang.c reads
# it (emscripten's gettext faults). Debian's emscripten runs its
# optimiser with Debian's node-acorn, which a node that is not Debian's
# finds through NODE_PATH.
EMCC       := emcc
WEB_EMCC   := NODE_PATH=$${NODE_PATH:-/usr/share/nodejs} $(EMCC)
WEB_DEB    := build/web/deb
WEB_LUA    := lapi lcode lctype ldebug ldo ldump lfunc lgc llex lmem lobject lopcodes lparser lstate lstring \
              ltable ltm lundump lvm lzio lauxlib lbaselib lcorolib ldblib liolib lmathlib loadlib loslib \
              lstrlib ltablib lutf8lib linit
WEB_JANSSON := dump error hashtable hashtable_seed load memory pack_unpack strbuffer strconv utf value version
WEB_OBJ    := $(patsubst src/%.c,build/web/obj/%.o,$(filter-out src/pdftext.c,$(SRC)) $(WEB_API)) \
              $(patsubst build/%.c,build/web/obj/%.o,$(GEN)) \
              $(WEB_LUA:%=build/web/obj/lua/%.o) $(WEB_JANSSON:%=build/web/obj/jansson/%.o) \
              build/web/obj/utf8proc/utf8proc.o
WEB_CFLAGS := -O2 -DLOCALEDIR='"/usr/share/locale"'
# The libraries' headers are system headers, as they are natively.
WEB_INC    := -I$(WEB_DEB)/lua5.4/src -I$(WEB_DEB)/utf8proc -I$(WEB_DEB)/jansson/src -isystem build/web/include
WEB_LDFLAGS := -sMODULARIZE=1 -sEXPORT_NAME=createPlancheck -sSINGLE_FILE=1 -sALLOW_MEMORY_GROWTH=1 \
              -sENVIRONMENT=web,worker,node -sFORCE_FILESYSTEM=1 -sEXPORTED_RUNTIME_METHODS=FS \
              -sEXPORTED_FUNCTIONS=_wb_run,_wb_flush,_wb_lsp_start,_wb_lsp,_wb_lsp_answer,_wb_lsp_answer_len,_malloc,_free \
              --pre-js web/build/pre.js --post-js web/build/api.js \
              --embed-file $(MO)@/usr/share/locale/vi/LC_MESSAGES/plancheck.mo

.PHONY: web check-web-deps
web: check-web-deps build/web/plancheck.js
check-web-deps:
	@sh tools/deps.sh "make web" $(DEB_PKGS) $(DEB_WEB_PKGS)
WEB_LIBS   := build/web/lib/libxml2.a build/web/lib/libzip.a build/web/lib/libz.a
build/web/plancheck.js: $(WEB_OBJ) $(WEB_LIBS) $(MO) web/build/pre.js web/build/api.js
	$(WEB_EMCC) $(WEB_CFLAGS) $(WEB_LDFLAGS) -o $@ $(WEB_OBJ) $(WEB_LIBS)
	@echo "web: $@ is $$(wc -c < $@) bytes"

WEB_DEB_PKGS := lua5.4 utf8proc jansson zlib libzip libxml2
$(WEB_DEB)/.stamp: web/build/debsrc.sh build/web/deb-pkgs | check-web-deps
	sh web/build/debsrc.sh $(WEB_DEB) $(WEB_DEB_PKGS)
	touch $@
build/web/deb-pkgs: FORCE
	@mkdir -p $(@D)
	@echo '$(WEB_DEB_PKGS)' | cmp -s - $@ || echo '$(WEB_DEB_PKGS)' > $@
# The Word reader's libraries, headers into build/web/include.
$(WEB_LIBS) &: $(WEB_DEB)/.stamp web/build/doclibs.sh web/build/libzip-config.sh
	NODE_PATH=$${NODE_PATH:-/usr/share/nodejs} EMCC=$(EMCC) sh web/build/doclibs.sh $(WEB_DEB) build/web
# jansson's configure writes jansson_config.h; the web's answers are fixed.
build/web/include/jansson_config.h: $(WEB_DEB)/.stamp
	@mkdir -p $(@D)
	sed -e 's/@json_inline@/inline/' -e 's/@json_have_long_long@/1/' -e 's/@json_have_localeconv@/1/' \
	    -e 's/@json_have_atomic_builtins@/1/' -e 's/@json_have_sync_builtins@/1/' \
	    $(WEB_DEB)/jansson/src/jansson_config.h.in > $@
# Debian's luaconf.h includes the header its rules write, naming the
# library directory (no C modules are loaded in the web).
build/web/include/lua5.4-deb-multiarch.h: $(WEB_DEB)/.stamp
	@mkdir -p $(@D)
	echo '#define DEB_HOST_MULTIARCH "wasm32-emscripten"' > $@
# ... and its private configuration: what emscripten's libc has.
build/web/include/jansson_private_config.h: $(WEB_DEB)/.stamp
	@mkdir -p $(@D)
	for h in ENDIAN_H FCNTL_H UNISTD_H SYS_PARAM_H SYS_STAT_H SYS_TIME_H SYS_TYPES_H STDINT_H CLOSE GETPID \
	         GETTIMEOFDAY OPEN READ SYNC_BUILTINS ATOMIC_BUILTINS LOCALE_H SETLOCALE INT32_T UINT32_T UINT16_T \
	         UINT8_T SSIZE_T; do echo "#define HAVE_$$h 1"; done > $@
	echo '#define INITIAL_HASHTABLE_ORDER 3' >> $@
WEB_HDRS := $(WEB_DEB)/.stamp build/web/include/jansson_config.h build/web/include/jansson_private_config.h \
            build/web/include/lua5.4-deb-multiarch.h $(WEB_LIBS)
build/web/obj/lua/%.o: | $(WEB_HDRS)
	@mkdir -p $(@D)
	$(WEB_EMCC) $(WEB_CFLAGS) -Ibuild/web/include -DLUA_COMPAT_5_3 -c -o $@ $(WEB_DEB)/lua5.4/src/$*.c
build/web/obj/jansson/%.o: | $(WEB_HDRS)
	@mkdir -p $(@D)
	$(WEB_EMCC) $(WEB_CFLAGS) $(WEB_INC) -DHAVE_CONFIG_H -c -o $@ $(WEB_DEB)/jansson/src/$*.c
build/web/obj/utf8proc/%.o: | $(WEB_HDRS)
	@mkdir -p $(@D)
	$(WEB_EMCC) $(WEB_CFLAGS) -c -o $@ $(WEB_DEB)/utf8proc/$*.c
# main.c's main becomes wb_cli_main, which src/webapi.c calls for pc.run.
build/web/obj/main.o: WEB_MAIN := -Dmain=wb_cli_main -Wno-missing-prototypes
build/web/obj/%.o: src/%.c | build/gram.h $(WEB_HDRS)
	@mkdir -p $(@D)
	$(WEB_EMCC) $(WARN) $(WEB_CFLAGS) $(WEB_MAIN) -D_XOPEN_SOURCE=700 -Isrc -Ibuild $(WEB_INC) -MMD -MP -c -o $@ $<
build/web/obj/%.o: build/%.c | build/gram.h $(WEB_HDRS)
	@mkdir -p $(@D)
	$(WEB_EMCC) $(WARN) $(WEB_CFLAGS) -D_XOPEN_SOURCE=700 -Isrc -Ibuild $(WEB_INC) -MMD -MP -c -o $@ $<
-include $(wildcard build/web/obj/*.d)
# make test builds it where emcc is (tests/web/core/run says when not).
test: $(if $(shell command -v $(EMCC) 2>/dev/null),build/web/plancheck.js)
# ---- end of web ----

clean:
	rm -rf build build-asan plancheck

-include $(wildcard build/*.d)

# ---- the page: build/web/plancheck.html (`make web`) ----
# One self-contained file: web/build.js bundles web/src (CodeMirror 6,
# npm, locked in web/package-lock.json) with esbuild and inlines it, the
# CSS and build/web/plancheck.js into web/index.html. make test builds it
# when emcc is here (tests/web/page/run tests the page around the native
# checker otherwise, and says so).
WEB_PAGE := web/build.js web/index.html web/style.css $(wildcard web/src/*.js) editors/vscode/syntaxes/plan.tmLanguage.json
web: build/web/plancheck.html
build/web/plancheck.html: build/web/plancheck.js $(WEB_PAGE) web/node_modules/.package-lock.json
	@command -v node >/dev/null || { echo "make web: node is missing: install the Debian package nodejs" >&2; exit 2; }
	node web/build.js build/web/plancheck.js $@
test: $(if $(shell command -v $(EMCC)),build/web/plancheck.html)
