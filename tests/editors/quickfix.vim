" tests/editors/quickfix.vim: run by vim.sh as
"   vim -u NONE -N -es -i NONE --cmd 'set rtp^=editors/vim' -S quickfix.vim
" with g:plancheck_program, g:file, g:args (for :make), g:lnum and g:out.
" Opens FILE (filetype plan sets the compiler), runs :make, and writes the
" quickfix list (one line per valid entry: type lnum col vcol) and, after
" jumping to the first entry on line g:lnum, where the cursor is:
" "cursor LNUM CHARCOL VIRTCOL BYTECOL WORD".
filetype plugin indent on
execute 'edit ' . fnameescape(g:file)
let s:out = ['compiler ' . get(b:, 'current_compiler', '') . ' makeprg ' . &l:makeprg]
silent execute 'make! ' . g:args
let s:i = 0
let s:jump = 0
for s:e in getqflist()
  let s:i += 1
  if !s:e.valid
    continue
  endif
  call add(s:out, printf('entry %s %d %d %d %s', s:e.type, s:e.lnum, s:e.col, s:e.vcol, bufname(s:e.bufnr)))
  if s:e.lnum == g:lnum && bufname(s:e.bufnr) ==# g:file && !s:jump
    let s:jump = s:i
  endif
endfor
if s:jump
  silent execute 'cc ' . s:jump
  let s:word = matchstr(getline('.'), '\%' . col('.') . 'c\S\+')
  call add(s:out, printf('cursor %d %d %d %d %s', line('.'), charcol('.'), virtcol('.'), col('.'), s:word))
endif
call writefile(s:out, g:out)
qall!
