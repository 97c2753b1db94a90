# A date with nothing after it, then the end of the block.
printf 'plan x {\n  kind "K"\n}\nprogress x {\n  2024-01-02\n}\n' > case.plan
