" Vim indent file: the plan language of plancheck. A block opened by `{`
" at the end of a line (a comment may follow) is indented one level; a
" line starting with `}` closes it. Strings hold no line breaks, so a brace
" inside one never ends a line.
if exists('b:did_indent')
  finish
endif
let b:did_indent = 1

setlocal indentexpr=PlanIndent(v:lnum) indentkeys=0},0#,!^F,o,O autoindent
let b:undo_indent = 'setlocal indentexpr< indentkeys< autoindent<'

if exists('*PlanIndent')
  finish
endif

" The line without its comment and trailing blanks (a # inside a string
" is text).
function! s:Code(line) abort
  return substitute(a:line, '\%(^\%([^"#“]\|"\%([^"\\]\|\\.\)*"\|“[^”]*”\)*\)\zs#.*$', '', '')
endfunction

function! PlanIndent(lnum) abort
  let prev = prevnonblank(a:lnum - 1)
  if prev == 0
    return 0
  endif
  let ind = indent(prev)
  if s:Code(getline(prev)) =~# '{\s*$'
    let ind += shiftwidth()
  endif
  if getline(a:lnum) =~# '^\s*}'
    let ind -= shiftwidth()
  endif
  return ind < 0 ? 0 : ind
endfunction
