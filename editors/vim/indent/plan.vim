" Vim indent file: the plan language of plancheck, indented as `plancheck
" fmt` lays it out. A statement starts at its block's level; a block
" opened by `{` at the end of a line is one level in, and `}` closes it;
" a task's attributes (by, due, implements, ... and their Vietnamese) and
" the paragraphs after the first of a task, text or target go on lines of
" their own one level in from the statement, as does the rest of a list
" carried over a line after a comma; a comment takes the indent of
" the line below it. The lines above are taken as already indented, as
" `=` leaves them; strings hold no line breaks, so a brace in one never
" ends a line.
if exists('b:did_indent')
  finish
endif
let b:did_indent = 1

setlocal indentexpr=PlanIndent(v:lnum) indentkeys=0},0#,!^F,o,O,e autoindent
let b:undo_indent = 'setlocal indentexpr< indentkeys< autoindent<'

if exists('*PlanIndent')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

" The words that begin a task's attribute: English, then Vietnamese with
" blanks between words and the tone on either vowel (hóa, hoá).
let s:attr = '^\s*\%(\%(by\|with\|reports\|due\|implements\|cascade\|scope\|id\|note\)\>'
      \ . '\|\%(chủ\s\+trì\|phối\s\+hợp\|báo\s\+cáo\|thời\s\+hạn\|cụ\s\+thể\s\+\%(hóa\|hoá\)\|thực\s\+hiện'
      \ . '\|triển\s\+khai\|chỉ\s\+ở\s\+cấp\|số\s\+hiệu\|ghi\s\+chú\)\%(\k\)\@!\)'
" A statement whose next lines may continue it: a task (a bullet, a printed
" label, `task`), and for paragraphs a `text` or a `target` too.
let s:task = '^\s*\%([-+]\s\|[IVXLCDM]\+\%(\.\| \=-\)\s\|\d\+\%(\.\d\+\)*\.\s\|\d\+)\s\|\%([a-z]\|đ\))\s'
      \ . '\|\%(task\>\|nhiệm\s\+vụ\%(\k\)\@!\)\)'
let s:prose = '^\s*\%(text\>\|target\>\|đoạn\s\+văn\%(\k\)\@!\|chỉ\s\+tiêu\%(\k\)\@!\)'
let s:string = '^\s*["“]'

" Lines (of a statement, of comments) are looked at this far at most, so
" that `=` on a whole file costs in proportion to it whatever its shape (a
" longer statement or comment block is indented as if it started there).
let s:max_lines = 200

" The line without its comment and trailing blanks (a # inside a string
" is text).
function! s:Code(line) abort
  let code = substitute(a:line, '\%(^\%([^"#“]\|"\%([^"\\]\|\\.\)*"\|“[^”]*”\)*\)\zs#.*$', '', '')
  return substitute(code, '\s\+$', '', '')
endfunction

" The nearest line above lnum with code (not blank, not only a comment),
" within s:max_lines; else 0.
function! s:PrevCode(lnum) abort
  let l = a:lnum - 1
  let stop = max([a:lnum - 1 - s:max_lines, 0])
  while l > stop && getline(l) =~# '^\s*\%(#.*\)\=$'
    let l -= 1
  endwhile
  return l > stop ? l : 0
endfunction

" Whether the line (its text) would continue a statement that starts as
" `first` does.
function! s:Continues(text, first) abort
  if a:text =~# s:attr
    return a:first =~# s:task
  endif
  return a:text =~# s:string && (a:first =~# s:task || a:first =~# s:prose)
endfunction

" The line where the statement of line lnum (a code line) starts: lnum,
" or, for a continuation line, the line above it with less indent.
function! s:Statement(lnum) abort
  let lnum = a:lnum
  for _ in range(s:max_lines)
    let prev = s:PrevCode(lnum)
    if prev == 0 || s:Code(getline(prev)) !~# ',$'
      break
    endif
    " A list (of aliases, of bodies) carried over a line.
    let lnum = prev
  endfor
  let text = getline(lnum)
  if text !~# s:attr && text !~# s:string
    return lnum
  endif
  let l = s:PrevCode(lnum)
  let n = 0
  while l > 0 && indent(l) >= indent(lnum) && n < s:max_lines
    let l = s:PrevCode(l)
    let n += 1
  endwhile
  return l > 0 && s:Continues(text, getline(l)) ? l : lnum
endfunction

function! PlanIndent(lnum) abort
  let text = getline(a:lnum)
  if text =~# '^\s*#'
    " A comment is indented as the code below it; one before a `}` as the
    " lines of the block it ends.
    let next = nextnonblank(a:lnum + 1)
    while next > 0 && next <= a:lnum + s:max_lines && getline(next) =~# '^\s*#'
      let next = nextnonblank(next + 1)
    endwhile
    let text = next > 0 && getline(next) !~# '^\s*}' ? getline(next) : ''
  endif
  let prev = s:PrevCode(a:lnum)
  if prev == 0
    return 0
  endif
  let stmt = s:Statement(prev)
  let base = indent(stmt)
  let code = s:Code(getline(prev))
  if code =~# '{$'
    " The first line of a block, or an empty block's `}`.
    return text =~# '^\s*}' ? base : base + shiftwidth()
  endif
  if text =~# '^\s*}'
    return max([base - shiftwidth(), 0])
  endif
  if getline(stmt) =~# '^\s*}'
    return base
  endif
  if code =~# ',$'
    return base + shiftwidth()
  endif
  return s:Continues(text, getline(stmt)) ? base + shiftwidth() : base
endfunction

let &cpo = s:cpo_save
unlet s:cpo_save
