" Vim filetype detection: plancheck plans (*.plan) and progress records
" (*.progress, the record kept beside a plan), both in the plan language.
autocmd BufNewFile,BufRead *.plan,*.progress setfiletype plan
