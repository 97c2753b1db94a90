" tests/editors/syntax.vim: run by vim.sh as
"   vim -u NONE -N -es -i NONE --cmd 'set rtp^=editors/vim' -S syntax.vim
" with g:positions (the output of `node reference.js positions FILE`),
" g:file and g:out set. Opens FILE with the plan filetype and its syntax,
" and writes to g:out one "FAIL: ..." line per place whose syntax group is
" not of the class the lexer's rules give it, then "checked N".
filetype plugin indent on
syntax on
execute 'edit ' . fnameescape(g:file)
let s:groups = {
      \ 'comment': ['planComment', 'planTodo'],
      \ 'string': ['planString', 'planCurly', 'planQuote', 'planEscape', 'planDeadline'],
      \ 'keyword': ['planKeyword', 'planDeclaration', 'planProgress', 'planConstant'],
      \ 'identifier': ['planIdentifier'],
      \ }
let s:out = []
let s:n = 0
if &filetype !=# 'plan'
  call add(s:out, 'FAIL: ' . g:file . ': filetype is "' . &filetype . '", not plan')
endif
for s:pos in readfile(g:positions)
  let [s:lnum, s:ccol, s:class] = split(s:pos)
  let s:line = getline(str2nr(s:lnum))
  " synID wants a byte column; the positions count characters.
  let s:col = byteidx(s:line, str2nr(s:ccol) - 1) + 1
  let s:name = synIDattr(synID(str2nr(s:lnum), s:col, 1), 'name')
  let s:n += 1
  if index(s:groups[s:class], s:name) < 0
    call add(s:out, printf('FAIL: %s:%s:%s: %s is "%s" (%s)', g:file, s:lnum, s:ccol, s:class, s:name,
          \ strcharpart(s:line, str2nr(s:ccol) - 1, 20)))
  endif
endfor
call add(s:out, 'checked ' . s:n)
call writefile(s:out, g:out)
qall!
