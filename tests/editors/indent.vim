" tests/editors/indent.vim: run by vim.sh as
"   vim -u NONE -N -es -i NONE --cmd 'set rtp^=editors/vim' -S indent.vim
" with g:list (a file of lines "IN<Tab>OUT") set: indents each IN with
" gg=G and writes the result to OUT.
filetype plugin indent on
for s:item in readfile(g:list)
  let [s:in, s:out] = split(s:item, "\t")
  execute 'edit ' . fnameescape(s:in)
  normal! gg=G
  execute 'write! ' . fnameescape(s:out)
  bwipeout!
endfor
qall!
