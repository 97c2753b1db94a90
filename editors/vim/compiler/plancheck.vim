" Vim compiler file: plancheck, the checker of implementation plans.
"
"   :compiler plancheck      (set by the plan filetype)
"   :make                    checks the current file
"   :make -I plans           with options: they go before the file
"
" plancheck's diagnostics are `FILE:LINE:COLUMN: error|warning|note:
" MESSAGE [code]`, then the source line and a caret line, which are
" skipped. COLUMN counts characters (code points), not bytes: %v reads it
" as a screen column, which is the same for the text of a plan (Vietnamese
" letters in NFC are one column each). In Vietnamese (LANGUAGE=vi or
" --lang=vi) the words are lỗi, cảnh báo and ghi chú, which %t cannot
" read (it takes the first letter): %E, %W and %N give them their type,
" each message being one line.
"
" The program is g:plancheck_program (or b:), "plancheck" by default.
if exists('current_compiler')
  finish
endif
let current_compiler = 'plancheck'

if exists(':CompilerSet') != 2
  command -nargs=* CompilerSet setlocal <args>
endif

let s:cpo_save = &cpo
set cpo&vim

let s:prog = get(b:, 'plancheck_program', get(g:, 'plancheck_program', 'plancheck'))
execute 'CompilerSet makeprg=' . escape(fnameescape(s:prog), ' \|"') . '\ $*\ %:S'

CompilerSet errorformat=
      \%f:%l:%v:\ %trror:\ %m,
      \%f:%l:%v:\ %tarning:\ %m,
      \%f:%l:%v:\ %tote:\ %m,
      \%E%f:%l:%v:\ lỗi:\ %m,
      \%W%f:%l:%v:\ cảnh\ báo:\ %m,
      \%N%f:%l:%v:\ ghi\ chú:\ %m,
      \%-G%.%#

let &cpo = s:cpo_save
unlet s:cpo_save
