# An include cycle through two spellings of one file. The case lives in
# sub/; case.plan (the file checked) includes "sub/a", a includes "./b.plan",
# and b includes "../sub/a.plan": the same real file as "sub/a", spelled
# differently. The cycle must be found (no endless loop) and reported at b's
# include, with the chain of includes.
mkdir -p sub
printf 'plan x {\n  kind "K"\n}\ninclude "sub/a"\n' > case.plan
printf 'include "./b.plan"\n' > sub/a.plan
printf 'include "../sub/a.plan"\n' > sub/b.plan
