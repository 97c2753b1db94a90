" Vim filetype plugin: the plan language of plancheck (*.plan, *.progress).
"
" Comments are `#` lines; plans are indented by two spaces, as
" `plancheck new` and `plancheck import` write them; `gf` on a `use` or
" `include` path opens the file (stdlib paths such as "std/district" are
" built into plancheck and have no file); :make checks the file with
" plancheck (compiler/plancheck.vim).
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

let s:cpo_save = &cpo
set cpo&vim

setlocal comments=:# commentstring=#\ %s
setlocal formatoptions-=t formatoptions+=croql
setlocal expandtab shiftwidth=2 softtabstop=2
setlocal suffixesadd=.plan,.progress
setlocal include=^\\s*\\%(include\\\|use\\\|kèm\\s\\+theo\\\|dùng\\)\\s\\+\"
setlocal matchpairs+=“:”
compiler plancheck

let b:undo_ftplugin = 'setlocal comments< commentstring< formatoptions< expandtab< shiftwidth<'
      \ . ' softtabstop< suffixesadd< include< matchpairs< makeprg< errorformat<'
      \ . ' | unlet! b:current_compiler'

let &cpo = s:cpo_save
unlet s:cpo_save
