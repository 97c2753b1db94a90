" tests/editors/format.vim: run by vim.sh as
"   vim -u NONE -N -es -i NONE --cmd 'set rtp^=editors/vim' -S format.vim
" with g:plancheck_program, g:good, g:bad and g:out set. Strips the
" indentation of g:good and runs :PlanFormat, writes the buffer to
" g:out . '.good'; runs :PlanFormat on g:bad (a plan with a syntax error)
" and writes to g:out . '.bad' whether the buffer changed and the valid
" quickfix entries (type lnum col name).
filetype plugin indent on
execute 'edit ' . fnameescape(g:good)
silent %substitute/^\s\+//e
PlanFormat
execute 'write! ' . fnameescape(g:out . '.good')
bwipeout!
execute 'edit ' . fnameescape(g:bad)
let s:before = getline(1, '$')
silent! PlanFormat
let s:res = [getline(1, '$') ==# s:before ? 'unchanged' : 'changed', &modified ? 'modified' : 'not modified']
for s:e in getqflist()
  if s:e.valid
    call add(s:res, printf('%s %d %d %s', s:e.type, s:e.lnum, s:e.col, bufname(s:e.bufnr)))
  endif
endfor
call writefile(s:res, g:out . '.bad')
qall!
