# A level keyword used as a body id: `body district "..."`.
printf 'plan x {\n  kind "K"\n}\nbody district "Huyện ủy" district\n' > case.plan
