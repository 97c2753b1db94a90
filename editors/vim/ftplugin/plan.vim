" Vim filetype plugin: the plan language of plancheck (*.plan, *.progress).
"
" Comments are `#` lines; plans are indented by two spaces, as
" `plancheck new` and `plancheck import` write them; `gf` on a `use` or
" `include` path opens the file (stdlib paths such as "std/district" are
" built into plancheck and have no file); :make checks the file with
" plancheck (compiler/plancheck.vim); :PlanFormat formats the buffer.
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

" :PlanFormat lays the buffer out as `plancheck fmt` does (through
" standard input, so unsaved text is formatted). The buffer changes only
" when plancheck reads it cleanly; otherwise its errors, in the user's
" language, go to the quickfix list under the buffer's name, and the
" first is shown. Not 'formatprg': a range of lines is seldom a whole plan,
" and a filter would put the errors in place of the text.
command! -buffer -bar PlanFormat call s:Format()

let b:undo_ftplugin = 'setlocal comments< commentstring< formatoptions< expandtab< shiftwidth<'
      \ . ' softtabstop< suffixesadd< include< matchpairs< makeprg< errorformat<'
      \ . ' | unlet! b:current_compiler | delcommand -buffer PlanFormat'

if !exists('*s:Format')
  function s:Format() abort
    let prog = get(b:, 'plancheck_program', get(g:, 'plancheck_program', 'plancheck'))
    let lines = getline(1, '$')
    let out = systemlist(shellescape(prog) . ' fmt -', lines)
    if v:shell_error
      let name = substitute(expand('%'), '\\', '\\\\', 'g')
      call map(out, {_, l -> substitute(l, '^<stdin>:', escape(name, '&~') . ':', '')})
      call setqflist([], 'r', {'lines': out, 'efm': &l:errorformat, 'title': 'plancheck fmt'})
      echohl ErrorMsg
      echo get(filter(copy(out), {_, l -> l =~# '^\S\+:\d\+:\d\+: '}), 0, get(out, 0, ''))
      echohl None
      return
    endif
    if out ==# lines
      return
    endif
    let view = winsaveview()
    call setline(1, out)
    if line('$') > len(out)
      silent execute (len(out) + 1) . ',$delete _'
    endif
    call winrestview(view)
  endfunction
endif

let &cpo = s:cpo_save
unlet s:cpo_save
