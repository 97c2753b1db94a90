" tests/editors/syntax.vim: run by vim.sh as
"   vim -u NONE -N -es -i NONE --cmd 'set rtp^=editors/vim' -S syntax.vim
" with g:positions (the output of `node reference.js positions FILE...`)
" and g:out set. Opens each FILE with the plan filetype and its syntax,
" and writes to g:out one "FAIL: ..." line per place whose syntax group is
" not of the class the lexer's rules give it, and "checked FILE N" per file.
filetype plugin indent on
syntax on
let s:groups = {
      \ 'comment': ['planComment', 'planTodo'],
      \ 'string': ['planString', 'planCurly', 'planQuote', 'planEscape', 'planDeadline'],
      \ 'keyword': ['planKeyword', 'planDeclaration', 'planProgress', 'planConstant'],
      \ 'identifier': ['planIdentifier'],
      \ }
let s:out = []
let s:file = ''
let s:n = 0
function! s:Done() abort
  if s:file !=# ''
    call add(s:out, 'checked ' . s:file . ' ' . s:n)
    bwipeout!
  endif
endfunction
for s:pos in readfile(g:positions)
  let [s:f, s:where] = split(s:pos, "\t")
  if s:f !=# s:file
    call s:Done()
    let s:file = s:f
    let s:n = 0
    execute 'edit ' . fnameescape(s:file)
    if &filetype !=# 'plan'
      call add(s:out, 'FAIL: ' . s:file . ': filetype is "' . &filetype . '", not plan')
    endif
  endif
  let [s:lnum, s:ccol, s:class] = split(s:where)
  let s:line = getline(str2nr(s:lnum))
  " synID wants a byte column; the positions count code points, a
  " combining mark (a plan in NFD) as one: byteidxcomp, not byteidx.
  let s:col = byteidxcomp(s:line, str2nr(s:ccol) - 1) + 1
  let s:name = synIDattr(synID(str2nr(s:lnum), s:col, 1), 'name')
  let s:n += 1
  if index(s:groups[s:class], s:name) < 0
    call add(s:out, printf('FAIL: %s:%s:%s: %s is "%s" (%s)', s:file, s:lnum, s:ccol, s:class, s:name,
          \ strpart(s:line, s:col - 1, 24)))
  endif
endfor
call s:Done()
call writefile(s:out, g:out)
qall!
