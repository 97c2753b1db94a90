# `issued` must name the body before the document.
printf 'plan x {\n  kind "K"\n}\nprogress x {\n  2024-01-02 issued "Hướng dẫn số 1"\n}\n' > case.plan
